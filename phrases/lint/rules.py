"""The brand-voice checks. Each takes a `Draft` (the body, read once) and yields raw hits.

A hit is `(start, end, message_values, suggestion)`; the engine adds the rule id, severity and
the message in the phrase's language. Placeholders are masked before any check reads the text,
so they are never flagged themselves.
"""
import re
import time
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from phrases import placeholders
from phrases.lint import text as t
from phrases.lint.blame import blame_shift, merge_spans
from phrases.lint.clauses import Clauses
from phrases.lint.defaults import RULES, SENTENCE_ABBREVIATIONS
from phrases.lint.knowing import no_idea_inverted, not_an_admission
from phrases.lint.legal import citations
from phrases.lint.patterns import StartDispatch, StartIndex, first_letters
from phrases.lint.redirect import redirect_channel

FORMAL_YOU_RE = re.compile(r"(?<![\w\-])(вы|вас|вам|вами|ваш|ваша|ваше|ваши|вашего|вашей|вашему|вашим|вашими|"
                           r"ваших|вашу|вашем)(?![\w\-])")
SENTENCE_END_RE = re.compile(r"(?<![.!?…])[.!?…]+[\"»”')\]]*\s+")
CLOSERS = "\"»”')]"
DIACRITICS_GONE = str.maketrans("", "", "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def cpu_clock() -> float:
    """The clock a text's lint budget is counted on: CPU time of the linting thread. The budget bounds the
    work a text costs; time spent waiting for a core on a busy machine is not the text's, and counting it
    would make a verdict (and so an import's result) depend on the machine's load."""
    return time.thread_time()


# The kinds the term rules read word by word (`_term_hits`) and those the blame and redirect rules
# look for in clauses (`Draft.find`).
TERM_RULE_KINDS = ("abbreviation", "slang", "dont-know", "legal", "cliche")
CLAUSE_KINDS = ("redirect", "call", "contact", "visit", "request", "chat", "channel", "third-party", "venue",
                "blame", "fault", "disown")


def _clause_filters(ruleset, language, folded):
    """The start filters of every clause kind's terms (`ruleset.Combined`)."""
    return [one for kind in CLAUSE_KINDS for terms in ruleset.combined(language, kind, folded=folded)
            for one in (terms.first, *(shifted for _, shifted in terms.shifted))]


def prepare_starts(ruleset, language) -> None:
    """Group the rule set's start filters for a language, once: a text's word beginnings are then
    looked up once for every term of the term rules, and once for every kind the clauses are
    searched for (`patterns.StartDispatch`), instead of once per term or kind. Kept in the rule
    set's own cache, so a reviewer's edit (a new rule set) gets its own."""
    key = ("start dispatch", language)
    if key in ruleset._compiled:
        return
    filters, offsets = [], {}
    for kind in TERM_RULE_KINDS:
        offsets[kind] = len(filters)
        filters += [first for _, _, first in ruleset.terms_for(language, kind)]
    terms = StartDispatch(filters)
    StartDispatch(_clause_filters(ruleset, language, folded=False))
    if language == "pl":
        StartDispatch(_clause_filters(ruleset, language, folded=True))
    ruleset._compiled[key] = (terms, offsets)


def _term_candidates(draft, kind, terms):
    """[(term, its candidate starts)] for the terms of `kind` that have any, read from the rule
    set's dispatch when there is one (`prepare_starts`), else term by term."""
    index = draft.term_starts
    prepared = getattr(draft.ruleset, "_compiled", {}).get(("start dispatch", draft.language))
    if prepared and kind in prepared[1]:
        dispatch, offset = prepared[0], prepared[1][kind]
        found = index.candidates_for(dispatch)
        if dispatch.filters[offset:offset + len(terms)] == [first for _, _, first in terms]:
            # A term whose start is not narrowed (or not read yet) asks its own `candidates`.
            return [(term, starts if type(starts) is list else index.candidates(term[2]))
                    for term, starts in zip(terms, found[offset:offset + len(terms)]) if starts is None or starts]
    return [(term, index.candidates(term[2])) for term in terms]


class OutOfTime(Exception):
    """The per-text time budget ran out (see engine.lint)."""


@dataclass
class Draft:
    body: str
    language: str
    ruleset: object
    limits: dict = field(default_factory=dict)
    deadline: float = float("inf")
    # Whether a word in capitals is a word of the language (all-caps: shouting, not an acronym); the engine
    # answers from the spelling dictionaries, and with none every such word counts as a word.
    is_word_in_capitals: object = field(default=lambda language, text: True, repr=False)
    _found: dict = field(default_factory=dict, repr=False)
    # The CPU clock's last reading and the wall clock's then (`check_time`); none yet.
    _cpu_read: float = field(default=0.0, repr=False)
    _wall_read: float = field(default=float("-inf"), repr=False)

    def release(self):
        """Drop everything the draft holds once its findings are made. Its views refer back to it (the clauses
        keep its `check_time`), so left alone a text's thousands of tokens and words would wait for the cycle
        collector, and a full collection walking them cost a later text tens of milliseconds; released, reference
        counting frees them at once."""
        self.__dict__.clear()

    def check_time(self):
        """Stop the linting when the text's time budget is spent (called between steps).

        A thread spends at most as much CPU time as passes on the wall clock, so the thread's CPU
        clock (a system call) is read only once the CPU time last read plus the wall time since
        could be past the deadline; the wall clock is far cheaper to read, and the check stops
        the text exactly when reading the CPU clock every time would."""
        now = time.perf_counter()
        if self._cpu_read + (now - self._wall_read) <= self.deadline:
            return
        cpu = cpu_clock()
        self._cpu_read, self._wall_read = cpu, now
        if cpu > self.deadline:
            raise OutOfTime

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
    def sentence_starts(self) -> list:
        return sentence_starts(self)

    @cached_property
    def term_starts(self) -> StartIndex:
        """Where a term may start in the prose, by first letter."""
        return StartIndex.of(self.prose)

    @cached_property
    def folded_prose(self) -> str:
        """The prose without Polish diacritics (same length), for terms typed without them."""
        return t.fold(self.prose)

    @cached_property
    def folded_starts(self) -> StartIndex:
        return StartIndex.of(self.folded_prose)

    @cached_property
    def typed_without_diacritics(self) -> bool:
        """Polish with (almost) no ą, ć, ę, ł, ń, ó, ś, ź, ż: under 2% of the letters, where written
        Polish has about 7%. Only such a text is worth reading again with folded terms."""
        prose = self.prose
        letters = sum(map(str.isalpha, prose))
        marked = len(prose) - len(prose.translate(DIACRITICS_GONE))
        return marked < 0.02 * letters

    @cached_property
    def clauses(self) -> Clauses:
        """Sentences, clauses and (Russian) lemmas: what the blame and redirect rules reason over."""
        return Clauses(self.prose, self.masked, self.language, check_time=self.check_time,
                       folded_view=self.language == "pl", words=self.words)

    def find(self, kind):
        """Spans of the clauses matching the ruleset's terms of `kind` in this draft's language (read
        once per kind: the blame and redirect rules both look for third parties and venues)."""
        found = self._found.get(kind)
        if found is None:
            folded = self.ruleset.combined(self.language, kind, folded=True) if self.language == "pl" else ()
            found = self._found[kind] = self.clauses.find(self.ruleset.combined(self.language, kind), folded)
        return found


def _term_hits(draft, kind):
    """Each term's matches, tried only where a word it can start with starts (linear: patterns.py)."""
    prose = draft.prose
    sentence_starts = set(draft.sentence_starts)
    draft.check_time()
    for (pattern, suggestion, _), candidates in _term_candidates(draft, kind, draft.ruleset.terms_for(draft.language, kind)):
        if not candidates:
            continue  # most terms: no word of the text begins as they do
        draft.check_time()
        end = -1
        for start in candidates:
            if start < end:
                continue  # inside this term's previous match
            match = pattern.match(prose, start)
            if match is not None and match.end() > start:
                end = match.end()
                fix = suggestion
                if fix and (prose[start].isupper() or start in sentence_starts):
                    fix = _capitalise(fix)  # «Спс» → «Спасибо», at a sentence start too
                yield match.start(), match.end(), {"word": match.group()}, fix


def _scan(draft, prose, index, patterns):
    """(start, end) of each pattern's matches in `prose`, tried only where a word it can start with
    starts, skipping positions inside that pattern's previous match."""
    for pattern, first in patterns:
        draft.check_time()
        end = -1
        for start in index.candidates(first):
            if start < end:
                continue
            match = pattern.match(prose, start)
            if match is not None and match.end() > start:
                end = match.end()
                yield start, end, pattern


def _term_rule(draft, kind):
    """A term rule's hits; in Polish, the text typed without diacritics («wedlug regulaminu», «nie mam
    pojecia») is read again, folded, where the terms' own forms found nothing."""
    ruleset, language = draft.ruleset, draft.language
    terms = ruleset.terms_for(language, kind)
    if not terms:
        return []
    hits = list(_term_hits(draft, kind))
    if language != "pl" or not draft.typed_without_diacritics:
        return hits
    # Only the terms with a diacritic: the others read the folded text as they read the prose.
    folded = [(pattern, first, suggestion) for pattern, suggestion, _ in terms
              if (pattern_first := _folded_pattern(pattern.pattern)) is not None
              for pattern, first in [pattern_first]]
    suggestion_of = {pattern: suggestion for pattern, _, suggestion in folded}
    taken = [(start, end) for start, end, _, _ in hits]
    for start, end, pattern in _scan(draft, draft.folded_prose, draft.folded_starts,
                                     [(pattern, first) for pattern, first, _ in folded]):
        if not any(start < other_end and other_start < end for other_start, other_end in taken):
            taken.append((start, end))
            hits.append((start, end, {"word": draft.prose[start:end]}, suggestion_of[pattern]))
    return hits


@lru_cache(maxsize=2048)
def _folded_pattern(source):
    """(compiled folded pattern, first letters) for a term with Polish diacritics, else None."""
    folded = t.fold(source)
    if folded == source:
        return None
    return re.compile(folded, re.IGNORECASE), first_letters(folded)


def banned_abbreviation(draft):
    yield from _term_hits(draft, "abbreviation")


# Slang words that are also plain words for a thing: «косяк» is a blunder, but «дверной косяк»,
# «косяк двери» is a door jamb. A word naming the thing next to it reads it literally.
LITERAL_SLANG = {
    "ru": {"косяк": (("дверн", "оконн", "деревянн", "металлическ", "верхн", "нижн", "боков"),
                     ("двер", "окн", "проём", "проем", "рам", "рыб", "коробк"))},
}


def slang(draft):
    literal = LITERAL_SLANG.get(draft.language, {})
    for hit in _term_hits(draft, "slang"):
        if literal and _literal_use(draft.prose, hit[0], hit[1], literal):
            continue
        if _after_number(draft.prose, hit[0]) or draft.language == "ru" and _governed_noun(draft.prose, hit[0], hit[1]):
            continue
        yield hit


def _after_number(prose, start) -> bool:
    """«Столик на 4 чел.», «до 15 го числа»: a word right after a number is its unit or ending, not slang."""
    previous = prose[max(0, start - 12):start].rstrip()
    return len(previous) < start - max(0, start - 12) and previous[-1:].isdigit()


# Words that govern a genitive noun: «выше норм», «в пределах норм», «соблюдение норм».
GENITIVE_GOVERNORS_RU = {"выше", "ниже", "сверх", "без", "для", "из", "до", "от", "пределах", "рамках", "соблюдение",
                         "соблюдения", "нарушение", "нарушения", "превышение", "превышения", "согласно", "кроме", "вне"}


def _governed_noun(prose, start, end) -> bool:
    """«санитарных норм», «выше норм»: the slang word read as the noun it also is (here «норма» in the genitive),
    because an adjective agreeing with it or a word governing it stands right before it."""
    from phrases.lint.morphology import parses

    word = prose[start:end].lower()
    numbers = {number for pos, case, number, _ in parses(word) if pos == "NOUN" and case == "gent"}
    if not numbers or word in ("чел", "инфа"):
        return False
    previous = prose[max(0, start - 30):start].split()
    if not previous:
        return False
    before = previous[-1].lower().strip(",.;:!?«»\"()")
    if before in GENITIVE_GOVERNORS_RU:
        return True
    return any(pos in ("ADJF", "PRTF") and case == "gent" and number in numbers for pos, case, number, _ in parses(before))


def _literal_use(prose, start, end, literal) -> bool:
    word = prose[start:end].lower()
    for stem, (before, after) in literal.items():
        if word.startswith(stem):
            previous = prose[max(0, start - 40):start].split()
            following = prose[end:end + 40].split()
            return bool(previous and previous[-1].lower().startswith(before)
                        or following and following[0].lower().strip(",.;:!?").startswith(after))
    return False


def i_dont_know(draft):
    """The rule set's wordings, unless the sentence gives them to the client, a clarification or emphasis
    (`knowing.not_an_admission`), and the idea noun before "not have" («Pojęcia nie mam»)."""
    hits = list(_term_rule(draft, "dont-know"))
    if not hits and not any(word in draft.masked.lower() for word in ("pojęcia", "pojecia", "понятия",
                                                                     "представления")):
        return
    clauses = draft.clauses
    taken = set()
    for hit in hits:
        if not_an_admission(clauses, hit[0], hit[1], draft.language):
            continue
        taken.update(range(hit[0], hit[1]))
        yield hit
    for start, end in no_idea_inverted(clauses, draft.language):
        if start not in taken and end - 1 not in taken:  # «nie mam pojęcia» found by its own term already
            yield start, end, {"word": draft.body[start:end]}, None


def legal_reference(draft):
    """A rule source cited as the authority (`legal.citations`, read from the sentence), and the rule set's legal
    terms, except where the sentence names a document or a numbered part as a plain thing ("the contract
    requires your signature", "Section 3 of the manual") and cites nothing there."""
    cited, plain = citations(draft.clauses, draft.language, draft.check_time)
    spans = list(cited)
    for start, end, _, _ in _term_rule(draft, "legal"):
        if any(start < p_end and p_start < end for p_start, p_end in plain) and \
                not any(start < c_end and c_start < end for c_start, c_end in cited):
            continue
        spans.append((start, end))
    # Two wordings of one citation («согласно правилам», "according to the fare rules") are one finding.
    for start, end in merge_spans(spans):
        yield start, end, {"word": draft.body[start:end]}, None


def cliche(draft):
    yield from _term_rule(draft, "cliche")


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
    # A backward scan over the word (a search anchored at the end would read the whole text each time).
    text = draft.masked
    stop = end
    while stop and text[stop - 1] == ".":
        stop -= 1
    start = stop
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    word = text[start:stop].lower()
    if not word:
        return False
    if word[-1:].isdigit():
        # "1. " or "2. " opening a list item, "3." in «п. 3.» go on; a longer number (a phone
        # number, an amount, a date) ends its sentence like a word does.
        token = start
        while token and not text[token - 1].isspace():
            token -= 1
        return text[token:stop].isdigit() and stop - token <= 2
    return word in SENTENCE_ABBREVIATIONS.get(draft.language, ()) or (len(word) == 1 and word.isalpha())


def sentence_starts(draft):
    """Where each sentence's first word starts (after quotes, dashes, bullets and emoji)."""
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
    return starts


def sentence_start_lowercase(draft):
    body = draft.body
    banned = [pattern for kind in ("abbreviation", "slang")
              for pattern in draft.ruleset.terms_for(draft.language, kind)]
    for index in draft.sentence_starts:
        char = body[index]
        if char == "{" or not char.isalpha() or not char.islower():
            continue
        word = t.WORD_RE.match(body, index)
        end = word.end() if word else index + 1
        yield index, end, {}, _capitalised_fix(draft, index, end, banned)


def _capitalised_fix(draft, start, end, banned):
    """The word with a capital, unless it is a banned word: then its replacement, capitalised
    («спс» → «Спасибо», never «Спс»), or nothing when the term has no replacement."""
    for pattern, suggestion, _ in banned:
        match = pattern.match(draft.prose, start)
        if match is not None and match.end() >= end:
            return _capitalise(suggestion) if suggestion else None
    return _capitalise(draft.body[start:end])


def _capitalise(text):
    return text[:1].upper() + text[1:]


def missing_terminal_punctuation(draft):
    """The last word is marked and the fix adds a full stop to it (or turns a trailing , ; : into one)."""
    text = t.strip_trailing_ignorable(draft.body)
    if not text.strip():
        return
    core = text.rstrip(CLOSERS)
    if core and core[-1] in t.TERMINAL:
        return
    end = len(text)
    if text.endswith("}") and "{" in text:
        start = text.rindex("{")  # a placeholder is the last word
    else:
        start = end
        while start and (text[start - 1].isalnum() or text[start - 1] in "_-'’"):
            start -= 1
        if start == end:
            start = end - 1  # a closing bracket, quote or other mark
    last = text[start:end]
    if last in (",", ";", ":"):
        yield start, end, {}, "."
    else:
        yield start, end, {}, last + "."


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
        if len(word.text) < minimum or word.text.islower() or (minimum > 1 and word.text[1:].islower()):
            continue  # no part can be a long enough run of capitals (most words: no split needed)
        offset = word.start
        for part in re.split(r"(['\-])", word.text):
            if (len(part) >= minimum and part.isalpha() and part.isupper() and part.upper() not in acronyms
                    and draft.is_word_in_capitals(draft.language, part)):
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
