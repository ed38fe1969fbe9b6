"""Where the matched words are in a phrase's original text, for highlighting in the picker."""
import re

from phrases.placeholders import TOKEN_RE as PLACEHOLDER_RE
from phrases.search.normalize import TOKEN_RE, fold_letters

_WORD_RE = re.compile(r"[^\W_]+")
_TOKEN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюя")


def spans(text: str, words) -> list[list[int]]:
    """[[start, end], …] character spans in `text` of the words whose folded form is in `words`.

    Spans index the original string (so a caller can slice it as stored); placeholders are skipped.
    `words` is the few words of this phrase the query matched, so each is looked for with str.find."""
    if not words or not text:
        return []
    hidden = [m.span() for m in PLACEHOLDER_RE.finditer(text)] if "{" in text else []
    folded = fold_letters(text.lower())
    if len(folded) != len(text):  # lowercasing changed the length (rare letters): mark whole words
        return _spans_by_word(text, words, hidden)
    found = []
    for word in words:
        start = folded.find(word)
        while start >= 0:
            end = start + len(word)
            if ((start == 0 or folded[start - 1] not in _TOKEN_CHARS)
                    and (end == len(folded) or folded[end] not in _TOKEN_CHARS)
                    and not any(a <= start < b for a, b in hidden)):
                found.append([start, end])
            start = folded.find(word, end)
    found.sort()
    return found


def _spans_by_word(text, words, hidden):
    found = []
    for word in _WORD_RE.finditer(text):
        if not any(a <= word.start() < b for a, b in hidden) and any(
                token in words for token in TOKEN_RE.findall(fold_letters(word.group().lower()))):
            found.append([word.start(), word.end()])
    return found
