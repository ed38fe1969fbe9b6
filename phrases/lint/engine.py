"""Linting a phrase body against the brand-voice rules in force."""
import bisect
import gc
import threading
import time
from collections import Counter
from itertools import accumulate

from phrases.lint import rules as checks
from phrases.lint.findings import ERROR, OFF, Finding
from phrases.lint.messages import message, speaking
from phrases.lint.normalize import normalize
from phrases.lint.spelling import CYRILLIC, is_word_in_capitals, spelling_available, unknown_words
from phrases.lint.text import Word, words

RULE_IDS = tuple(checks.CHECKS) + ("spelling",)
# The most time one text may take. Every rule is linear in the text, so a text the API accepts
# (20,000 characters) takes a few tens of milliseconds; the budget is the guarantee behind that:
# past it, the linter stops and says the text could not be checked (an error, so such a text
# cannot be approved unchecked) instead of holding a worker.
DEFAULT_BUDGET_SECONDS = 0.5


def budget_seconds() -> float:
    try:
        from django.conf import settings

        return getattr(settings, "QUICKPHRASES_LINT_BUDGET_MS", DEFAULT_BUDGET_SECONDS * 1000) / 1000
    except Exception:  # settings not configured: plain Python use
        return DEFAULT_BUDGET_SECONDS


def lint(body: str, language: str, ruleset, budget: float | None = None) -> list[Finding]:
    """Every finding for `body` in `language` under `ruleset`, ordered by position. Pure.

    Stops after `budget` seconds of the thread's CPU time (default: `QUICKPHRASES_LINT_BUDGET_MS`) with a
    `too-long` error."""
    language = (language or "").lower()
    _load_language_data(language, ruleset)  # once per process, not part of a text's budget
    started, wall_started = checks.cpu_clock(), time.perf_counter()
    budget = budget_seconds() if budget is None else budget
    # Every rule reads the text as a reader sees it; offsets are mapped back to the original.
    normalized = normalize(body or "", language)
    # The CPU clock was just read: the draft's first `check_time` need not read it again (a system call).
    draft = checks.Draft(body=normalized.text, language=language, ruleset=ruleset, deadline=started + budget,
                         is_word_in_capitals=is_word_in_capitals, _cpu_read=started, _wall_read=wall_started)
    findings = []
    try:
        _run(draft, ruleset, findings)
    except checks.OutOfTime:
        with speaking(language):
            text = message("out-of-time", ms=round(budget * 1000))
        findings.append(Finding("too-long", ERROR, text, 0, len(draft.body), None))
    finally:
        draft.release()
    if normalized.starts is not None:  # else every offset is the original's already
        findings = [Finding(f.rule, f.severity, f.message, *normalized.span(f.start, f.end), f.suggestion)
                    for f in findings]
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


_loaded = set()  # (language, dictionaries read) pairs whose data this process has loaded
_loaded_lock = threading.Lock()


def _load_language_data(language, ruleset):
    ruleset.compile_language(language)
    checks.prepare_starts(ruleset, language)
    # Spelling and all-caps (a word in capitals that the dictionary knows is shouting) read the dictionaries.
    dictionaries = any(ruleset.rule(rule, language)[0] != OFF for rule in ("spelling", "all-caps"))
    if (language, dictionaries) in _loaded:
        return
    with _loaded_lock:
        if language == "ru":
            from phrases.lint.morphology import analyzer

            analyzer()
        if dictionaries:
            spelling_available(language)
            if language == "ru":
                spelling_available("en")  # Latin words in Russian text
        if (language, dictionaries) not in _loaded:
            _loaded.add((language, dictionaries))
            # The dictionaries are millions of objects that live as long as the process. Left to the
            # garbage collector, every full collection walks them all (about a second, at a random
            # text's expense); frozen, it never looks at them again. Collected first, so no garbage
            # is frozen with them.
            gc.collect()
            gc.freeze()


# One short text per language for `preload`: with a word or two each rule reads, so every rule's first-call
# work (compiled patterns, start tables, the interpreter's specialised code) is done before the fork.
PRELOAD_TEXTS = {
    "ru": "Здравствуйте, {client_name}! Курьер позвонит Вам за час. Если планы изменятся, напишите мне в чат, "
          "спс! Это не наша вина, обратитесь в банк.",
    "en": "Hello, {client_name}! The courier will call you an hour before. If your plans change, write to me "
          "in this chat, thx! It is not our fault, please contact your bank.",
    "pl": "Dzień dobry, {client_name}! Kurier zadzwoni godzinę wcześniej. Jeśli plany się zmienią, proszę "
          "napisać do mnie na czacie, dzięki! To nie nasza wina, proszę skontaktować się z bankiem.",
}
# The same texts repeated to the length of the longest text the API accepts: what `preload` lints in the master
# and `warm_worker` in each worker, so the paths a long text takes (every start table, gap, clause) are warm too.
WARM_TEXT_LENGTH = 20_000
WARM_TEXTS = {language: ((text + " ") * (WARM_TEXT_LENGTH // (len(text) + 1) + 1))[:WARM_TEXT_LENGTH]
              for language, text in PRELOAD_TEXTS.items()}
# The most frequent words of a library whose verdicts `preload` works out, per language (a few seconds at most;
# the word caches hold far more: spelling.VERDICT_CACHE_SIZE, morphology's 50,000 readings).
PRELOAD_WORDS = 20_000


def preload(ruleset, languages=("ru", "en", "pl"), library=()) -> dict:
    """Do in this process what a worker's first texts would: load the dictionaries and the morphology,
    compile `ruleset`'s rules, lint one short text per language, and judge the most frequent words of
    `library` ((language, body) pairs: the team's phrases, the words its workers meet most) for spelling
    and, in Russian, morphology. Run by the gunicorn master before it forks (config/wsgi.py), so every
    worker, a recycled one too, starts with all of it and shares its pages. Findings are the same as
    without it: only caches are filled. Returns {language: words judged}."""
    vocabulary = {language: Counter() for language in languages}
    for language, body in library:
        if language in vocabulary:
            vocabulary[language].update(word.text for word in words(body))
    judged = {}
    for language in languages:
        lint(PRELOAD_TEXTS[language], language, ruleset)
        lint(WARM_TEXTS[language], language, ruleset)
        frequent = [Word(text, 0, 0) for text, _ in vocabulary[language].most_common(PRELOAD_WORDS)]
        for _ in unknown_words(frequent, language, ruleset.team_words):
            pass
        if language == "ru":
            from phrases.lint.morphology import reading

            for word in {word.text.lower() for word in frequent if CYRILLIC.search(word.text)}:
                reading(word)
        judged[language] = len(frequent)
    # What was built lives as long as the process: out of the garbage collector's walks (see _load_language_data).
    gc.collect()
    gc.freeze()
    return judged


def warm_worker(ruleset, languages=("ru", "en", "pl")) -> None:
    """Lint one long text per language in a worker just forked from the preloaded master, before it takes a
    request (gunicorn's post_fork). CPython writes to every object it uses (reference counts), so a worker's
    first text copies each page of the master's it touches (a few thousand copy-on-write faults, ~10 ms of
    a 20,000-character text); here no request pays for them. Only caches and pages change, never a finding."""
    for language in languages:
        lint(WARM_TEXTS[language], language, ruleset)


def _run(draft, ruleset, findings):
    language = draft.language
    said = _Messages(language)
    for rule, check in checks.CHECKS.items():
        severity, limit = ruleset.rule(rule, language)
        if severity == OFF:
            continue
        draft.check_time()
        draft.limits[rule] = limit
        for start, end, values, suggestion in check(draft):
            findings.append(Finding(rule, severity, said(rule, values), start, end, suggestion))
    severity, _ = ruleset.rule("spelling", language)
    if severity != OFF:
        # Spans already reported, by start, with the furthest end among each prefix: a word overlaps one
        # when a span starting before the word's end reaches past its start (a look-up per word, not a
        # comparison with every finding).
        flagged = sorted({(f.start, f.end) for f in findings})
        flagged_starts = [start for start, _ in flagged]
        reach = list(accumulate((end for _, end in flagged), max))
        for word in unknown_words(draft.words, language, ruleset.team_words, check_time=draft.check_time):
            before_end = bisect.bisect_left(flagged_starts, word.end)
            if before_end and reach[before_end - 1] > word.start:
                continue  # already reported by a more specific rule
            findings.append(Finding("spelling", severity, said("spelling", {"word": word.text}),
                                    word.start, word.end, None))


# Rendered finding messages, shared by every text of the process: an import's texts repeat their
# words, and so their findings' messages; a message is translated and filled in once, and the
# phrase's language is spoken (a translation override per text) only to render one not seen yet.
# Bounded: emptied when full.
RENDERED_MESSAGES = 50_000
_rendered: dict = {}  # (language, rule, (name, value), …) -> message
_KEYED = (str, int)  # value types kept in a key exactly (not bool or float: True == 1 == 1.0)


class _Messages:
    """The messages of a text's findings in its language, each rendered once per process (see
    `_rendered`); a message with a value of another type is rendered every time."""

    def __init__(self, language):
        self.language = language

    def __call__(self, rule, values):
        key = (self.language, rule, *values.items())
        # Most findings carry one value or none: their key's check without a generator.
        if len(values) <= 1:
            keyed = not values or type(key[2][1]) in _KEYED
        else:
            keyed = all(type(value) in _KEYED for value in values.values())
        text = _rendered.get(key) if keyed else False
        if not text:
            with speaking(self.language):
                rendered = message(rule, **values)
            if text is None:
                if len(_rendered) >= RENDERED_MESSAGES:
                    _rendered.clear()
                _rendered[key] = rendered
            text = rendered
        return text
