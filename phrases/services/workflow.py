"""The library's write services: keyword-only, typed, each one action (`phrases.services.actions`).

A service names the transition for callers that write code rather than hold an action (tests,
commands, the API's views): `phrase_approve(phrase=…, actor=…)` is
`ApproveAction(phrase, actor=…).execute()`. Pages that need to know whether a step is allowed
ask the action's `can()`.
"""
from phrases.models import Phrase
from phrases.services.actions import (
    ApproveAction,
    ArchiveAction,
    ConfirmAction,
    ConfirmVariantAction,
    CreateAction,
    DeleteAction,
    DismissFindingAction,
    LinkFamilyAction,
    RejectAction,
    RestoreAction,
    RevertAction,
    SubmitAction,
    UpdateAction,
    WithdrawDismissalAction,
)


def phrase_create(*, actor, key: str, title: str, body: str, topic, language: str, shortcut: str = "",
                  hotkey: str = "", keywords=(), family: str = "", reason: str = "") -> Phrase:
    """Create a draft phrase owned by `actor` (a writer or reviewer)."""
    content = {"title": title, "body": body, "topic": topic, "language": language, "shortcut": shortcut,
               "hotkey": hotkey, "family": family,
               "keywords": keywords if isinstance(keywords, str) else list(keywords or [])}
    return CreateAction(actor=actor, key=key, content=content, reason=reason).execute()


def phrase_update(*, phrase: Phrase, actor, changes: dict, reason: str = "",
                  expected_revision: int | None = None) -> Phrase:
    """Edit the working copy; `expected_revision` (the API's If-Match) refuses an edit of a stale copy."""
    return UpdateAction(phrase, actor=actor, changes=changes, reason=reason,
                        expected_revision=expected_revision).execute()


def phrase_submit(*, phrase: Phrase, actor, note: str = "", reason: str = "",
                  expected_revision: int | None = None) -> Phrase:
    """Send a draft for review, with an optional note to the reviewer."""
    return SubmitAction(phrase, actor=actor, note=note, reason=reason, expected_revision=expected_revision).execute()


def phrase_approve(*, phrase: Phrase, actor, acknowledge_warnings: bool = False, reason: str = "",
                   expected_revision: int | None = None) -> Phrase:
    """Approve a phrase in review: its text becomes live and its next review is scheduled."""
    return ApproveAction(phrase, actor=actor, acknowledge_warnings=acknowledge_warnings, reason=reason,
                         expected_revision=expected_revision).execute()


def phrase_reject(*, phrase: Phrase, actor, comment: str, expected_revision: int | None = None) -> Phrase:
    """Send a phrase in review back to its writer with a comment; the live text stays as it was."""
    return RejectAction(phrase, actor=actor, comment=comment, expected_revision=expected_revision).execute()


def phrase_confirm_current(*, phrase: Phrase, actor, reason: str = "",
                           expected_revision: int | None = None) -> Phrase:
    """"Reviewed, still right": restart a live phrase's review clock without a new text."""
    return ConfirmAction(phrase, actor=actor, reason=reason, expected_revision=expected_revision).execute()


def phrase_archive(*, phrase: Phrase, actor, reason: str = "", expected_revision: int | None = None) -> Phrase:
    """Retire a phrase: it leaves the live library. Archiving a live phrase needs a reviewer."""
    return ArchiveAction(phrase, actor=actor, reason=reason, expected_revision=expected_revision).execute()


def phrase_restore(*, phrase: Phrase, actor, reason: str = "", expected_revision: int | None = None) -> Phrase:
    """Bring an archived phrase back as a draft."""
    return RestoreAction(phrase, actor=actor, reason=reason, expected_revision=expected_revision).execute()


def phrase_delete(*, phrase: Phrase, actor, expected_revision: int | None = None) -> None:
    """Delete a phrase for good (superusers only); its history keeps a deletion record."""
    DeleteAction(phrase, actor=actor, expected_revision=expected_revision).execute()


def phrase_revert(*, phrase: Phrase, actor, version_id: int, reason: str = "", publish: bool = False,
                  acknowledge_warnings: bool = False, expected_revision: int | None = None) -> Phrase:
    """Restore the text of an earlier version as a new version (publishing it too, with `publish`)."""
    return RevertAction(phrase, actor=actor, version_id=version_id, reason=reason, publish=publish,
                        acknowledge_warnings=acknowledge_warnings, expected_revision=expected_revision).execute()


def finding_dismiss(*, phrase: Phrase, actor, rule: str, reason: str, text: str | None = None,
                    start: int | None = None, end: int | None = None, expected_revision: int | None = None):
    """A reviewer overrules one finding on one phrase, with a reason kept in history."""
    return DismissFindingAction(phrase, actor=actor, rule=rule, reason=reason, text=text, start=start, end=end,
                                expected_revision=expected_revision).execute()


def finding_dismissal_withdraw(*, phrase: Phrase, actor, dismissal_id: int,
                               expected_revision: int | None = None) -> Phrase:
    """Undo a dismissal: the finding counts again (and an error blocks approval again)."""
    return WithdrawDismissalAction(phrase, actor=actor, dismissal_id=dismissal_id,
                                   expected_revision=expected_revision).execute()


def phrase_confirm_variant(*, phrase: Phrase, actor, expected_revision: int | None = None) -> Phrase:
    """A reviewer's "still right" for a variant marked "may be outdated": the marks go, the text stays."""
    return ConfirmVariantAction(phrase, actor=actor, expected_revision=expected_revision).execute()


def phrase_link_family(*, phrase: Phrase, actor, family: str, reason: str = "",
                       expected_revision: int | None = None) -> Phrase:
    """Put a phrase into a language family ("" takes it out); an approved phrase's live copy follows."""
    return LinkFamilyAction(phrase, actor=actor, family=family, reason=reason,
                            expected_revision=expected_revision).execute()
