"""Publishing to the live library: the only code that writes LivePhrase and LiveChange."""
from django.db import transaction

from phrases.errors import PhraseValidationError
from phrases.models import LiveChange, LiveLibraryLock, LivePhrase, Phrase
from phrases.signals import live_library_changed

LIVE_FIELDS = ("key", "title", "body", "topic", "language", "shortcut", "hotkey", "keywords")


def _announce():
    transaction.on_commit(lambda: live_library_changed.send(sender=LivePhrase))


def live_conflicts(phrase: Phrase) -> dict:
    """Field errors if publishing `phrase` would clash with another phrase's live shortcut or hotkey."""
    others = LivePhrase.objects.exclude(phrase_id=phrase.pk)
    errors = {}
    if phrase.shortcut and others.filter(language=phrase.language, shortcut=phrase.shortcut).exists():
        holder = others.get(language=phrase.language, shortcut=phrase.shortcut).key
        errors["shortcut"] = [f"Shortcut '{phrase.shortcut}' is live on phrase '{holder}' in this language."]
    if phrase.hotkey and others.filter(hotkey=phrase.hotkey).exists():
        holder = others.get(hotkey=phrase.hotkey).key
        errors["hotkey"] = [f"Hotkey '{phrase.hotkey}' is live on phrase '{holder}'."]
    return errors


def live_matches(phrase: Phrase) -> bool:
    """True when the phrase's working copy is exactly its live text."""
    live = getattr(phrase, "live", None) if phrase.pk else None
    if live is None:
        return False
    return all(getattr(live, f if f != "topic" else "topic_id") == getattr(phrase, f if f != "topic" else "topic_id")
               for f in LIVE_FIELDS)


def _record_change(key: str, action: str) -> None:
    # Hold the library lock until commit, so change ids become visible in order.
    LiveLibraryLock.objects.select_for_update().get_or_create(pk=1)
    LiveChange.objects.create(key=key, action=action)
    _announce()


def publish(phrase: Phrase, *, version: int, approved_by, approved_at) -> LivePhrase:
    """Make the phrase's current working copy its live text and record the change."""
    errors = live_conflicts(phrase)
    if errors:
        raise PhraseValidationError(phrase.key, errors)
    live, _ = LivePhrase.objects.update_or_create(
        phrase=phrase,
        defaults={
            **{field: getattr(phrase, field) for field in LIVE_FIELDS},
            "version": version,
            "approved_by": approved_by,
            "approved_at": approved_at,
        },
    )
    phrase.live = live
    _record_change(phrase.key, LiveChange.Action.UPSERT)
    return live


def unpublish(phrase: Phrase) -> bool:
    """Withdraw the phrase's live text, if any. Returns whether anything was live."""
    deleted, _ = LivePhrase.objects.filter(phrase_id=phrase.pk).delete()
    if not deleted:
        return False
    if hasattr(phrase, "_state"):
        phrase._state.fields_cache.pop("live", None)
    _record_change(phrase.key, LiveChange.Action.DELETE)
    return True
