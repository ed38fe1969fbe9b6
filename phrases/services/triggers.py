"""Shortcut, hotkey and family uniqueness: the one check used by model validation, the services,
the import and publishing.

A shortcut is unique per language; a hotkey is unique across the library, except that the language
variants of one family (the same reply in several languages) may share it; and a shortcut or
hotkey held by one family cannot be taken by another family. A family holds one phrase per
language. All of it is checked among the working copies and among the live texts: the database
enforces the per-language parts with partial unique indexes, and this check turns a clash into a
message naming the phrase that holds the trigger (or the language), before anything is written.
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
    family: str = ""


def triggers_of(obj) -> Triggers:
    return Triggers(obj.language or "", obj.shortcut or "", obj.hotkey or "", getattr(obj, "family", "") or "")


def _shares(family: str, holder_family: str) -> bool:
    """Two phrases may share a hotkey only as variants of one (named) family."""
    return bool(family) and family == holder_family


def trigger_clashes(proposed: Mapping[str, Triggers], *, live: bool = False,
                    withdrawn: Iterable[str] = ()) -> list[dict]:
    """Clashes in the library as it will be once the phrases in `proposed` (key → triggers) hold
    those triggers and the keys in `withdrawn` hold none.

    `live=False` checks the working copies, `live=True` the live texts. Returns problems
    `{"key", "field", "holder", "message"}`, each blamed on a phrase of `proposed`; one query.
    """
    if not proposed:
        return []
    model = LivePhrase if live else Phrase
    changing = set(proposed) | set(withdrawn)
    rows = model.objects.exclude(shortcut="", hotkey="", family="")
    if len(proposed) <= _FILTER_LIMIT:
        shortcuts = {t.shortcut for t in proposed.values() if t.shortcut}
        hotkeys = {t.hotkey for t in proposed.values() if t.hotkey}
        families = {t.family for t in proposed.values() if t.family}
        if not shortcuts and not hotkeys and not families:
            return []
        rows = rows.filter(Q(shortcut__in=shortcuts) | Q(hotkey__in=hotkeys) | Q(family__in=families))
    final = {key: Triggers(*values) for key, *values in
             rows.values_list("key", "language", "shortcut", "hotkey", "family") if key not in changing}
    final.update(proposed)
    problems, shortcut_holder, family_shortcut, hotkey_holder, family_member = [], {}, {}, {}, {}

    def clash(key, field, holder, message):
        problems.append({"key": key, "field": field, "holder": holder, "message": message})

    # Phrases staying as they are claim their triggers first, so the blame falls on the change.
    for key in sorted(final, key=lambda k: (k in proposed, k)):
        language, shortcut, hotkey, family = final[key]
        if family:
            holder = family_member.setdefault((family, language), key)
            if holder != key:
                clash(key, "family", holder, _(
                    "The family “%(family)s” already has a phrase in this language (%(holder)s).") % {
                    "family": family, "holder": holder})
        if shortcut:
            holder = shortcut_holder.setdefault((language, shortcut), key)
            if holder != key:
                clash(key, "shortcut", holder, _(
                    "This shortcut is already used by another phrase in this language (%(holder)s).") % {
                    "holder": holder})
            elif family:
                # Unlinked phrases may share a shortcut across languages as before; two families may not.
                other_family, other = family_shortcut.setdefault(shortcut, (family, key))
                if other_family != family:
                    clash(key, "shortcut", other, _(
                        "This shortcut belongs to the family “%(family)s” (%(holder)s); only the language "
                        "variants of one family share a shortcut.") % {"family": other_family, "holder": other})
        if hotkey:
            holder, holder_family = hotkey_holder.setdefault(hotkey, (key, family))
            if holder != key and not (_shares(family, holder_family) and final[holder].language != language):
                if holder_family:
                    message = _("This hotkey belongs to the family “%(family)s” (%(holder)s); only the language "
                                "variants of one family share a hotkey.") % {"family": holder_family,
                                                                             "holder": holder}
                else:
                    message = _("This hotkey is already used by another phrase (%(holder)s).") % {"holder": holder}
                clash(key, "hotkey", holder, message)
    return problems


def trigger_errors(phrase: Phrase, *, live: bool = False) -> dict:
    """Field errors ({field: [message]}) if this one phrase's triggers or family language clash
    with another phrase's."""
    errors = {}
    if not (phrase.shortcut or phrase.hotkey or getattr(phrase, "family", "")):
        return errors
    for problem in trigger_clashes({phrase.key: triggers_of(phrase)}, live=live):
        errors.setdefault(problem["field"], []).append(problem["message"])
    return errors
