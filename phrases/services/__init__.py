"""Every write to the phrase library: the actions (`phrases.services.actions`) and a keyword-only service for each."""
from phrases.services.library_import import ImportReport, library_import
from phrases.services.usage import phrase_record_use
from phrases.services.workflow import (
    finding_dismiss,
    finding_dismissal_withdraw,
    phrase_approve,
    phrase_archive,
    phrase_confirm_current,
    phrase_create,
    phrase_delete,
    phrase_reject,
    phrase_restore,
    phrase_revert,
    phrase_submit,
    phrase_update,
)

__all__ = [
    "ImportReport",
    "finding_dismiss",
    "finding_dismissal_withdraw",
    "library_import",
    "phrase_approve",
    "phrase_archive",
    "phrase_confirm_current",
    "phrase_create",
    "phrase_delete",
    "phrase_record_use",
    "phrase_reject",
    "phrase_restore",
    "phrase_revert",
    "phrase_submit",
    "phrase_update",
]
