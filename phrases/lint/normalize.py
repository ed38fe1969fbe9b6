"""The text every rule reads: what a person sees, with offsets back to what was typed.

Readers do not see zero-width and other format characters, nor tell a Cyrillic «х» from a Latin
"x", so "th\\u200bx", "thх" and "c\\u200ball the hot\\u200bline" all read as the banned words they
look like. Before any rule runs the text is
1. composed (Unicode NFC: "е" + combining accent is one letter, as on screen);
2. stripped of format characters (category Cf: zero-width spaces and joiners, word joiners, soft
   hyphens, direction marks and overrides, BOM), except a zero-width joiner inside an emoji
   sequence and emoji tag characters, which are part of the emoji a reader sees;
3. rid of look-alike letters: in a run of letters that mixes Latin and Cyrillic, the word's script
   is the one with more letters that have no look-alike in the other («п», "h"), else the one with
   more letters, else the phrase's language; letters of the other script that look like one of
   its letters take that letter's place. A hyphen separates runs, so "IT-отдел" and "PIN-код" stay as written.

`normalize` returns the new text and, for each of its characters, the span of the original text
it came from, so a finding's offsets point at what the writer sees in the editor.
"""
import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from phrases.lint.text import EMOJI_RE

CYRILLIC_TO_LATIN = dict(zip("аеорсухкіјѕАВЕКМНОРСТХУІЈЅ", "aeopcyxkijsABEKMHOPCTXYIJS"))
LATIN_TO_CYRILLIC = dict(zip("aeopcyxkABEKMHOPCTXY", "аеорсухкАВЕКМНОРСТХУ"))
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Exactly the letters the counts in `_unmix` take for Latin ("a" <= lower <= "z": also "İ" and the
# Kelvin sign) and for Cyrillic.
_LATIN = re.compile("[A-Za-z\u0130\u212a]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_MIXED = re.compile(r"[A-Za-z][А-Яа-яЁёІіЈјЅѕ]|[А-Яа-яЁёІіЈјЅѕ][A-Za-z]")
# Runs of Latin letters (those `_LATIN` takes), and of characters of the Cyrillic block.
_LATIN_LETTERS = re.compile("[A-Za-z\u0130\u212a]+")
_CYRILLIC_CHARACTERS = re.compile("[\u0400-\u04ff]+")
# The last character that is not a letter before the end searched (endpos): a run of letters starts after it.
_LAST_NON_LETTER = re.compile(r"[\W\d_][^\W\d_]*\Z")
# Unicode's format characters (category Cf), less the emoji tag characters U+E0020–E007F.
_FORMAT = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
                     "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                     "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001]")


def _is_format(char: str) -> bool:
    return _FORMAT.match(char) is not None


@dataclass(frozen=True)
class Normalized:
    """The normalised text; `starts[i]`/`ends[i]` give the original span of its character `i`
    (None when each character is where it was: the text needed no change, or only look-alike
    letters changed, one for one)."""

    text: str
    original_length: int
    starts: list | None = None
    ends: list | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end)."""
        if self.starts is None:
            return start, end
        if start >= len(self.text):
            return self.original_length, self.original_length
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def normalize(text: str, language: str = "") -> Normalized:
    """`text` as a reader sees it (see the module's docstring), with the way back to the original."""
    mixed = _MIXED.search(text) is not None
    needs_format = _FORMAT.search(text) is not None
    if unicodedata.is_normalized("NFC", text) and not needs_format:
        if not mixed:
            return Normalized(text, len(text))
        if not any(map(unicodedata.combining, text)):
            # Only look-alike letters change, one for one: each character maps to itself, so no
            # spans are kept (`span` answers as the loop below's spans would, and the engine need
            # not map a finding back).
            return Normalized(_unmix(text, language), len(text))
    elif unicodedata.is_normalized("NFC", text) and not any(map(unicodedata.combining, text)):
        return _without_format(text, language, mixed)
    pieces, starts, ends = [], [], []
    emoji_joiners = _emoji_joiners(text) if "\u200d" in text else set()
    index, length = 0, len(text)
    while index < length:
        # One base character and the combining marks after it compose together (NFC).
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        chunk = text[index:end]
        if len(chunk) == 1 and _is_format(chunk) and index not in emoji_joiners:
            index = end
            continue
        composed = unicodedata.normalize("NFC", chunk) if len(chunk) > 1 else chunk
        for char in composed:
            pieces.append(char)
            starts.append(index)
            ends.append(end)
        index = end
    result = "".join(pieces)
    if mixed:
        result = _unmix(result, language)
    return Normalized(result, length, starts, ends)


def _without_format(text: str, language: str, mixed: bool) -> Normalized:
    """An NFC text without combining marks whose format characters go: every other character maps
    to itself (the spans the character loop gives), read between the format characters."""
    pieces, starts = [], []
    emoji = [(m.start(), m.end()) for m in EMOJI_RE.finditer(text)] if "\u200d" in text else []
    emoji_starts = [start for start, _ in emoji]
    kept_from = 0
    for match in _FORMAT.finditer(text):
        index = match.start()
        if text[index] == "\u200d" and emoji:
            inside = bisect.bisect_right(emoji_starts, index) - 1
            if inside >= 0 and index < emoji[inside][1]:
                continue  # a joiner holding an emoji sequence together
        pieces.append(text[kept_from:index])
        starts += range(kept_from, index)
        kept_from = index + 1
    pieces.append(text[kept_from:])
    starts += range(kept_from, len(text))
    result = "".join(pieces)
    if mixed:
        result = _unmix(result, language)
    return Normalized(result, len(text), starts, list(map((1).__add__, starts)))


def _emoji_joiners(text: str) -> set:
    """Positions of zero-width joiners that hold an emoji sequence together."""
    joiners = set()
    for match in EMOJI_RE.finditer(text):
        for offset, char in enumerate(match.group()):
            if char == "\u200d":
                joiners.add(match.start() + offset)
    return joiners


def _mixed_runs(text: str, language: str):
    """The runs of letters (`_LETTER_RUN`) holding both a Latin and a Cyrillic letter, in order.

    They are looked for from the letters of the script a text of `language` has few of (Latin in
    Russian, Cyrillic elsewhere), found in C: only the runs holding one are read, each once, and the
    text between them once (a text of one-script words costs one search)."""
    rare, other = (_LATIN_LETTERS, _CYRILLIC) if language == "ru" else (_CYRILLIC_CHARACTERS, _LATIN)
    read_to, run_end = 0, 0
    for segment in rare.finditer(text):
        if segment.end() <= run_end:
            continue  # inside the run just read
        # A Cyrillic segment may hold characters that are not letters (combining marks), so it may
        # touch more than one run: each of its letters' runs is read.
        for part in _LETTER_RUN.finditer(text, max(segment.start(), run_end), segment.end()):
            at = part.start()
            before = _LAST_NON_LETTER.search(text, read_to, at)
            run = _LETTER_RUN.match(text, before.start() + 1 if before is not None else read_to)
            run_end = read_to = run.end()
            if other.search(run.group()) is not None:
                yield run
            if run_end >= segment.end():
                break


def _unmix(text: str, language: str) -> str:
    pieces, read_to = [], 0
    for run in _mixed_runs(text, language):
        word = run.group()
        # Kept per run (texts repeat their words); a long run is not kept.
        unmixed = (_unmixed_run if len(word) <= 64 else _unmixed_run.__wrapped__)(word, language != "ru")
        if unmixed is not None:
            pieces += (text[read_to:run.start()], unmixed)
            read_to = run.end()
    if not pieces:
        return text
    pieces.append(text[read_to:])
    return "".join(pieces)


@lru_cache(maxsize=20_000)
def _unmixed_run(word: str, latin_on_a_tie: bool) -> str | None:
    """A run of letters holding both scripts in one script (same length), or None when unchanged."""
    latin = [char for char in word if "a" <= char.lower() <= "z"]
    cyrillic = [char for char in word if "\u0400" <= char <= "\u04ff"]
    if not latin or not cyrillic:
        return None
    # Letters with no look-alike in the other script say which script the word is in.
    latin_only = sum(1 for char in latin if char not in LATIN_TO_CYRILLIC)
    cyrillic_only = sum(1 for char in cyrillic if char not in CYRILLIC_TO_LATIN)
    if latin_only != cyrillic_only:
        to_latin = latin_only > cyrillic_only
    elif len(latin) != len(cyrillic):
        to_latin = len(latin) > len(cyrillic)
    else:
        to_latin = latin_on_a_tie
    table = CYRILLIC_TO_LATIN if to_latin else LATIN_TO_CYRILLIC
    return "".join([table.get(char, char) for char in word])
