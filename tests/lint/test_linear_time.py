"""Every lint rule runs in time linear in the text (issue 25, item 1), and within a time budget.

Timings are compared with each other (a text four times as long takes about four times as long),
never with a fixed number of milliseconds: the absolute speed is measured in benchmarks/lint.py.
"""
import gc
import time

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from phrases.lint import lint
from phrases.lint.defaults import TERMS
from phrases.lint.findings import ERROR
from phrases.lint.models import Term
from phrases.lint.patterns import UnsafePattern, check_term_pattern
from phrases.lint.ruleset import build_ruleset, default_rows

# The audit's reproductions, scaled up: before the fix each took from seconds to hours.
REPRODUCTIONS = {
    "emoji and joiners": "😀\u200d" * 30 + "😀x",
    "a@ repeated": "a@" * 3000,
    "long local parts": ("a" * 50 + "@") * 98,
    "spaces then a letter": " " * 20000 + "x",
    "variation selectors": "😀" + "\ufe0f" * 19998 + "x",
    "full stops": "." * 20000,
    "digits and spaces": "1 " * 10000 + "x",
    "one long word": "a" * 20000,
    "hyphenated chain": "a-" * 10000,
    # A third party that is also a channel, thousands of times after a request (was quadratic).
    "channel words after a request": "Позвоните, почта " + "почта " * 3300,
    # One clause of redirect verbs: each verb read its clause up to itself (was quadratic: 3 s at 20,000).
    "redirect verbs with no punctuation": "@call" * 4000,
    "Russian redirect verbs in one clause": "позвоните " * 2000,
    # One word of a known prefix repeated: the morphology stripped «не» once per level of recursion
    # (RecursionError from about 1,000 of them; found by the property below).
    "a prefix repeated into one word": "не" * 10000,
    # A phone number in every clause: each clause read every literal of the text (quadratic: 60 ms of a 20k
    # text's 90, seconds at this length).
    "a phone number in every clause": "+7 (999) 123-45-67, " * 15000,
}


def _out_of_time(findings):
    return [f for f in findings if f.rule == "too-long" and f.severity == ERROR]


@pytest.mark.parametrize("language", ["en", "ru", "pl"])
@pytest.mark.parametrize("name", sorted(REPRODUCTIONS))
def test_audit_reproductions_finish_well_within_the_budget(name, language, rules):
    lint("warm-up", language, rules)
    findings = lint(REPRODUCTIONS[name], language, rules, budget=5.0)
    assert not _out_of_time(findings), name


def test_the_budget_stops_the_linter_with_an_error_the_writer_can_read(rules):
    body = "Курьер потерял заказ, позвоните нам по телефону. " * 400
    lint("Заказ в пути.", "ru", rules)  # the morphology loads once per process, outside any budget
    started = time.perf_counter()
    findings = lint(body, "ru", rules, budget=0.0)
    assert time.perf_counter() - started < 1.0
    [stopped] = _out_of_time(findings)
    assert (stopped.start, stopped.end) == (0, len(body))
    assert "сократите текст" in stopped.message  # in the phrase's language


def _best_time(body, language, rules, runs=3):
    """The fastest of a few runs in this process's CPU time (other processes on a busy machine do not
    count), without garbage collection (its pauses depend on the whole heap)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.process_time()
            lint(body, language, rules, budget=30.0)
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


PIECES = ["a", "@", " ", ".", "😀", "\u200d", "\ufe0f", "1", "-", "'", "x", "не", "знаю", "!", ",", "\n", "Я",
          "call", "курьер", "потерял", "zadzwonić", "+7", "(", ")", "{", "}", "«", "ё", "ł"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(unit="@потерял", language="ru")
@example(unit="не", language="ru")  # one word of a prefix repeated: the morphology's recursion ran out of stack
@example(unit="go ", language="en")  # a verb read its whole clause before it (quadratic in a clause of verbs)  # one clause of fault words: each fault read its whole clause (quadratic)
@given(unit=st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join),
       language=st.sampled_from(["en", "ru", "pl"]))
def test_lint_time_grows_linearly_with_the_text(unit, language, rules):
    """Eight times the text takes about eight times as long: quadratic rules would take 64 times,
    so the bound (an exponent of 1.5) leaves room for a loaded machine's noise."""
    short = (unit * (600 // len(unit) + 1))[:600]
    long = (unit * (4800 // len(unit) + 1))[:4800]
    lint(short, language, rules)  # warm caches (morphology readings, compiled terms)
    # Another process taking the CPU only ever makes a run slower, so the smallest of three
    # measured ratios is the truest; a quadratic rule stays slow in all three.
    bound = 8 ** 1.5
    for _ in range(3):
        ratio = _best_time(long, language, rules) / max(_best_time(short, language, rules), 1e-4)
        if ratio < bound:
            break
    assert ratio < bound, f"{unit!r} in {language}: 8x the text took {ratio:.1f}x the time"


@pytest.mark.parametrize("pattern", [
    "(a+)+b", "(a|aa)+b", "(\\w+\\s?)+x", "\\w+\\w+x", "a\\s*\\s*b", "a.*b", "a\\S+b", "a[^,]*b",
    "(?:a|a)" * 12, "(a)\\1", ".*", "x?", "\\s+спс",
])
def test_patterns_that_could_backtrack_are_refused(pattern):
    with pytest.raises(UnsafePattern):
        check_term_pattern(pattern)


@pytest.mark.parametrize("pattern", [
    "спс", "не\\s+знаю", "кароч\\w*|короче(?=,)", "(?:электронн\\w+\\s+)?почт\\w+", "art\\.\\s*\\d+|§\\s*\\d+",
    "mixed\\s+(?:\\w+\\s+){0,2}?up", "ok(?!\\.\\s*\\d)",
])
def test_ordinary_term_patterns_are_accepted(pattern):
    check_term_pattern(pattern)


def test_every_default_term_is_accepted():
    _, terms = default_rows()
    ruleset = build_ruleset([], terms, [], [])
    for language, kinds in TERMS.items():
        for kind, entries in kinds.items():
            if kind == "acronym":
                continue  # a list of words, never run as a pattern
            for pattern, _ in entries:
                check_term_pattern(ruleset._expand(language, pattern))
            assert len(ruleset.terms_for(language, kind)) == len(entries)


def test_a_stored_unsafe_pattern_is_skipped_not_run(caplog):
    rows, terms = default_rows()
    ruleset = build_ruleset(rows, terms + [("en", "slang", "(a+)+b", "")], [], [])
    # Run, the pattern would backtrack 2**40 times on this text (the test would never end) and would flag
    # "aaab" as slang; skipped, neither happens and the log names it.
    lint("a" * 40 + "c.", "en", ruleset)
    assert not [i for i in lint("Aaab.", "en", ruleset) if i.rule == "slang"]
    assert "(a+)+b" in caplog.text


@pytest.mark.django_db
def test_admin_refuses_a_backtracking_pattern_naming_the_field(client, reviewer):
    reviewer.is_staff = True
    reviewer.save()
    client.force_login(reviewer)
    response = client.post(reverse("admin:lint_term_add"), {"language": "en", "kind": "slang", "pattern": "(a+)+b"})
    assert response.status_code == 200
    assert "pattern" in response.context["adminform"].form.errors
    assert "repeat inside a repeat" in response.content.decode()
    assert not Term.objects.filter(pattern="(a+)+b").exists()


def test_waiting_for_a_core_does_not_spend_a_texts_budget():
    """The budget counts the linting thread's CPU time: on a busy machine a text that waits for a core
    is not stopped as too long (an import's verdicts would otherwise depend on the load)."""
    from phrases.lint.rules import Draft, OutOfTime, cpu_clock

    draft = Draft(body="Заказ в пути.", language="ru", ruleset=None, deadline=cpu_clock() + 0.05)
    time.sleep(0.2)  # four budgets of waiting, almost no CPU
    draft.check_time()
    busy_until = cpu_clock() + 0.2
    while cpu_clock() < busy_until:  # four budgets of work (counted in CPU: a loaded machine stretches the wall time)
        pass
    with pytest.raises(OutOfTime):
        draft.check_time()


@pytest.mark.parametrize("language", ["ru", "en", "pl"])
def test_a_linted_text_leaves_nothing_for_the_cycle_collector(language, rules):
    """A text's thousands of tokens are freed when its findings are made, not left in reference cycles
    for a later full collection to walk (which used to cost another text 50-100 ms)."""
    body = ("Курьер опоздал, позвоните на горячую линию. The courier was late, call the hotline. "
            "Kurier się spóźnił, proszę zadzwonić na infolinię. ") * 100
    lint(body, language, rules)  # language data and caches loaded before the count
    gc.collect()
    findings = lint(body, language, rules)
    assert findings  # the text was read
    assert gc.collect() < 50  # unreachable objects the lint left behind (thousands before)
