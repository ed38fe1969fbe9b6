"""Publishing to the live library: the only code that writes LivePhrase and LiveChange.

One phrase (an approval) or many at once (an import) take the same path: one trigger check
against the live library as it will be, bulk writes, one LiveChange per phrase in key order.
"""
import operator
from collections.abc import Sequence

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from phrases.errors import PhraseValidationError
from phrases.models import LIVE_FIELDS, LiveChange, LiveLibraryLock, LivePhrase, Phrase
from phrases.services import bulk_rows
from phrases.services.triggers import trigger_clashes, triggers_of
from phrases.signals import live_library_changed

CHUNK = 900  # rows per IN (...) list: below SQLite's parameter limit


def chunks(items: Sequence, size: int = CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _announce():
    transaction.on_commit(lambda: live_library_changed.send(sender=LivePhrase))


def _attname(field):
    return "topic_id" if field == "topic" else field


def live_matches(phrase: Phrase, live: LivePhrase | None = None) -> bool:
    """True when the phrase's working copy is exactly its live text."""
    if live is None:
        live = getattr(phrase, "live", None) if phrase.pk else None
    if live is None:
        return False
    return all(getattr(live, _attname(f)) == getattr(phrase, _attname(f)) for f in LIVE_FIELDS)


def _record_changes(keys: Sequence[str], action: str) -> None:
    # Hold the library lock until commit, so change ids become visible in order.
    LiveLibraryLock.objects.select_for_update().get_or_create(pk=1)
    now = timezone.now()
    bulk_rows.insert(LiveChange, ("key", "action", "created_at"), ((key, action, now) for key in keys))
    _announce()


def _latest_versions(pks) -> dict[int, int]:
    versions = {}
    for part in chunks(pks):
        versions.update(Phrase.history.filter(id__in=part).values("id").annotate(latest=Max("history_id"))
                        .values_list("id", "latest"))
    return versions


def publish(phrases: Sequence[Phrase]) -> None:
    """Make each phrase's saved, approved working copy its live text and record the change.

    Refuses (PhraseValidationError, nothing written) if a shortcut or hotkey would clash with
    another phrase's live text. Approval and the import both publish through here."""
    phrases = sorted(phrases, key=lambda p: p.key)
    if not phrases:
        return
    problems = trigger_clashes({p.key: triggers_of(p) for p in phrases}, live=True)
    if problems:
        errors = {}
        for problem in problems:
            errors.setdefault(problem["field"], []).append(problem["message"])
        raise PhraseValidationError(phrases[0].key if len(phrases) == 1 else "(library)", errors)
    pks = [p.pk for p in phrases]
    # A version just saved in bulk (`save_versions`) carries its id; the others are read.
    versions = {p.pk: p.version_id for p in phrases if getattr(p, "version_id", None)}
    if len(versions) < len(pks):
        versions.update(_latest_versions([pk for pk in pks if pk not in versions]))
    existing = {}
    for part in chunks(pks):
        existing.update((live.phrase_id, live) for live in LivePhrase.objects.filter(phrase_id__in=part))
    # A batch may swap triggers between live phrases; rows are checked one by one as they are
    # written, so the moving triggers are released first (inside this transaction only).
    by_pk = {p.pk: p for p in phrases}
    moving = [live for live in existing.values()
              if (live.shortcut, live.hotkey) != (by_pk[live.phrase_id].shortcut, by_pk[live.phrase_id].hotkey)]
    for live in moving:
        live.shortcut = live.hotkey = ""
    if moving:
        LivePhrase.objects.bulk_update(moving, ["shortcut", "hotkey"], batch_size=CHUNK)
    created, updated = [], []
    columns = [_attname(f) for f in LIVE_FIELDS] + ["version", "approved_by_id", "approved_at"]
    texts = operator.attrgetter(*columns[:len(LIVE_FIELDS)])
    new_live = bulk_rows.maker(LivePhrase, ("phrase", *columns))  # LivePhrase(phrase=…, …), for many
    for phrase in phrases:
        live = existing.get(phrase.pk)
        if live is None:
            live = new_live((phrase, *texts(phrase), versions[phrase.pk], phrase.reviewed_by_id, phrase.reviewed_at))
            created.append(live)
        else:
            for name, value in zip(columns, (*texts(phrase), versions[phrase.pk], phrase.reviewed_by_id,
                                             phrase.reviewed_at), strict=True):
                setattr(live, name, value)
            updated.append(live)
        phrase.live = live
    bulk_rows.update(LivePhrase, columns, bulk_rows.object_rows(updated, (*columns, "pk")))
    columns = [field.attname for field in LivePhrase._meta.concrete_fields]
    bulk_rows.insert(LivePhrase, columns, bulk_rows.object_rows(created, columns))
    for live in created:
        live._state.adding, live._state.db = False, connection.alias
    _record_changes([p.key for p in phrases], LiveChange.Action.UPSERT)


def relabel_family(phrases: Sequence[Phrase]) -> list[str]:
    """Carry the working copies' family onto their live texts (the family is not text a reviewer
    approves; see `LinkFamilyAction`) and record the change for sync. Returns the keys changed."""
    by_pk = {p.pk: p for p in phrases if p.pk}
    changed = []
    for part in chunks(sorted(by_pk)):
        rows = [row for row in LivePhrase.objects.filter(phrase_id__in=part) if row.family != by_pk[row.phrase_id].family]
        for row in rows:
            row.family = by_pk[row.phrase_id].family
        LivePhrase.objects.bulk_update(rows, ["family"], batch_size=CHUNK)
        changed += [row.key for row in rows]
    if changed:
        _record_changes(sorted(changed), LiveChange.Action.UPSERT)
    return changed


def unpublish(phrases: Sequence[Phrase]) -> list[str]:
    """Withdraw the live text of each phrase that has one. Returns the keys withdrawn."""
    by_pk = {p.pk: p for p in phrases if p.pk}
    withdrawn = []
    for part in chunks(sorted(by_pk)):
        keys = list(LivePhrase.objects.filter(phrase_id__in=part).values_list("key", flat=True))
        if keys:
            LivePhrase.objects.filter(phrase_id__in=part).delete()
            withdrawn += keys
    for phrase in by_pk.values():
        phrase._state.fields_cache.pop("live", None)
    if withdrawn:
        _record_changes(sorted(withdrawn), LiveChange.Action.DELETE)
    return withdrawn
