"""Folding text to the form both the index and queries are compared in."""
import re

from phrases.validation import PLACEHOLDER_RE

# Polish diacritics and ё fold away, so "pieniedzy" finds "pieniędzy" and "подъем" finds "подъём".
FOLD_LETTERS = {"ё": "е", "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"}
# str.translate looks every character up in a dict; most text has none of these letters, so the regex
# (which scans in C) finds the few there are. Every replacement keeps the length (highlighting needs that).
_FOLD_RE = re.compile("[" + "".join(FOLD_LETTERS) + "]")
TOKEN_RE = re.compile(r"[0-9a-zа-я]+")
CYRILLIC_RE = re.compile(r"[а-я]")
LATIN_RE = re.compile(r"[a-z]")


def fold_letters(lowered: str) -> str:
    """ё→е and Polish letters without diacritics, in lower-case text (the same length)."""
    return _FOLD_RE.sub(_fold_match, lowered) if not lowered.isascii() else lowered


def _fold_match(match):
    return FOLD_LETTERS[match.group()]


def fold(text: str) -> str:
    """Lowercase, ё→е, Polish letters without diacritics, placeholders removed."""
    if "{" in text:
        text = PLACEHOLDER_RE.sub(" ", text)
    return fold_letters(text.lower())


def tokens(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return TOKEN_RE.findall(fold(text))


def script(token: str) -> str:
    if CYRILLIC_RE.search(token):
        return "cyrillic"
    if LATIN_RE.search(token):
        return "latin"
    return "digits"
