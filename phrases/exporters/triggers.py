"""Shortcut triggers that stay unique in one export file.

Parallel phrases share a shortcut across languages (/eta in ru, en and pl). Text-expansion tools
need one trigger per snippet, so when a shortcut repeats in a file each copy gets its language
appended ("/eta-ru", "/eta-en"); exported for one language, "/eta" stays "/eta".

A hotkey can carry no suffix, and the language variants of one family may share one: a file gets
each hotkey once, on the variant in the first language of the reader's order (their phrase
languages, else interface language, else the browser's; `accounts.selectors.language_order_for`).
"""
from collections import Counter


def unique_triggers(phrases) -> dict:
    """{phrase key: trigger text without the leading '/'} for phrases that have a shortcut."""
    counts = Counter(p.shortcut for p in phrases if p.shortcut)
    return {
        p.key: p.shortcut.lstrip("/") + (f"-{p.language}" if counts[p.shortcut] > 1 else "")
        for p in phrases if p.shortcut
    }


def language_rank(language_order):
    """A sort key putting languages in `language_order` first, in that order."""
    rank = {language: index for index, language in enumerate(language_order or ())}
    return lambda phrase: (rank.get(phrase.language, len(rank)), phrase.language, phrase.key)


def hotkey_holders(phrases, language_order=()) -> set:
    """Keys of the phrases whose hotkey goes in the file: one per hotkey, the variant in the
    earliest language of `language_order`."""
    chosen = {}
    for phrase in sorted((p for p in phrases if p.hotkey), key=language_rank(language_order)):
        chosen.setdefault(phrase.hotkey, phrase.key)
    return set(chosen.values())
