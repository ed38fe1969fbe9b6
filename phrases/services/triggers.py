"""Shortcut and hotkey uniqueness: the one check used by model validation, the services, the import
and publishing.

A shortcut is unique per language and a hotkey across the library, both among the working copies
and among the live texts (the database enforces both with partial unique indexes; this check turns
a clash into a message naming the phrase that holds the trigger, before anything is written).
The check looks at the library as it will be after a change of any number of phrases at once, so
a file may swap two phrases' shortcuts or pass a hotkey on.
"""
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from django.db.models import Q
from django.utils.translation import gettext as _

from phrases.models import LivePhrase, Phrase

# Above this many changed phrases, read every phrase that has a trigger (one query) rather than
# filtering by the proposed values (whose IN lists would outgrow SQLite's parameter limit).
_FILTER_LIMIT = 500


class Triggers(NamedTuple):
    language: str
    shortcut: str
    hotkey: str


def triggers_of(obj) -> Triggers:
    return Triggers(obj.language or "", obj.shortcut or "", obj.hotkey or "")


def trigger_clashes(proposed: Mapping[str, Triggers], *, live: bool = False,
                    withdrawn: Iterable[str] = ()) -> list[dict]:
    """Clashes in the library as it will be once the phrases in `proposed` (key → triggers) hold
    those triggers and the keys in `withdrawn` hold none.

    `live=False` checks the working copies, `live=True` the live texts. Returns problems
    `{"key", "field", "message"}`, each blamed on a phrase of `proposed`; one query.
    """
    if not proposed:
        return []
    model = LivePhrase if live else Phrase
    changing = set(proposed) | set(withdrawn)
    rows = model.objects.exclude(shortcut="", hotkey="")
    if len(proposed) <= _FILTER_LIMIT:
        shortcuts = {t.shortcut for t in proposed.values() if t.shortcut}
        hotkeys = {t.hotkey for t in proposed.values() if t.hotkey}
        if not shortcuts and not hotkeys:
            return []
        rows = rows.filter(Q(shortcut__in=shortcuts) | Q(hotkey__in=hotkeys))
    final = {key: Triggers(*values) for key, *values in rows.values_list("key", "language", "shortcut", "hotkey")
             if key not in changing}
    final.update(proposed)
    problems, shortcut_holder, hotkey_holder = [], {}, {}
    # Phrases staying as they are claim their triggers first, so the blame falls on the change.
    for key in sorted(final, key=lambda k: (k in proposed, k)):
        language, shortcut, hotkey = final[key]
        if shortcut:
            holder = shortcut_holder.setdefault((language, shortcut), key)
            if holder != key:
                problems.append({"key": key, "field": "shortcut", "holder": holder, "message": _(
                    "This shortcut is already used by another phrase in this language (%(holder)s).") % {
                    "holder": holder}})
        if hotkey:
            holder = hotkey_holder.setdefault(hotkey, key)
            if holder != key:
                problems.append({"key": key, "field": "hotkey", "holder": holder, "message": _(
                    "This hotkey is already used by another phrase (%(holder)s).") % {"holder": holder}})
    return problems


def trigger_errors(phrase: Phrase, *, live: bool = False) -> dict:
    """Field errors ({field: [message]}) if this one phrase's triggers clash with another phrase's."""
    errors = {}
    if not (phrase.shortcut or phrase.hotkey):
        return errors
    for problem in trigger_clashes({phrase.key: triggers_of(phrase)}, live=live):
        errors.setdefault(problem["field"], []).append(problem["message"])
    return errors
