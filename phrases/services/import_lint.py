"""Linting the texts of a library import: in a few forked processes when there are many.

The linter is pure Python work bound by the CPU, so threads would not help. A large import lints
its texts in `QUICKPHRASES_IMPORT_LINT_PROCESSES` forked processes (default: one per core, at most
4). They inherit what the parent loaded (dictionaries, morphology, the compiled rules in force)
copy-on-write, never touch the database (the import's transaction stays in the parent), and hand
back findings as plain dicts, in order, a chunk at a time, so the import keeps reporting progress
(and can be cancelled) and writes the versions of the phrases linted so far while they work.
Before they fork, each distinct word's spelling look-up is made once, split between processes,
and the answers are inherited by all of them.
A small import, a machine with one core or a platform without fork lints in-process.
"""
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings

from phrases.lint import lint, spelling
from phrases.lint.findings import OFF
from phrases.lint.ruleset import current_ruleset
from phrases.lint.text import WORD_RE

PARALLEL_MIN_TEXTS = 1000  # below this, starting processes costs more than it saves
CHUNK = 200                # texts per task: progress every few hundred texts, little pickling

_fork_lock = threading.Lock()  # one parallel import per process hands its rules to its children
_ruleset = None  # the rules in force, set in the parent just before forking


def lint_processes() -> int:
    """How many processes lint a large import (1: in-process)."""
    configured = getattr(settings, "QUICKPHRASES_IMPORT_LINT_PROCESSES", None)
    if configured is not None:
        return max(1, int(configured))
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def _findings(texts, ruleset) -> list[list[dict]]:
    return [[finding.as_dict() for finding in lint(body, language, ruleset)] for body, language in texts]


def _lint_chunk(texts) -> list[list[dict]]:
    """In a forked child: the inherited rules, no database."""
    return _findings(texts, _ruleset)


class SpellingAhead:
    """The dictionary look-ups of an import's texts, under way in forked processes (see
    `spell_ahead`). Holds the fork lock until `close`; `collect` hands the answers to the lint
    processes forked next."""

    def __init__(self, ruleset, processes, pool, results):
        self.ruleset, self.processes, self._pool, self._results = ruleset, processes, pool, results

    def collect(self) -> None:
        for verdicts in self._results:
            spelling.share_verdicts(verdicts)
        self._stop()

    def _stop(self):
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool, self._results = None, ()

    def close(self) -> None:
        """Stop the look-ups not yet made, forget the answers and release the fork lock (once)."""
        if self.ruleset is None:
            return
        try:
            self._stop()
        finally:
            self.ruleset = None
            spelling.forget_shared_verdicts()
            _fork_lock.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def spell_ahead(texts: Sequence[tuple[str, str]]) -> SpellingAhead | None:
    """Start looking up the words of `(body, language)` texts, split between forked processes, and
    return at once: the import validates its file meanwhile, on the core they leave (before, it
    validated on one core, the other idle). Loads the lint data of their languages first, here, so
    the processes forked now and later inherit it. None when the texts will be linted in-process
    (too few, one core, no fork, another parallel import running here) or spelling is off for all
    of them. The texts need not be exactly the ones linted later: an answer missing is looked up
    by the lint process that needs it, one too many costs only its look-up."""
    processes = lint_processes()
    if (processes < 2 or len(texts) < PARALLEL_MIN_TEXTS or "fork" not in multiprocessing.get_all_start_methods()
            or not _fork_lock.acquire(blocking=False)):
        return None
    try:
        ruleset = current_ruleset()
        languages = {language for _, language in texts}
        for language in languages:
            lint(".", language, ruleset)  # load the language's data here, once: the children inherit it
        pairs = _lookups(texts, [language for language in languages
                                 if ruleset.rule("spelling", language)[0] != OFF])
        pool, results = None, ()
        if pairs:
            # Interleaved, so each process gets its share of the rare (slow, unknown) words.
            parts = [pairs[start::processes * 4] for start in range(processes * 4)]
            pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
            results = pool.map(spelling.known_words, parts)
    except BaseException:
        _fork_lock.release()
        raise
    return SpellingAhead(ruleset, processes, pool, results)


def lint_texts(texts: Sequence[tuple[str, str]], done: Callable[[list, list], None],
               ahead: SpellingAhead | None = None) -> int:
    """Lint each `(body, language)` under the rules in force (one rule set for the whole import);
    calls `done(chunk_of_texts, their_findings)` for each chunk, in order, as it is ready.
    `ahead`: the look-ups started for these texts by `spell_ahead` (closed here); without it they
    are started here. Returns how many processes linted (1: in-process)."""
    global _ruleset
    if ahead is None:
        ahead = spell_ahead(texts)
    chunks = [list(texts[start:start + CHUNK]) for start in range(0, len(texts), CHUNK)]
    if ahead is None or len(texts) < PARALLEL_MIN_TEXTS or len(chunks) < 2:
        if ahead is not None:
            ahead.close()
        ruleset = current_ruleset()
        for chunk in chunks:
            done(chunk, _findings(chunk, ruleset))
        return 1
    with ahead:
        processes = min(ahead.processes, len(chunks))
        ahead.collect()
        _ruleset = ahead.ruleset
        try:
            pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))
            try:
                for chunk, results in zip(chunks, pool.map(_lint_chunk, chunks), strict=True):
                    done(chunk, results)
            finally:
                # On an error or a cancellation (raised by `done`), drop the chunks not yet started.
                pool.shutdown(wait=True, cancel_futures=True)
        finally:
            _ruleset = None
    return processes


def _lookups(texts, languages) -> list:
    """The distinct dictionary look-ups spelling the texts in `languages` makes, sorted. Texts share
    most of their words, so lint processes each looking words up for themselves would repeat most
    look-ups (spelling is the dearest rule: a look-up of an unknown word takes milliseconds); each
    distinct word of a language is turned into its look-ups once, not once per text it occurs in."""
    words = {language: set() for language in languages}
    for body, language in texts:
        if language in words:
            words[language].update(WORD_RE.findall(body))
    pairs = set()
    for language, distinct in words.items():
        pairs |= spelling.lookups(distinct, language)
    return sorted(pairs)
