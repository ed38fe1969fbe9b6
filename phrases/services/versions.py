"""Saving working copies as versions: one phrase (`save_version`) or many at once (`save_versions`).

Every version is a simple-history record with its author and reason; nothing here writes a
tracked row without one.
"""
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from phrases.errors import PhraseValidationError
from phrases.models import CONTENT_FIELDS, Phrase
from phrases.services.live import chunks
from phrases.services.triggers import trigger_errors

# Everything an action may change on an existing working copy (updated_at is stamped here).
SAVED_FIELDS = (*("topic_id" if name == "topic" else name for name in CONTENT_FIELDS), "status", "reviewed_by_id",
                "reviewed_at", "review_due_at", "review_comment", "changes_requested", "submit_note", "submitted_at",
                "lint_findings", "warnings_acknowledged", "version_action", "revision", "updated_at")
BATCH = 500


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) and getattr(actor, "pk", None) else None


def validate(phrase: Phrase) -> None:
    """Field rules, key uniqueness and the working copies' shortcut/hotkey check, as PhraseValidationError."""
    try:
        phrase.full_clean(exclude=["owner", "reviewed_by"])
    except ValidationError as error:
        raise PhraseValidationError(phrase.key or "(new phrase)", error.error_dict) from None
    errors = trigger_errors(phrase)
    if errors:
        raise PhraseValidationError(phrase.key or "(new phrase)", errors)


def save_version(phrase: Phrase, *, actor, reason: str) -> Phrase:
    """Validate and save the working copy as a new version authored by `actor`."""
    validate(phrase)
    if phrase.pk:
        phrase.revision += 1  # safe: callers hold the row lock taken in actions.locked()
    phrase._history_user = _person(actor)
    phrase._change_reason = reason
    phrase.save()
    return phrase


def save_versions(*, created: Sequence[Phrase], updated: Sequence[Phrase], actor, reason: str) -> None:
    """Save many working copies, one version each, in a few statements (the import's path).

    The caller has validated them together (`trigger_clashes` on the whole batch) and holds the
    rows of `updated` locked. A phrase's own `_change_reason` overrides `reason`. A batch may swap
    triggers between phrases; the database checks each row as it is written, so the triggers that
    move are released first. That intermediate state lives only inside this transaction and is
    no version of any phrase, so it is written without history on purpose.
    """
    now = timezone.now()
    user = _person(actor)
    if updated:
        stored = {}
        for part in chunks([p.pk for p in updated]):
            stored.update((pk, (shortcut, hotkey)) for pk, shortcut, hotkey in
                          Phrase.objects.filter(pk__in=part).values_list("pk", "shortcut", "hotkey"))
        moving = [Phrase(pk=p.pk, shortcut="", hotkey="") for p in updated
                  if stored.get(p.pk, ("", "")) != (p.shortcut, p.hotkey) and any(stored.get(p.pk, ("", "")))]
        if moving:
            Phrase.objects.bulk_update(moving, ["shortcut", "hotkey"], batch_size=BATCH)
        for phrase in updated:
            phrase.revision += 1
            phrase.updated_at = now
        bulk_update_with_history(updated, Phrase, list(SAVED_FIELDS), batch_size=BATCH, default_user=user,
                                 default_change_reason=reason, default_date=now)
    if created:
        saved = bulk_create_with_history(list(created), Phrase, batch_size=BATCH, default_user=user,
                                         default_change_reason=reason, default_date=now)
        for phrase, with_id in zip(created, saved, strict=True):
            phrase.pk = with_id.pk
