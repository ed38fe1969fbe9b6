"""Folding text to the form both the index and queries are compared in."""
import re

from phrases.validation import PLACEHOLDER_RE

# Polish diacritics and ё fold away, so "pieniedzy" finds "pieniędzy" and "подъем" finds "подъём".
FOLD = str.maketrans({
    "ё": "е", "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z",
})
TOKEN_RE = re.compile(r"[0-9a-zа-я]+")
CYRILLIC_RE = re.compile(r"[а-я]")
LATIN_RE = re.compile(r"[a-z]")


def fold(text: str) -> str:
    """Lowercase, ё→е, Polish letters without diacritics, placeholders removed."""
    return PLACEHOLDER_RE.sub(" ", text).lower().translate(FOLD)


def tokens(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return TOKEN_RE.findall(fold(text))


def script(token: str) -> str:
    if CYRILLIC_RE.search(token):
        return "cyrillic"
    if LATIN_RE.search(token):
        return "latin"
    return "digits"
