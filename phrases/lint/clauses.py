"""A body read as sentences, clauses and words: the unit the blame and redirect rules reason in.

Words carry their sentence and clause number and, for Russian, their dictionary form (pymorphy3),
so a term written as a lemma («потерять») finds every form of it («потеряли», «потерял»). Clauses
end at commas, colons, semicolons, dashes, brackets and quotes, and before a coordinating
conjunction («и», «но», "and", "but", «ale»…).
"""
import bisect
import re
from itertools import accumulate
from operator import attrgetter
from typing import NamedTuple

from phrases.lint import text as t
from phrases.lint.defaults import SENTENCE_ABBREVIATIONS
from phrases.lint.patterns import PREFIX_LENGTH, StartIndex
from phrases.lint.text import fold

CLAUSE_MARKS = re.compile(r"[,;:()\[\]\"«»“”„—–]|(?:^|\s)-(?:\s|$)")
SENTENCE_MARKS = re.compile(r"[.!?…\n]")
CONJUNCTIONS = {
    "ru": {"и", "а", "но", "однако", "зато", "или", "либо", "поэтому", "потому"},
    "en": {"and", "but", "so", "or", "yet", "because", "since"},
    "pl": {"i", "a", "ale", "lecz", "więc", "oraz", "albo", "lub", "bo", "ponieważ", "jednak"},
}
# «Позвоните, пожалуйста, нам»: a courtesy word between commas does not split its clause.
COURTESY = {"пожалуйста", "please", "proszę", "prosimy"}
# Phone numbers and e-mail addresses: a channel written out.
# Both start only where a number or an address begins (the look-behinds), so a long run of digits
# or address characters is read once, not from each of its positions.
PHONE_RE = re.compile(r"(?<![\w{])\+?\d[\d\s()\-]{5,}\d(?![\w}])")
EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


# An amount, a limit or a price is not a phone number: «до 100 000 ₽ в день», "1 000 EUR".
AMOUNT_AFTER = re.compile(r"\s*(?:[₽$€£%]|руб|р\.|тыс|млн|eur|usd|pln|zł|zl|gr\b|шт|km|кг|kg|dni|дн|days)",
                          re.IGNORECASE)
AMOUNT_BEFORE = re.compile(r"(?:[₽$€£]|до|от|по|up\s+to|to|do|od)\s*$", re.IGNORECASE)


_NOT_ADDRESS_CHAR = re.compile(r"[^\w.+\-]")
ADDRESS_DENSITY = 40  # characters of text per «@» below which `_addresses` reads with EMAIL_RE.finditer


def _addresses(text):
    """[(start, end)] of the e-mail addresses in `text`, as `EMAIL_RE.finditer` finds them, read from each
    «@» back to where its address can begin, not by trying the pattern at every word of the text (where
    «@» are dense, as in a hostile «a@a@a@…», with finditer itself)."""
    if text.count("@") * ADDRESS_DENSITY > len(text):  # «@» this dense: the regex engine's one pass costs less
        return [(m.start(), m.end()) for m in EMAIL_RE.finditer(text)]
    found, reached = [], 0
    backwards, length = text[::-1], len(text)  # the last character before an «@» that no address holds: a search
    at = text.find("@")
    while at != -1:
        before = _NOT_ADDRESS_CHAR.search(backwards, length - at)
        start = max(reached, length - before.start() if before else 0)
        match = EMAIL_RE.match(text, start) if start < at else None
        if match is not None:
            found.append((match.start(), match.end()))
            reached = match.end()
        at = text.find("@", max(at + 1, reached))
    return found


def _phone_number(match, text) -> bool:
    """A written-out phone number: seven digits or more, not an amount with its currency or unit."""
    if sum(map(str.isdigit, match.group())) < 7:
        return False
    if AMOUNT_AFTER.match(text, match.end()):
        return False
    return not AMOUNT_BEFORE.search(text[max(0, match.start() - 8):match.start()])


class Token(NamedTuple):  # a named tuple: thousands per long text
    text: str
    lower: str
    start: int
    end: int
    sentence: int
    clause: int
    lemma: str


_END, _LEMMA = attrgetter("end"), attrgetter("lemma")


# A run of words with no sentence or clause mark is read in pieces this long: no real clause or sentence
# comes near them, and a rule that looks over a verb's clause or sentence then does a bounded amount of
# work per word, however long a hostile text without punctuation is (issue 25: linear time).
MAX_CLAUSE_TOKENS = 64
MAX_SENTENCE_TOKENS = 256


class Span(NamedTuple):
    """Where a term matched: token indexes `first`..`last` and character offsets."""

    first: int
    last: int
    start: int
    end: int


def _ranges(numbers):
    """{number: (first, past)}: the index range of each number in `numbers`, a non-decreasing list."""
    changes = [index for index in range(1, len(numbers)) if numbers[index] != numbers[index - 1]]
    firsts = [0, *changes]
    return {numbers[first]: (first, past) for first, past in zip(firsts, [*changes, len(numbers)])} if numbers else {}


class Clauses:
    def __init__(self, prose: str, masked: str, language: str, check_time=None, folded_view=False, words=None):
        self.language = language
        self.prose = prose
        self.check_time = check_time or (lambda: None)
        # `words`: the prose's words when the caller has them already (read once per text).
        self.tokens = self._tokens(prose, language, self.check_time, t.words(prose) if words is None else words)
        self.starts = [token.start for token in self.tokens]
        self.lemma_text, self.lemma_starts = self._lemma_text(prose) if language == "ru" else (None, None)
        self.views = [(prose, StartIndex.of(prose, self.starts), self.starts)]
        if self.lemma_text is not None:
            self.views.append((self.lemma_text, StartIndex.of(self.lemma_text, self.lemma_starts), self.lemma_starts))
        # Polish typed without diacritics («prosze zadzwonic»): a folded view read by folded terms.
        self.folded = None
        if folded_view:
            folded = fold(prose)
            self.folded = (folded, StartIndex.of(folded, self.starts), self.starts)
        # Token index ranges [first, past) of every clause and sentence: the rules look at one
        # clause or sentence at a time, never scanning the whole text per word.
        self.clause_range = _ranges([token.clause for token in self.tokens])
        self.sentence_range = _ranges([token.sentence for token in self.tokens])
        self.literals = _addresses(masked)
        # `prose` is `masked` with its URLs blanked out: phone numbers are read there (not in a link).
        self.literals += [(m.start(), m.end()) for m in PHONE_RE.finditer(prose)
                          if _phone_number(m, masked)]
        self.literals.sort()
        self.literal_starts = [start for start, _ in self.literals]

    def clause_tokens(self, clause):
        first, past = self.clause_range.get(clause, (0, 0))
        return self.tokens[first:past]

    def sentence_tokens(self, sentence):
        first, past = self.sentence_range.get(sentence, (0, 0))
        return self.tokens[first:past]

    @staticmethod
    def _tokens(prose, language, check_time, words):
        tokens, sentence, clause = [], 0, 0
        previous_end = previous_lower = previous_text = None
        russian = language == "ru"
        if russian:
            from phrases.lint.morphology import reading
        lemmas = {}  # lowercase word -> its lemma: a long text repeats its words
        gap_marks = {}  # gap -> (ends a sentence, is a full stop, holds a clause mark): gaps repeat too
        abbreviations = SENTENCE_ABBREVIATIONS.get(language, ())
        conjunctions = CONJUNCTIONS.get(language, ())
        append, new = tokens.append, tuple.__new__  # a Token without its Python-level constructor
        clause_first = sentence_first = 0  # the index of the current clause's and sentence's first word
        for number, (text, start, end) in enumerate(words):
            if not number & 63:
                check_time()
            lower = text.lower()
            if number:
                gap = prose[previous_end:start]
                if gap == " ":  # most gaps: no sentence or clause mark to look for
                    if lower in conjunctions:
                        clause += 1
                else:
                    marks = gap_marks.get(gap)
                    if marks is None:  # a gap not seen before in this text: read it once
                        marks = gap_marks[gap] = (SENTENCE_MARKS.search(gap) is not None, gap.strip() == ".",
                                                  CLAUSE_MARKS.search(gap) is not None)
                    sentence_end, full_stop, clause_mark = marks
                    if sentence_end and full_stop and (
                            previous_lower in abbreviations or len(previous_text) == 1 or previous_text.isdigit()):
                        sentence_end = False  # "т. е.", "np.", "3.5"
                    if sentence_end:
                        sentence += 1
                        clause += 1
                    elif lower in conjunctions or (clause_mark and lower not in COURTESY
                                                   and previous_lower not in COURTESY):
                        clause += 1
            if russian:
                lemma = lemmas.get(lower)
                if lemma is None:
                    lemma = lemmas[lower] = reading(lower).lemma
            else:
                lemma = lower
            if number:
                if tokens[-1][4] != sentence:
                    sentence_first = number
                elif number - sentence_first >= MAX_SENTENCE_TOKENS:
                    sentence, clause, sentence_first = sentence + 1, clause + 1, number
                if tokens[-1][5] != clause:
                    clause_first = number
                elif number - clause_first >= MAX_CLAUSE_TOKENS:
                    clause, clause_first = clause + 1, number
            append(new(Token, (text, lower, start, end, sentence, clause, lemma)))
            previous_end, previous_lower, previous_text = end, lower, text
        return tokens

    def _lemma_text(self, prose):
        """The words' lemmas joined by the gaps between the words (a gap of spaces alone: one
        space), and where each lemma starts; read in a few passes over lists, not word by word."""
        tokens = self.tokens
        gaps = [" ", *(prose[end:start] for end, start in zip(map(_END, tokens), self.starts[1:]))]
        pieces = [piece for gap, lemma in zip(gaps, map(_LEMMA, tokens))
                  for piece in (gap if gap == " " or gap.strip() else " ", lemma)]
        offsets = list(accumulate(map(len, pieces), initial=0))
        return "".join(pieces), offsets[1:-1:2]

    def _span(self, first, last):
        return Span(first, last, self.tokens[first].start, self.tokens[last].end)

    def find(self, patterns, folded_patterns=()) -> list[Span]:
        """Token spans where any of `patterns` (`ruleset.Combined`) matches the words or (Russian) their
        lemmas, or any of `folded_patterns` matches the text without diacritics (Polish).

        Terms are whole words, so a pattern is tried only where a word starts that a term may begin
        at (`Combined`: by its first characters, or a few words before them); the few terms that may
        begin with any word are found by the regex engine in one pass over the text."""
        spans = set()
        views = [(view, patterns) for view in self.views]
        if self.folded is not None and folded_patterns:
            views.append((self.folded, folded_patterns))
        for (text, index, starts), view_patterns in views:
            for terms in view_patterns:
                candidates, anywhere = terms.starts_in(text, index, self.check_time)
                if not candidates:
                    continue
                self.check_time()
                combined, by_first_key, by_beginning = terms.pattern, terms.by_first_key, terms.by_beginning
                # Each word start is tried with only the terms that may begin with its beginning: its
                # first three keys, or (where a term not narrowed may match) its first (the same match:
                # see `ruleset.ByBeginning`, `ruleset._by_first_key`).
                keys = index.keys if by_first_key else None
                for position in candidates:
                    if keys is None:
                        pattern = combined
                    elif position in anywhere:
                        pattern = by_first_key.get(keys[position], combined)
                    else:
                        pattern = by_beginning[keys[position:position + PREFIX_LENGTH]]
                    match = pattern.match(text, position)
                    if match is None or match.end() == position:
                        continue
                    first_token = bisect.bisect_left(starts, position)
                    last = bisect.bisect_left(starts, match.end()) - 1
                    spans.add(self._span(first_token, max(first_token, last)))
        return sorted(spans, key=lambda s: (s.first, -s.last))

    def clause_of(self, index):
        return self.tokens[index].clause

    def in_clause(self, spans, clause):
        return [s for s in spans if self.tokens[s.first].clause == clause]

    def literal_in(self, clause) -> bool:
        """An e-mail address or phone number written in the clause."""
        first, past = self.clause_range.get(clause, (0, 0))
        if first == past:
            return False
        start = self.tokens[first].start
        # A literal is masked out of the words, so it may sit just past the clause's last word.
        end = self.tokens[past].start if past < len(self.tokens) else len(self.prose) + 1
        index = bisect.bisect_left(self.literal_starts, start)
        return index < len(self.literal_starts) and self.literal_starts[index] < end
