"""Saving working copies as versions: one phrase (`save_version`) or many at once (`save_versions`).

Every version is a simple-history record with its author and reason; nothing here writes a
tracked row without one.
"""
import operator
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from phrases.errors import PhraseValidationError
from phrases.models import CONTENT_FIELDS, Phrase
from phrases.services import bulk_rows
from phrases.services.live import chunks
from phrases.services.triggers import trigger_errors

# Everything an action may change on an existing working copy (updated_at is stamped here).
SAVED_FIELDS = (*("topic_id" if name == "topic" else name for name in CONTENT_FIELDS), "status", "reviewed_by_id",
                "reviewed_at", "review_due_at", "review_comment", "changes_requested", "submit_note", "submitted_at",
                "lint_findings", "warnings_acknowledged", "version_action", "revision", "updated_at")


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

    The rows are the ones simple-history's `bulk_update_with_history` and `bulk_create_with_history`
    write (updated phrases' versions first, then the new phrases', each in the given order),
    written with statements prepared once (`bulk_rows`). Each phrase's `version_id` is set to its
    new version's history id.
    """
    with bulk_rows.shared_json():  # a phrase's row and its history row carry the same JSON values
        _save_versions(created, updated, user=_person(actor), reason=reason, now=timezone.now())


def _save_versions(created, updated, *, user, reason, now) -> None:
    if updated:
        stored = {}
        for part in chunks([p.pk for p in updated]):
            stored.update((pk, (shortcut, hotkey)) for pk, shortcut, hotkey in
                          Phrase.objects.filter(pk__in=part).values_list("pk", "shortcut", "hotkey"))
        moving = [("", "", p.pk) for p in updated
                  if stored.get(p.pk, ("", "")) != (p.shortcut, p.hotkey) and any(stored.get(p.pk, ("", "")))]
        bulk_rows.update(Phrase, ["shortcut", "hotkey"], moving)
        for phrase in updated:
            phrase.revision += 1
            phrase.updated_at = now
        bulk_rows.update(Phrase, SAVED_FIELDS, bulk_rows.object_rows(updated, (*SAVED_FIELDS, "pk")))
    if created:
        for phrase, pk in zip(created, bulk_rows.next_ids(Phrase, len(created)), strict=True):
            phrase.pk = pk
            phrase.created_at = phrase.updated_at = now
            phrase._state.adding, phrase._state.db = False, connection.alias
        columns = [field.attname for field in Phrase._meta.concrete_fields]
        bulk_rows.insert(Phrase, columns, bulk_rows.object_rows(created, columns))
    _history(updated, "~", user=user, reason=reason, now=now)
    _history(created, "+", user=user, reason=reason, now=now)


def _history(phrases: Sequence[Phrase], history_type: str, *, user, reason: str, now) -> None:
    """One history row per phrase, as simple-history's `bulk_history_create` makes it."""
    if not phrases:
        return
    model = Phrase.history.model
    tracked = [field.attname for field in model.tracked_fields]
    columns = [*tracked, "history_id", "history_date", "history_change_reason", "history_type", "history_user_id"]
    default_user = None

    def history_user(phrase):
        nonlocal default_user
        if hasattr(phrase, "_history_user"):
            return phrase._history_user
        if default_user is None:
            default_user = [user or model.get_default_history_user(phrase)]
        return default_user[0]

    ids = bulk_rows.next_ids(model, len(phrases))
    values = operator.attrgetter(*tracked)
    rows = []
    for phrase, history_id in zip(phrases, ids, strict=True):
        phrase.version_id = history_id
        person = history_user(phrase)
        rows.append((*values(phrase), history_id, getattr(phrase, "_history_date", now),
                     getattr(phrase, "_change_reason", None) or reason, history_type, getattr(person, "pk", None)))
    bulk_rows.insert(model, columns, rows)
