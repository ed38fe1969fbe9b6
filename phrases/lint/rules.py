"""The brand-voice checks. Each takes a `Draft` (the body, read once) and yields raw hits.

A hit is `(start, end, message_values, suggestion)`; the engine adds the rule id, severity and
the message in the phrase's language. Placeholders are masked before any check reads the text,
so they are never flagged themselves.
"""
import re
from dataclasses import dataclass, field
from functools import cached_property

from phrases import placeholders
from phrases.lint import text as t
from phrases.lint.blame import blame_shift
from phrases.lint.clauses import Clauses
from phrases.lint.defaults import RULES, SENTENCE_ABBREVIATIONS
from phrases.lint.redirect import redirect_channel

FORMAL_YOU_RE = re.compile(r"(?<![\w\-])(вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашему|вашим|вашими|"
                           r"ваших|вашу|вашем)(?![\w\-])")
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"»”')\]]*\s+")
CLOSERS = "\"»”')]"


@dataclass
class Draft:
    body: str
    language: str
    ruleset: object
    limits: dict = field(default_factory=dict)

    @cached_property
    def masked(self) -> str:
        """Placeholders blanked out; typographic apostrophes made plain (same length)."""
        return t.mask_placeholders(self.body).replace("’", "'")

    @cached_property
    def prose(self) -> str:
        """Masked text without URLs and e-mail addresses: what is read as words."""
        return t.mask_urls(self.masked)

    @cached_property
    def words(self):
        return t.words(self.prose)

    @cached_property
    def clauses(self) -> Clauses:
        """Sentences, clauses and (Russian) lemmas: what the blame and redirect rules reason over."""
        return Clauses(self.prose, self.masked, self.language)

    def find(self, kind):
        """Spans of the clauses matching the ruleset's terms of `kind` in this draft's language."""
        return self.clauses.find(self.ruleset.combined(self.language, kind))


def _term_hits(draft, kind):
    for pattern, suggestion in draft.ruleset.terms_for(draft.language, kind):
        for match in pattern.finditer(draft.prose):
            yield match.start(), match.end(), {"word": match.group()}, suggestion


def banned_abbreviation(draft):
    yield from _term_hits(draft, "abbreviation")


def slang(draft):
    yield from _term_hits(draft, "slang")


def i_dont_know(draft):
    yield from _term_hits(draft, "dont-know")


def legal_reference(draft):
    yield from _term_hits(draft, "legal")


def cliche(draft):
    yield from _term_hits(draft, "cliche")


def lowercase_formal_you(draft):
    if draft.language != "ru":
        return
    for match in FORMAL_YOU_RE.finditer(draft.prose):
        fixed = match.group()[0].upper() + match.group()[1:]
        yield match.start(), match.end(), {"suggestion": fixed}, fixed


def _first_content(body, start):
    """Index of the first character from `start` that is not space, emoji, quote, dash or bullet."""
    index = start
    while index < len(body):
        char = body[index]
        emoji = t.EMOJI_RE.match(body, index)
        if emoji:
            index = emoji.end()
        elif char.isspace() or char in "\"«“'(-–—•*":
            index += 1
        else:
            return index
    return None


def _abbreviation_before(draft, end):
    """True when the full stop ending at `end` closes an abbreviation ("т.е.", "np.") or a number."""
    head = draft.masked[:end].rstrip(".")
    match = re.search(r"([\w.]+)$", head)
    if not match:
        return False
    word = match.group(1).lower()
    if word[-1:].isdigit():
        return True
    return word in SENTENCE_ABBREVIATIONS.get(draft.language, ()) or (len(word) == 1 and word.isalpha())


def sentence_start_lowercase(draft):
    body = draft.body
    starts = []
    first = _first_content(body, 0)
    if first is not None:
        starts.append(first)
    for match in SENTENCE_END_RE.finditer(draft.masked):
        if match.group()[0] == "." and not match.group().startswith("…") and _abbreviation_before(draft, match.start() + 1):
            continue
        index = _first_content(body, match.end())
        if index is not None:
            starts.append(index)
    for index in starts:
        char = body[index]
        if char == "{" or not char.isalpha() or not char.islower():
            continue
        word = t.WORD_RE.match(body, index)
        end = word.end() if word else index + 1
        yield index, end, {}, body[index:end].capitalize()


def missing_terminal_punctuation(draft):
    text = t.strip_trailing_ignorable(draft.body)
    if not text.strip():
        return
    core = text.rstrip(CLOSERS)
    if core and core[-1] in t.TERMINAL:
        return
    yield max(len(text) - 1, 0), len(text), {}, None


def _limit(draft, rule):
    """The limit in force: the tuned one, else the rule's default (`defaults.RULES`)."""
    return draft.limits.get(rule) or RULES[rule][1]


def too_many_emoji(draft):
    limit = _limit(draft, "too-many-emoji")
    spans = t.emoji_spans(draft.masked)
    if len(spans) > limit:
        yield spans[limit][0], spans[-1][1], {"count": len(spans), "limit": limit}, None


def all_caps(draft):
    minimum = _limit(draft, "all-caps")
    acronyms = draft.ruleset.acronyms_for(draft.language)
    for word in draft.words:
        offset = word.start
        for part in re.split(r"(['\-])", word.text):
            if (len(part) >= minimum and part.isalpha() and part.isupper() and part.upper() not in acronyms):
                yield offset, offset + len(part), {"word": part}, part.capitalize()
            offset += len(part)


def too_many_exclamations(draft):
    limit = _limit(draft, "too-many-exclamations")
    marks = [m.start() for m in re.finditer("!", draft.masked)]
    if len(marks) > limit:
        yield marks[limit], marks[-1] + 1, {"count": len(marks), "limit": limit}, None


def too_long(draft):
    limit = _limit(draft, "too-long")
    if len(draft.body) > limit:
        yield limit, len(draft.body), {"count": len(draft.body), "limit": limit}, None


def unknown_placeholder(draft):
    for start, end, kind, params in placeholders.problems(draft.body, draft.ruleset.placeholders):
        yield start, end, {"kind": kind, **params}, None


CHECKS = {
    "banned-abbreviation": banned_abbreviation,
    "slang": slang,
    "lowercase-formal-you": lowercase_formal_you,
    "sentence-start-lowercase": sentence_start_lowercase,
    "missing-terminal-punctuation": missing_terminal_punctuation,
    "too-many-emoji": too_many_emoji,
    "all-caps": all_caps,
    "too-many-exclamations": too_many_exclamations,
    "i-dont-know": i_dont_know,
    "redirect-channel": redirect_channel,
    "legal-reference": legal_reference,
    "blame-shift": blame_shift,
    "cliche": cliche,
    "too-long": too_long,
    "unknown-placeholder": unknown_placeholder,
}
