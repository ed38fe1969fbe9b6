"""Reading a phrase body: placeholders, words, sentences and emoji, with character spans."""
import re
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from phrases.placeholders import TOKEN_RE as PLACEHOLDER_RE  # one placeholder grammar for the whole app

__all__ = ["EMOJI_RE", "PLACEHOLDER_RE", "URL_RE", "WORD_RE", "Word", "mask_placeholders", "mask_urls", "words"]
# A word: letters (any script) and digits, joined by inner hyphens or apostrophes ("PIN-u", "don't").
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Longer than the longest word of the ru, en and pl dictionaries: a longer word is read by no dictionary
# (Hunspell's affix search on one takes seconds; pymorphy3 strips a known prefix such as «не» once per level
# of recursion, so «не» × 2,400 exhausted the stack).
LONGEST_WORD = 40
_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})")
# Every pattern here runs in time linear in the text: a match may start only where a token or a
# run begins (the look-behinds), and no repeat is followed by something it could also match, so a
# failed attempt never backtracks across more than the run it started in.
URL_RE = re.compile(r"(?:https?://|www\.)\S+"
                    r"|(?<!\S)[^\s@]+@[^\s@]+\.\w+"
                    r"|(?<![\w-])[\w-]+\.(?:ru|com|pl|net|org|рф)\b\S*", re.IGNORECASE)
TERMINAL = ".!?…"

# Emoji: pictographs and symbols; modifiers, joiners and selectors belong to the emoji before them.
_EMOJI_BASE = (
    "\U0001F300-\U0001F5FF\U0001F600-\U0001F64F\U0001F680-\U0001F6FF\U0001F700-\U0001F77F"
    "\U0001F780-\U0001F7FF\U0001F800-\U0001F8FF\U0001F900-\U0001F9FF\U0001FA00-\U0001FAFF"
    "\u2600-\u26FF\u2700-\u27BF\u2B50\u2B55\u2B1B\u2B1C\u231A\u231B\u23E9-\u23FA"
    "\u2934\u2935\u3030\u303D\u3297\u3299\U0001F004\U0001F0CF\U0001F18E\U0001F191-\U0001F19A"
)
_EMOJI_TAIL = "\uFE0F\u20E3\U0001F3FB-\U0001F3FF"
EMOJI_RE = re.compile(
    f"(?:[\U0001F1E6-\U0001F1FF]{{2}})"  # flags are pairs of regional indicators
    f"|(?:[{_EMOJI_BASE}][{_EMOJI_TAIL}]*(?:\u200D[{_EMOJI_BASE}][{_EMOJI_TAIL}]*)*)"
)
_IGNORABLE_TAIL = re.compile(f"[{_EMOJI_BASE}{_EMOJI_TAIL}\u200D\U0001F1E6-\U0001F1FF]")


# Polish letters without their diacritics, one letter for one (offsets stay true).
FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def fold(text: str) -> str:
    return text.translate(FOLD)


class Word(NamedTuple):
    """A word and its span (a named tuple: a 20,000-character text has thousands of them)."""

    text: str
    start: int
    end: int


_new_word = partial(tuple.__new__, Word)  # Word._make without its Python-level call: one per word of a text


def mask_placeholders(body: str) -> str:
    """The body with every `{…}` replaced by spaces of the same length, so spans stay true."""
    return PLACEHOLDER_RE.sub(lambda m: " " * len(m.group()), body)


def mask_urls(text: str) -> str:
    return URL_RE.sub(lambda m: " " * len(m.group()), text)


def words(text: str) -> list[Word]:
    # The same words as WORD_RE.finditer, read in one split: [gap, word, gap, …, word, gap], with
    # offsets summed from the pieces' lengths (no match object per word).
    pieces = _WORD_SPLIT.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return list(map(_new_word, zip(pieces[1::2], offsets[1::2], offsets[2::2])))


def emoji_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in EMOJI_RE.finditer(text)]


def strip_trailing_ignorable(text: str) -> str:
    """Drop trailing spaces and emoji (they may follow the final punctuation mark).

    A backward scan, one step per character: a regular expression anchored at the end would be
    tried from every position of a long run of spaces or emoji parts (quadratic or worse)."""
    end = len(text)
    while end and (text[end - 1].isspace() or _IGNORABLE_TAIL.match(text[end - 1])):
        end -= 1
    return text[:end]
