"""Folding text to the form both the index and queries are compared in."""
import re

from phrases.placeholders import TOKEN_RE as PLACEHOLDER_RE

# Polish diacritics and ё fold away, so "pieniedzy" finds "pieniędzy" and "подъем" finds "подъём".
FOLD_LETTERS = {"ё": "е", "ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"}
# Ten single-letter replacements, each done only when the letter is there: a C-level scan per letter is
# several times faster than str.translate (a dict look-up per character) or a regex with a callback.
# Every replacement keeps the length (highlighting needs that).
_FOLD_PAIRS = tuple(FOLD_LETTERS.items())
TOKEN_RE = re.compile(r"[0-9a-zа-я]+")
CYRILLIC_RE = re.compile(r"[а-я]")
LATIN_RE = re.compile(r"[a-z]")


def fold_letters(lowered: str) -> str:
    """ё→е and Polish letters without diacritics, in lower-case text (the same length)."""
    if lowered.isascii():
        return lowered
    for letter, plain in _FOLD_PAIRS:
        if letter in lowered:
            lowered = lowered.replace(letter, plain)
    return lowered


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
