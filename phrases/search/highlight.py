"""Where the matched words are in a phrase's original text, for highlighting in the picker."""
import re

from phrases.search.normalize import FOLD, TOKEN_RE
from phrases.validation import PLACEHOLDER_RE

_WORD_RE = re.compile(r"[^\W_]+")


def spans(text: str, matched: set) -> list[list[int]]:
    """[[start, end], …] character spans in `text` of the words whose folded form is in `matched`.

    Spans index the original string (so a caller can slice it as stored); placeholders are skipped."""
    if not matched or not text:
        return []
    hidden = [m.span() for m in PLACEHOLDER_RE.finditer(text)] if "{" in text else []
    folded = text.lower().translate(FOLD)
    if len(folded) == len(text):  # the usual case: one pass over the folded text
        return [[m.start(), m.end()] for m in TOKEN_RE.finditer(folded)
                if m.group() in matched and not any(a <= m.start() < b for a, b in hidden)]
    found = []
    for word in _WORD_RE.finditer(text):
        start = word.start()
        if any(a <= start < b for a, b in hidden):
            continue
        folded = word.group().lower().translate(FOLD)
        if len(folded) == len(word.group()):
            for token in TOKEN_RE.finditer(folded):
                if token.group() in matched:
                    found.append([start + token.start(), start + token.end()])
        elif any(token in matched for token in TOKEN_RE.findall(folded)):
            found.append([start, word.end()])  # lowercasing changed the length: mark the whole word
    return found
