"""The tuned rules in force: built from the database (or the defaults) and cached per process.

Reviewers edit rules in the admin; every save bumps `RulesRevision`. Each process re-reads that
revision at most once a second and rebuilds its compiled rule set when it moved, so a change is in
force everywhere within a second, and at once in the process that made it.
"""
import functools
import logging
import re
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from phrases.lint import defaults
from phrases.lint.findings import OFF
from phrases.lint.patterns import (
    THIRD_PARTY_MACRO,
    StartFilter,
    UnsafePattern,
    check_term_pattern,
    longest_prefix,
    pruned,
    shifted_prefixes,
)
from phrases.lint.text import fold

logger = logging.getLogger(__name__)
ALL_LANGUAGES = "*"
TERM_KINDS = (
    "abbreviation", "slang", "dont-know", "redirect", "legal", "blame", "cliche", "acronym",
    # The parts the blame and redirect rules assemble a sentence from (see phrases/lint/meaning.py).
    "third-party", "fault", "disown", "request", "call", "contact", "visit", "channel", "venue", "chat",
)
CHECK_INTERVAL = 1.0


@functools.lru_cache(maxsize=8192)
def compile_term(pattern: str) -> re.Pattern:
    """A term as a whole-word, case-insensitive pattern (hyphens bind words: "PIN-u" is one word).

    Raises `UnsafePattern` for a pattern that could take more than linear time (see patterns.py).
    Remembered by its text (the check walks the whole pattern): a rule set rebuilt after one edit
    compiles only the terms that changed."""
    check_term_pattern(pattern)
    return re.compile(rf"(?<![\w\-])(?:{pattern})(?![\w\-])", re.IGNORECASE)


def _by_first_key(sources, filters):
    """{key: pattern}: for each key a term's match may begin with (`StartFilter.prefixes`), the
    alternation, in the terms' order, of the terms that may begin with it and of those not narrowed.

    At a word start the combined pattern takes its first alternative that matches; a term that
    cannot begin with the word's first character cannot match there, so this shorter alternation
    matches exactly as the combined one does, without trying the hundreds of others."""
    firsts = [frozenset(string[0] for string in one.prefixes) if one.prefixes else None for one in filters]
    keys = frozenset().union(*(one for one in firsts if one is not None))
    return {key: re.compile("|".join(source for source, first in zip(sources, firsts) if first is None or key in first),
                            re.IGNORECASE)
            for key in keys}


_NEVER = re.compile("(?!)")


class ByBeginning(dict):
    """{a word's beginning (its first PREFIX_LENGTH keys): the alternation, in the terms' order, of the
    narrowed terms that may begin with it}, shared by the beginnings that choose the same terms.

    A narrowed term's match begins with one of its prefixes (`StartFilter.prefixes`), so a term none
    of whose prefixes begins the word cannot match there: at a start where no term that is not
    narrowed may match (`Combined.starts_in`), this alternation matches exactly as the whole one,
    trying a few terms instead of every term with the same first letter («в» begins hundreds).

    The terms a beginning chooses are those of the longest prefix it begins with (and of that prefix's
    own beginnings), so one alternation per prefix is all there is to compile (`compile_all`, before a
    fork); a beginning met for the first time is then two or three look-ups (`__missing__`)."""

    MAX_KEPT = 100_000  # beginnings kept (a bound on what many odd texts can make it keep)

    def __init__(self, sources, filters):
        super().__init__()
        self.sources = sources
        by_prefix = defaultdict(list)
        for number, one in enumerate(filters):
            if not one.unnarrowed:
                for prefix in one.prefixes:
                    by_prefix[prefix].append(number)
        self.by_prefix = dict(by_prefix)
        self.by_terms = {}  # term numbers -> their alternation
        self.of_prefix = {}  # a prefix -> the alternation it chooses (never emptied: as many as the prefixes)

    def __missing__(self, beginning) -> re.Pattern:
        prefix = longest_prefix(beginning, self.by_prefix)
        if prefix is None:
            pattern = _NEVER
        else:
            pattern = self.of_prefix.get(prefix) or self._chosen_by(prefix)
        if len(self) >= self.MAX_KEPT:
            self.clear()
        self[beginning] = pattern
        return pattern

    def _chosen_by(self, prefix) -> re.Pattern:
        get = self.by_prefix.get
        numbers = tuple(sorted({number for length in range(1, len(prefix) + 1) for number in get(prefix[:length], ())}))
        pattern = self.by_terms.get(numbers)
        if pattern is None:
            pattern = self.by_terms[numbers] = re.compile("|".join(self.sources[number] for number in numbers),
                                                          re.IGNORECASE)
        self.of_prefix[prefix] = pattern
        return pattern

    def compile_all(self) -> None:
        """Compile every alternation a beginning can choose (a worker forked after it compiles none)."""
        for prefix in self.by_prefix:
            if prefix not in self.of_prefix:
                self._chosen_by(prefix)
            self[prefix] = self.of_prefix[prefix]


@dataclass
class RuleSet:
    # rule -> language ("*" for all) -> (severity, limit)
    rules: dict = field(default_factory=dict)
    # language -> kind -> [(pattern source, suggestion)]; compiled per language on first use
    raw_terms: dict = field(default_factory=dict)
    acronyms: dict = field(default_factory=dict)  # language -> {UPPERCASE words}
    team_words: frozenset = frozenset()
    placeholders: frozenset = frozenset()
    revision: object = None
    _compiled: dict = field(default_factory=dict, repr=False)

    def rule(self, rule: str, language: str):
        """(severity, limit) of a rule for a language; severity "off" when disabled."""
        by_language = self.rules.get(rule, {})
        return by_language.get(language) or by_language.get(ALL_LANGUAGES) or (OFF, None)

    def _entries(self, language: str, kind: str):
        return self.raw_terms.get(language, {}).get(kind, []) + self.raw_terms.get(ALL_LANGUAGES, {}).get(kind, [])

    def _expand(self, language: str, pattern: str) -> str:
        if THIRD_PARTY_MACRO not in pattern:
            return pattern
        parties = "|".join(f"(?:{p})" for p, _ in self._entries(language, "third-party")) or "(?!)"
        return pattern.replace(THIRD_PARTY_MACRO, f"(?:{parties})")

    def _term_entries(self, language: str, kind: str) -> tuple:
        return tuple((pattern, self._expand(language, pattern), suggestion)
                     for pattern, suggestion in self._entries(language, kind))

    def terms_for(self, language: str, kind: str):
        """[(compiled pattern, suggestion, `StartFilter`)] of one kind for a language (its own and the
        common ones). A pattern that is invalid or could take more than linear time is skipped."""
        key = (language, kind)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = _compiled_terms(language, kind, self._term_entries(language, kind))
        return compiled

    def combined(self, language: str, kind: str, folded: bool = False):
        """The kind's terms as one pattern, [(pattern, by first key, `StartFilter`)] or [], for finding
        where any matches; `folded`: the same without Polish diacritics, for text typed without them.
        `by first key`: {a word's first character's key: the alternation of only the terms that may
        start with it (`_by_first_key`)}."""
        key = (language, kind, "folded" if folded else "combined")
        combined = self._compiled.get(key)
        if combined is None:
            combined = self._compiled[key] = _combined(language, kind, self._term_entries(language, kind), folded)
        return combined

    def compile_language(self, language: str) -> None:
        """Compile every term of a language now (cached: only the first call costs anything)."""
        if (language, "all") not in self._compiled:
            for kind in TERM_KINDS:
                for folded in (False, True) if language == "pl" else (False,):
                    for terms in self.combined(language, kind, folded=folded):
                        terms.by_beginning.compile_all()
            self._compiled[(language, "all")] = True

    def acronyms_for(self, language: str):
        return self.acronyms.get(language, frozenset()) | self.acronyms.get(ALL_LANGUAGES, frozenset())


# What a kind's terms compile to depends on their text alone (`entries`: (pattern, pattern with the third-party
# macro expanded, suggestion), in order), so rule sets share it by that text: rules rebuilt after a reviewer
# edits one term compile that term's kind again and no other (the rest took seconds in every worker), and
# rules rebuilt with no term changed (a setting, a team word; reset between two tests) compile nothing.
# Sized for a few rule sets' worth of kinds (three languages, two forms in Polish).
@functools.lru_cache(maxsize=512)
def _compiled_terms(language: str, kind: str, entries: tuple) -> tuple:
    compiled = []
    for pattern, expanded, suggestion in entries:
        try:
            compiled.append((compile_term(expanded), suggestion, StartFilter.of(expanded)))
        except (re.error, UnsafePattern) as error:
            logger.warning("Skipping invalid %s term %r for %s: %s", kind, pattern, language, error)
    return tuple(compiled)


class Combined(NamedTuple):
    """A kind's terms prepared for finding where any of them matches (`Clauses.find`).

    `pattern`: their alternation; `by_first_key`: {key: the alternation of only the terms that may
    start with it} (`_by_first_key`); `by_beginning`: the same for the narrowed terms by a word's first
    three keys (`ByBeginning`), for the starts where no other term may match. Where a match may begin
    is read in three parts, so that a few terms that may begin with any word do not make every word
    start of a text a candidate:
    `first`: where the terms whose beginnings `StartFilter` narrows may start; `shifted`: ((words,
    `StartFilter`), …) for terms that begin with up to `words` words of any spelling before a narrowed
    start ("(\\w+\\s+)?providers?", `patterns.shifted_prefixes`); `unnarrowed`: the alternation of the
    rest (or None), found by the regex engine in one pass over a text that holds one of the strings
    their matches contain (`unnarrowed_first`)."""

    pattern: re.Pattern
    by_first_key: dict
    by_beginning: "ByBeginning"
    first: StartFilter
    shifted: tuple
    unnarrowed: re.Pattern | None
    unnarrowed_first: StartFilter | None

    def starts_in(self, text, index, check_time) -> tuple[list, set]:
        """(the word starts of `text` (its `StartIndex`) where one of the terms may match, in order; those
        of them where a term that is not narrowed may)."""
        candidates = index.candidates(self.first)
        extra = [start for words, one in self.shifted for start in index.starts_before(index.candidates(one), words)]
        others = self.unnarrowed is not None and index.may_hold(self.unnarrowed_first)
        if others and all(spaceless for _, spaceless in self.unnarrowed_first.unnarrowed):
            # Matches with no space in them: only in the runs of non-spaces that hold one of their strings.
            extra += index.candidates(self.unnarrowed_first)
        elif others:
            # Each start where one matches, not only non-overlapping matches: the search goes on from
            # the character after each match's start (one pass over the text in all).
            numbers, search = index.numbers, self.unnarrowed.search
            match = search(text)
            while match is not None:
                position = match.start()
                if position in numbers:
                    extra.append(position)
                check_time()
                match = search(text, position + 1)
        if not extra:
            return candidates, set()
        extra = set(extra)
        return sorted(extra.union(candidates)), extra


@functools.lru_cache(maxsize=512)
def _combined(language: str, kind: str, entries: tuple, folded: bool) -> tuple:
    terms = _compiled_terms(language, kind, entries)
    if not terms:
        return ()
    sources = [pattern.pattern for pattern, _, _ in terms]
    filters = [start for _, _, start in terms]
    if folded:
        sources = [fold(one) for one in sources]
        filters = [StartFilter.of(one) for one in sources]
    narrowed = [one for one in filters if not one.unnarrowed]
    letters = [one.letters for one in narrowed]
    first = StartFilter.merged(None if None in letters else frozenset().union(*letters), narrowed)
    shifted, others, other_filters = defaultdict(set), [], []
    for source, one in zip(sources, filters):
        if not one.unnarrowed:
            continue
        by_words = shifted_prefixes(source)
        if by_words is None:
            others.append(source)
            other_filters.append(one)
            continue
        for words, prefixes in by_words.items():
            shifted[words] |= prefixes
    return (Combined(
        re.compile("|".join(sources), re.IGNORECASE), _by_first_key(sources, filters), ByBeginning(sources, filters), first,
        tuple((words, StartFilter(None, pruned(prefixes))) for words, prefixes in sorted(shifted.items())),
        re.compile("|".join(others), re.IGNORECASE) if others else None,
        StartFilter.merged(None, other_filters) if others else None),)


def build_ruleset(rules, terms, team_words, placeholders, revision=None) -> RuleSet:
    """Compile rule settings `(rule, language, severity, limit)`, terms `(language, kind, pattern,
    suggestion)` and team words into a RuleSet. Invalid patterns are skipped with a log warning
    (the admin validates them, so this only guards hand-edited data)."""
    ruleset = RuleSet(team_words=frozenset(w.lower() for w in team_words),
                      placeholders=frozenset(placeholders), revision=revision)
    for rule, language, severity, limit in rules:
        ruleset.rules.setdefault(rule, {})[language or ALL_LANGUAGES] = (severity, limit)
    for language, kind, pattern, suggestion in terms:
        language = language or ALL_LANGUAGES
        if kind == "acronym":
            words = {w.strip().upper() for w in pattern.split("|") if w.strip()}
            ruleset.acronyms[language] = ruleset.acronyms.get(language, frozenset()) | words
            continue
        ruleset.raw_terms.setdefault(language, {}).setdefault(kind, []).append((pattern, suggestion or None))
    return ruleset


def default_rows():
    """The defaults as rows, the same shape the database holds."""
    rules = [(rule, ALL_LANGUAGES, severity, limit) for rule, (severity, limit, _) in defaults.RULES.items()]
    terms = [(language, kind, pattern, suggestion)
             for language, kinds in defaults.TERMS.items()
             for kind, entries in kinds.items()
             for pattern, suggestion in entries]
    return rules, terms


def default_ruleset(placeholders=None) -> RuleSet:
    """The default rules, without touching the database."""
    if placeholders is None:
        placeholders = _configured_placeholders()
    rules, terms = default_rows()
    return build_ruleset(rules, terms, [], placeholders, revision="defaults")


def _configured_placeholders():
    try:
        from django.conf import settings

        return settings.QUICKPHRASES_PLACEHOLDERS
    except Exception:  # settings not configured: plain Python use of the engine
        return ["client_name", "operator_name", "order_id", "date", "amount", "link"]


class _Cache:
    def __init__(self):
        self.lock = threading.Lock()
        self.ruleset = None
        self.checked_at = 0.0

    def reset(self):
        with self.lock:
            self.ruleset = None
            self.checked_at = 0.0


_cache = _Cache()


def reset_cache():
    """Forget the compiled rules in this process (called when a rule is saved)."""
    _cache.reset()


def _load_from_database(revision):
    from phrases.lint.models import RuleSetting, TeamWord, Term

    rules = RuleSetting.objects.values_list("rule", "language", "severity", "limit")
    terms = Term.objects.values_list("language", "kind", "pattern", "suggestion")
    words = TeamWord.objects.values_list("word", flat=True)
    return build_ruleset(list(rules), list(terms), list(words), _configured_placeholders(), revision=revision)


def ruleset_in_memory() -> RuleSet:
    """The rules this process read last (the gunicorn master's, in a worker just forked), else the defaults;
    asks no database."""
    return _cache.ruleset or default_ruleset()


def current_ruleset() -> RuleSet:
    """The rules in force, re-checked against the database at most once a second."""
    from django.db import DatabaseError

    from phrases.lint.models import RulesRevision

    now = time.monotonic()
    ruleset = _cache.ruleset
    if ruleset is not None and now - _cache.checked_at < CHECK_INTERVAL:
        return ruleset
    try:
        revision = RulesRevision.current()
        if ruleset is None or ruleset.revision != revision:
            ruleset = _load_from_database(revision)
    except DatabaseError:
        # No rule tables yet (before migrate): the defaults still keep the standards.
        logger.warning("Brand-voice rules could not be read from the database; using the defaults.")
        ruleset = default_ruleset()
    with _cache.lock:
        _cache.ruleset, _cache.checked_at = ruleset, now
    return ruleset
