"""Word-level differences between two texts, for the reviewer's and the history's diffs.

    word_diff("Курьер будет завтра.", "Курьер будет сегодня.")
    # [Segment("equal", "Курьер будет "), Segment("delete", "завтра"), Segment("insert", "сегодня"),
    #  Segment("equal", ".")]

Words, runs of spaces and single punctuation marks are the units, so a changed word is marked
whole and nothing is cut off. `difflib` (standard library) finds the longest common runs.
"""
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

EQUAL, INSERT, DELETE = "equal", "insert", "delete"
_UNIT_RE = re.compile(r"\s+|\{[^{}\s]*\}|[^\W_]+(?:['’\-][^\W_]+)*|.", re.DOTALL)


@dataclass(frozen=True)
class Segment:
    op: str     # "equal", "insert" or "delete"
    text: str


def _units(text: str) -> list[str]:
    return _UNIT_RE.findall(text or "")


def word_diff(old: str | None, new: str | None) -> list[Segment]:
    """The segments that turn `old` into `new`: deletions before insertions where a run changed."""
    before, after = _units(old), _units(new)
    segments: list[Segment] = []

    def emit(op, units):
        text = "".join(units)
        if not text:
            return
        if segments and segments[-1].op == op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            emit(EQUAL, before[i1:i2])
        else:
            emit(DELETE, before[i1:i2])
            emit(INSERT, after[j1:j2])
    return segments


def has_changes(segments: list[Segment]) -> bool:
    return any(segment.op != EQUAL for segment in segments)
