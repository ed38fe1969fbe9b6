"""Shortcut triggers that stay unique in one export file.

Parallel phrases share a shortcut across languages (/eta in ru, en and pl). Text-expansion tools
need one trigger per snippet, so when a shortcut repeats in a file each copy gets its language
appended ("/eta-ru", "/eta-en"); exported for one language, "/eta" stays "/eta".
"""
from collections import Counter


def unique_triggers(phrases) -> dict:
    """{phrase key: trigger text without the leading '/'} for phrases that have a shortcut."""
    counts = Counter(p.shortcut for p in phrases if p.shortcut)
    return {
        p.key: p.shortcut.lstrip("/") + (f"-{p.language}" if counts[p.shortcut] > 1 else "")
        for p in phrases if p.shortcut
    }
