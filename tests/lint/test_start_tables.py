"""The tables that choose which terms a word start is tried with (ruleset.ByBeginning,
patterns.StartDispatch) are worked out for every prefix ahead of use: a worker forked after the
preload compiles no alternation for its first text, and a word beginning met for the first time
chooses exactly the terms whose prefixes it begins with."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phrases.lint import lint
from phrases.lint.ruleset import TERM_KINDS, build_ruleset, default_ruleset

LANGUAGES = ("ru", "en", "pl")
# Words that begin with the default terms' prefixes and with others, in three cases.
WORDS = [
    "не",
    "на",
    "в",
    "с",
    "связи",
    "спс",
    "по",
    "вине",
    "курьера",
    "банк",
    "обратитесь",
    "почта",
    "знаю",
    "not",
    "our",
    "fault",
    "contact",
    "your",
    "bank",
    "thx",
    "asap",
    "call",
    "the",
    "hotline",
    "courier",
    "nie",
    "nasza",
    "wina",
    "proszę",
    "skontaktować",
    "bankiem",
    "zadzwoń",
    "kurier",
    "pls",
    "infolinię",
]


def _beginning_tables(ruleset, language):
    return [
        terms.by_beginning
        for kind in TERM_KINDS
        for folded in ((False, True) if language == "pl" else (False,))
        for terms in ruleset.combined(language, kind, folded=folded)
    ]


def _dispatches(ruleset, language):
    dispatches = [ruleset._compiled[("start dispatch", language)][0]]
    dispatches += [
        terms.first._dispatch[0]
        for kind in TERM_KINDS
        for terms in ruleset.combined(language, kind)
        if getattr(terms.first, "_dispatch", None)
    ]
    return dispatches


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_linted_language_leaves_no_alternation_to_compile_for_a_new_text(language):
    ruleset = default_ruleset()
    lint("x", language, ruleset)  # as the preload does: the language's rules compiled
    tables = _beginning_tables(ruleset, language)
    assert tables and all(set(table.of_prefix) == set(table.by_prefix) for table in tables)
    compiled = [len(table.by_terms) for table in tables]
    text = " ".join(word for case in (str.lower, str.upper, str.title) for word in map(case, WORDS)) + " "
    lint(text * 20, language, ruleset)
    assert [len(table.by_terms) for table in tables] == compiled
    assert all(set(table.of_prefix) == set(table.by_prefix) for table in tables)


TERMS = [
    ("ru", "fault", "вин\\w*", None),
    ("ru", "fault", "по\\s+вине", None),
    ("ru", "fault", "вине\\s+склада", None),
    ("ru", "fault", "во\\s+вс[её]м", None),
    ("ru", "fault", "в\\s+связи", None),
    ("ru", "fault", "\\w+-склад", None),
    ("ru", "fault", "склад\\w*", None),
    ("ru", "fault", "с\\s+нами", None),
]


@settings(max_examples=80, deadline=None)
@given(key=st.text(alphabet="вполсинаекдм ", min_size=0, max_size=3))
def test_a_new_beginning_chooses_the_terms_of_every_prefix_it_begins_with(key):
    ruleset = build_ruleset([], TERMS, [], [])
    lint("x", "ru", ruleset)
    (terms,) = ruleset.combined("ru", "fault")
    table = terms.by_beginning
    numbers = sorted(
        {number for prefix, chosen in table.by_prefix.items() if key.startswith(prefix) for number in chosen}
    )
    expected = "|".join(table.sources[number] for number in numbers) if numbers else "(?!)"
    assert table[key].pattern == expected
    for dispatch in _dispatches(ruleset, "ru"):
        chosen = dispatch.chosen_by(key)
        assert len(chosen) == len(set(chosen))
        assert set(chosen) == {
            number for prefix, filters in dispatch.by_prefix.items() if key.startswith(prefix) for number in filters
        }
