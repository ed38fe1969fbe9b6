"""Every write to a phrase: create, edit, review workflow, archive, delete and revert.

Each service is keyword-only and atomic, checks the actor's role and the phrase's current state
before acting, and saves through `versions.save_version` so every change is a simple-history
version with its author and reason. Approving, archiving and restoring are the transitions of
`phrases.services.transitions`, the same ones the import uses; live text moves only in
`phrases.services.live`.
"""
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from phrases import roles
from phrases.errors import IllegalTransition, PhraseValidationError, StaleRevision
from phrases.models import Phrase, PhraseStatus, Topic
from phrases.services import live as live_library
from phrases.services.findings import phrase_findings, run_lint
from phrases.services.transitions import ApproveAction, ArchiveAction, RestoreAction, review_interval_days
from phrases.services.versions import CONTENT_FIELDS, save_version
from phrases.signals import phrase_reviewed
from phrases.validation import clean_phrase_text

__all__ = ["CONTENT_FIELDS", "locked", "run_lint", "save_version"]


def locked(phrase: Phrase, expected_revision: int | None) -> Phrase:
    """Re-read the phrase under a row lock and check the caller saw its latest revision.

    The locking query joins nothing: on PostgreSQL a joined row read with the lock is the one from
    before the lock wait (and a concurrent topic change can drop the row altogether). Everything
    else (live text, topic) is read after the lock, in fresh queries, so every state check sees
    the state that holds once the lock is ours."""
    try:
        current = Phrase.objects.select_for_update().get(pk=phrase.pk)
    except Phrase.DoesNotExist:
        raise IllegalTransition(f"Phrase '{phrase.key}' no longer exists.") from None
    if expected_revision is not None and current.revision != expected_revision:
        raise StaleRevision(
            f"Phrase '{current.key}' was changed by someone else (revision {current.revision}, "
            f"you edited revision {expected_revision}). Reload it and apply your edit again."
        )
    return current


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise IllegalTransition(message)


def _normalise(fields: dict) -> dict:
    """Accept a topic slug for `topic` and None for the optional text fields; clean the text at the
    boundary (phrases.text_cleaning), so an edit that only adds invisible characters changes nothing."""
    fields = clean_phrase_text(fields)
    unknown = set(fields) - set(CONTENT_FIELDS)
    if unknown:
        raise PhraseValidationError("(phrase)", {name: ["This field cannot be edited."] for name in sorted(unknown)})
    topic = fields.get("topic")
    if isinstance(topic, str):
        try:
            fields["topic"] = Topic.objects.get(slug=topic)
        except Topic.DoesNotExist:
            raise PhraseValidationError("(phrase)", {"topic": [f"Unknown topic '{topic}'."]}) from None
    for name in ("shortcut", "hotkey"):
        if name in fields and fields[name] is None:
            fields[name] = ""
    if "keywords" in fields and fields["keywords"] is None:
        fields["keywords"] = []
    return fields


def _settle_status(phrase: Phrase, actor=None) -> None:
    """An edit returns a phrase to draft, unless it brings back exactly the live text.

    A reviewer's own edit to a phrase in review (a small fix while reviewing) keeps it in review,
    with its findings re-read."""
    if live_library.live_matches(phrase):
        phrase.status = PhraseStatus.APPROVED
        phrase.changes_requested = False
    elif phrase.status == PhraseStatus.IN_REVIEW and roles.is_reviewer(actor):
        phrase.lint_findings = phrase_findings(phrase)
    else:
        phrase.status = PhraseStatus.DRAFT


@transaction.atomic
def phrase_create(*, actor, key: str, title: str, body: str, topic, language: str, shortcut: str = "",
                  hotkey: str = "", keywords=(), reason: str = "Created") -> Phrase:
    """Create a draft phrase owned by `actor` (a writer or reviewer)."""
    roles.require_writer(actor, "create phrases")
    fields = _normalise({"title": title, "body": body, "topic": topic, "language": language,
                         "shortcut": shortcut, "hotkey": hotkey,
                         "keywords": keywords if isinstance(keywords, str) else list(keywords or [])})
    try:
        phrase = Phrase(key=key, owner=actor if getattr(actor, "pk", None) else None, status=PhraseStatus.DRAFT, **fields)
    except (TypeError, ValueError) as error:
        raise PhraseValidationError(key, {"__all__": [str(error)]}) from None
    return save_version(phrase, actor=actor, reason=reason or "Created")


@transaction.atomic
def phrase_update(*, phrase: Phrase, actor, changes: dict, reason: str = "",
                  expected_revision: int | None = None) -> Phrase:
    """Edit the working copy. An approved phrase keeps serving its live text until re-approved.

    Fields are applied to the freshly locked row, so two concurrent partial edits never lose each
    other's changes; `expected_revision` (the API's If-Match) refuses an edit of a stale copy.
    """
    roles.require_writer(actor, "edit phrases")
    changes = _normalise(changes)
    phrase = locked(phrase, expected_revision)
    _require(phrase.status != PhraseStatus.ARCHIVED, f"Phrase '{phrase.key}' is archived; restore it before editing.")
    changed = [name for name, value in changes.items() if getattr(phrase, name) != value]
    if not changed:
        return phrase
    for name in changed:
        setattr(phrase, name, changes[name])
    _settle_status(phrase, actor)
    if not phrase.changes_requested:
        phrase.review_comment = ""  # a reviewer's request stays visible until the writer resubmits
    return save_version(phrase, actor=actor, reason=reason or "Edited " + ", ".join(changed))


@transaction.atomic
def phrase_submit(*, phrase: Phrase, actor, note: str = "", reason: str = "",
                  expected_revision: int | None = None) -> Phrase:
    """Send a draft for review, with an optional note to the reviewer; the brand-voice findings
    are stored with this version."""
    roles.require_writer(actor, "submit phrases for review")
    phrase = locked(phrase, expected_revision)
    _require(phrase.status == PhraseStatus.DRAFT,
             f"Phrase '{phrase.key}' is {phrase.get_status_display().lower()}; only a draft can be submitted.")
    phrase.status = PhraseStatus.IN_REVIEW
    phrase.lint_findings = phrase_findings(phrase)
    phrase.warnings_acknowledged = False
    phrase.review_comment = ""
    phrase.changes_requested = False
    phrase.submit_note = (note or "").strip()
    phrase.submitted_at = timezone.now()
    return save_version(phrase, actor=actor, reason=reason or "Submitted for review")


def _announce_review(phrase: Phrase, *, actor, outcome: str, comment: str = "") -> None:
    # After commit only: a rolled-back decision must not mail anyone.
    transaction.on_commit(lambda: phrase_reviewed.send(
        sender=Phrase, phrase=phrase, actor=actor, outcome=outcome, comment=comment))


@transaction.atomic
def phrase_approve(*, phrase: Phrase, actor, acknowledge_warnings: bool = False, reason: str = "",
                   expected_revision: int | None = None) -> Phrase:
    """Approve a phrase in review: its text becomes live and its next review is scheduled."""
    roles.require_reviewer(actor, "approve phrases")
    phrase = locked(phrase, expected_revision)
    ApproveAction(phrase, actor=actor, acknowledge_warnings=acknowledge_warnings, reason=reason).execute()
    _announce_review(phrase, actor=actor, outcome="approved")
    return phrase


@transaction.atomic
def phrase_reject(*, phrase: Phrase, actor, comment: str, expected_revision: int | None = None) -> Phrase:
    """Send a phrase in review back to its writer with a comment; the live text stays as it was."""
    roles.require_reviewer(actor, "reject phrases")
    comment = (comment or "").strip()
    if not comment:
        raise PhraseValidationError(phrase.key, {"comment": ["A rejection needs a comment for the writer."]})
    phrase = locked(phrase, expected_revision)
    _require(phrase.status == PhraseStatus.IN_REVIEW,
             f"Phrase '{phrase.key}' is {phrase.get_status_display().lower()}; only a phrase in review can be rejected.")
    phrase.status = PhraseStatus.DRAFT
    phrase.changes_requested = True
    phrase.review_comment = comment
    phrase.reviewed_by = actor
    phrase.reviewed_at = timezone.now()
    save_version(phrase, actor=actor, reason=f"Rejected: {comment}")
    _announce_review(phrase, actor=actor, outcome="rejected", comment=comment)
    return phrase


@transaction.atomic
def phrase_confirm_current(*, phrase: Phrase, actor, reason: str = "",
                           expected_revision: int | None = None) -> Phrase:
    """"Reviewed, still right": restart a live phrase's review clock without a new text.

    Recorded in history as a version with who and when; the live text does not move."""
    roles.require_reviewer(actor, "confirm phrases after review")
    phrase = locked(phrase, expected_revision)
    _require(phrase.status == PhraseStatus.APPROVED and phrase.is_live,
             f"Phrase '{phrase.key}' is {phrase.get_status_display().lower()}; only an approved phrase with "
             "no pending edit can be confirmed as still right.")
    now = timezone.now()
    phrase.reviewed_by = actor
    phrase.reviewed_at = now
    phrase.review_due_at = (now + timedelta(days=review_interval_days(phrase))).date()
    return save_version(phrase, actor=actor, reason=reason or "Reviewed, still right")


@transaction.atomic
def phrase_archive(*, phrase: Phrase, actor, reason: str = "", expected_revision: int | None = None) -> Phrase:
    """Retire a phrase: it leaves the live library. Archiving a live phrase needs a reviewer."""
    roles.require_writer(actor, "archive phrases")
    phrase = locked(phrase, expected_revision)
    return ArchiveAction(phrase, actor=actor, reason=reason).execute()


@transaction.atomic
def phrase_restore(*, phrase: Phrase, actor, reason: str = "", expected_revision: int | None = None) -> Phrase:
    """Bring an archived phrase back as a draft."""
    roles.require_writer(actor, "restore phrases")
    phrase = locked(phrase, expected_revision)
    return RestoreAction(phrase, actor=actor, reason=reason).execute()


@transaction.atomic
def phrase_delete(*, phrase: Phrase, actor, expected_revision: int | None = None) -> None:
    """Delete a phrase for good (superusers only); its history keeps a deletion record."""
    if not (actor and actor.is_superuser):
        raise PermissionDenied("Only superusers may delete phrases for good; archive it instead.")
    phrase = locked(phrase, expected_revision)
    live_library.unpublish([phrase])
    phrase._history_user = actor
    phrase._change_reason = "Deleted"
    phrase.delete()


@transaction.atomic
def phrase_revert(*, phrase: Phrase, actor, version_id: int, reason: str = "", publish: bool = False,
                  acknowledge_warnings: bool = False, expected_revision: int | None = None) -> Phrase:
    """Restore the text of an earlier version as a new version; history is never rewritten.

    The restored text goes through review like any edit, unless it is exactly the live text.
    With `publish`, a reviewer restores and publishes in one step (rolling back the live text),
    under the same brand-voice gate as any approval; the version records it as such.
    """
    roles.require_reviewer(actor, "revert phrases")
    phrase = locked(phrase, expected_revision)
    _require(phrase.status != PhraseStatus.ARCHIVED, f"Phrase '{phrase.key}' is archived; restore it before reverting.")
    try:
        version = phrase.history.get(history_id=version_id)
    except phrase.history.model.DoesNotExist:
        raise PhraseValidationError(
            phrase.key, {"version": [f"Phrase '{phrase.key}' has no version {version_id}."]}) from None
    for name in CONTENT_FIELDS:
        attname = "topic_id" if name == "topic" else name
        setattr(phrase, attname, getattr(version, attname))
    if not Topic.objects.filter(pk=phrase.topic_id).exists():
        raise PhraseValidationError(phrase.key, {"topic": ["The topic of that version no longer exists."]})
    _settle_status(phrase)
    if publish and phrase.status != PhraseStatus.APPROVED:
        # The role was checked above and the state is the restored text's: trusted, but gated.
        ApproveAction(phrase, actor=actor, acknowledge_warnings=acknowledge_warnings, trusted=True,
                      reason=reason or f"Restored version {version_id} and published").execute()
        _announce_review(phrase, actor=actor, outcome="approved")
        return phrase
    if not phrase.changes_requested:
        phrase.review_comment = ""
    return save_version(phrase, actor=actor, reason=reason or f"Reverted to version {version_id}")
