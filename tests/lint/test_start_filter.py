"""A term is tried only where a word's first characters fit it (patterns.StartFilter): that must
never lose a match. Each filter is checked against trying the term at every word start its first
letter allows (the candidates before the narrowing)."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phrases.lint.patterns import (
    TERM_START_RE,
    StartFilter,
    StartIndex,
    key_text,
    shifted_prefixes,
    start_prefixes,
)
from phrases.lint.rules import prepare_starts
from phrases.lint.ruleset import TERM_KINDS, build_ruleset, compile_term, default_rows
from phrases.lint.text import fold

# Words the default terms are made of, case variants, and letters re's IGNORECASE treats as equal
# to others ("ſ" and "s", the Kelvin sign and "k", "İ" and "i"), joined by spaces, hyphens, marks.
PIECES = ["спс", "СПС", "не", "знаю", "курьер", "потерял", "позвоните", "по", "телефону", "вине", "склада",
          "ok", "OK", "call", "the", "courier's", "mistake", "fault", "their", "hotline", "email", "asap", "thx",
          "nie", "wiem", "zadzwoń", "zadzwon", "kurier", "zgubił", "winy", "infolinię", "prosze", "pls",
          "ſ", "ſpс", "\u212a", "İ", "ı", "ς", "Σ", "ß", "ẞ", "партнёр", "банк-партнёр", "44-ФЗ", "ГК", "РФ",
          "art.", "12", "§", " ", " ", "-", "'", "’", ",", ".", "\n", "\u00a0", "😀", "{client_name}"]


def _rules():
    _, terms = default_rows()
    return build_ruleset([], terms, [], [])


RULES = _rules()
LANGUAGES = ("ru", "en", "pl")


def _every_start(text, pattern, starts, letters):
    candidates = StartIndex.of(text, starts).candidates(letters)
    return [start for start in sorted(set(candidates))
            if (m := pattern.match(text, start)) is not None and m.end() > start]


def _filtered(text, pattern, first, starts):
    index = StartIndex.of(text, starts)
    return [start for start in index.candidates(first)
            if (m := pattern.match(text, start)) is not None and m.end() > start]


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join))
def test_no_term_loses_a_match_to_its_start_filter(text):
    starts = [m.start() for m in TERM_START_RE.finditer(text)]
    for language in LANGUAGES:
        for kind in TERM_KINDS:
            for pattern, _, first in RULES.terms_for(language, kind):
                assert _filtered(text, pattern, first, starts) == _every_start(text, pattern, starts, first.letters), \
                    pattern.pattern
            for folded in (False, True):
                view = fold(text) if folded else text
                for terms in RULES.combined(language, kind, folded=folded):
                    # What Clauses.find tries: the narrowed starts, the words before shifted ones, and
                    # where the regex engine finds the unnarrowed terms.
                    found = [start for start in terms.starts_in(view, StartIndex.of(view, starts), lambda: None)[0]
                             if (m := terms.pattern.match(view, start)) is not None and m.end() > start]
                    assert found == _every_start(view, terms.pattern, starts, None), (kind, view)


@pytest.mark.parametrize("pattern, text", [
    ("спс", "Ну ſпс СПС"),
    ("s\\w+", "ſome Some"),
    ("k\\w+", "\u212aelvin"),
    ("i\\w+", "İstanbul ıdea idea"),
    ("σ\\w+", "ςαβ Σαβ"),
    ("не\\s+знаю", "Не\u00a0знаю, не\nзнаю"),
    ("(?:\\w+-)?партн[её]р\\w*", "банк-партнёр и партнеры"),
    ("(?:\\w+-)?партн[её]р", "партнёры банк-партнёр мой-банк-партнер x-партнёр-партнёр"),
    ("продав\\w+-партн[её]р\\w*", "продавец-партнёр и продавцы-партнеры"),
    ("\\d+-ФЗ", "по 44-ФЗ и 223-фз"),
    ("a?bc", "bc abc xbc"),
    ("[а-яё]x", "жx Жx"),
])
def test_look_alike_letters_and_unnarrowed_parts_keep_their_matches(pattern, text):
    compiled = compile_term(pattern)
    first = StartFilter.of(compiled.pattern)
    starts = [m.start() for m in TERM_START_RE.finditer(text)]
    expected = _every_start(text, compiled, starts, first.letters)
    assert expected, "the example must have a match"
    assert _filtered(text, compiled, first, starts) == expected


def test_prefixes_narrow_to_the_first_three_characters():
    assert start_prefixes("спс|спасибо") == {"спс", "спа"}
    assert start_prefixes("ok(?!\\.)") == {"ok"}
    assert start_prefixes("(?:электронн\\w+\\s+)?почт\\w+") == {"эле", "поч"}
    assert start_prefixes("\\w+x") is None  # may start with any letter


def test_terms_that_begin_with_any_words_are_narrowed_by_the_words_after_them():
    assert shifted_prefixes("(?:\\w+\\s+)?providers?|clerks?") == {0: {"pro", "cle"}, 1: {"pro"}}
    assert shifted_prefixes("(?:\\w+\\s+){1,2}(?:days?|weeks?)\\s+late") == {1: {"day", "wee"}, 2: {"day", "wee"}}
    assert shifted_prefixes("(?:\\w+\\s+){1,9}late") is None  # more words than a shift reads
    assert shifted_prefixes("(?:\\w+\\s+)?\\s*late") is None  # may begin with a space: no word start
    assert shifted_prefixes("\\w+late") is None  # any word, not "a word, then spaces"
    assert shifted_prefixes("late|soon") is None  # narrowed already (`start_prefixes`)


@pytest.mark.parametrize("pattern, text", [
    ("(?:\\w+\\s+)?providers?", "the payment provider and providers, our-provider"),
    ("(?:\\w+\\s+){1,2}(?:days?|hours?)\\s+late", "came two days late, one hour late and x-y  days late"),
    ("clerks?|(?:\\w+\\s+)?providers?", "Clerk and the provider\u00a0provider here"),
])
def test_terms_beginning_with_any_words_keep_their_matches(pattern, text):
    """Such terms are tried at the words before each narrowed start (`StartIndex.starts_before`), not
    at every word start, and lose no match for it."""
    rules = build_ruleset([], [("en", "third-party", pattern, None)], [], [])
    (terms,), = [rules.combined("en", "third-party")]
    assert terms.shifted and terms.unnarrowed is None
    starts = [m.start() for m in TERM_START_RE.finditer(text)]
    index = StartIndex.of(text, starts)
    expected = _every_start(text, terms.pattern, starts, None)
    assert expected
    found = [start for start in terms.starts_in(text, index, lambda: None)[0]
             if (m := terms.pattern.match(text, start)) is not None and m.end() > start]
    assert found == expected
    assert len(terms.starts_in(text, index, lambda: None)[0]) < len(starts)


def test_keys_keep_the_text_length_and_fold_case():
    text = "İstanbul ſpс ΣΑΣ \u212a"
    keys = key_text(text)
    assert len(keys) == len(text)
    assert keys.startswith("istanbul sp")
    assert re.search("k", keys[-1])


def _end(pattern, text, start):
    match = pattern.match(text, start)
    return None if match is None else match.end()


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join))
def test_the_terms_by_first_key_match_as_the_combined_pattern_does(text):
    """Clauses.find tries a word start with only the terms that may begin with its first character's
    key: at every word start that must match exactly where the whole alternation does."""
    starts = [m.start() for m in TERM_START_RE.finditer(text)]
    for language in LANGUAGES:
        for kind in TERM_KINDS:
            for folded in (False, True):
                view = fold(text) if folded else text
                keys = key_text(view)
                if keys is None:
                    continue
                for terms in RULES.combined(language, kind, folded=folded):
                    combined = terms.pattern
                    for start in starts:
                        pattern = terms.by_first_key.get(keys[start], combined)
                        assert _end(pattern, view, start) == _end(combined, view, start), (kind, view, start)
                    # Where only narrowed terms may match, by the word's first three keys.
                    candidates, anywhere = terms.starts_in(view, StartIndex.of(view, starts), lambda: None)
                    for start in set(candidates) - anywhere:
                        pattern = terms.by_beginning[keys[start:start + 3]]
                        assert _end(pattern, view, start) == _end(combined, view, start), (kind, view, start)


def test_the_terms_by_first_key_keep_the_first_matching_term():
    """«вине» begins both «вин\\w*»-like and longer terms: the shorter alternation keeps the order."""
    rules = build_ruleset([], [("ru", "fault", "вин\\w*", None), ("ru", "fault", "по\\s+вине", None),
                               ("ru", "fault", "вине\\s+склада", None), ("ru", "fault", "\\w+-склад", None)], [], [])
    (combined, by_first_key, *_), = rules.combined("ru", "fault")
    assert set(by_first_key) == {"в", "п"}
    text = "вине склада по вине банк-склад"
    for start in (0, 12, 15):
        assert by_first_key[key_text(text)[start]].match(text, start).group() == combined.match(text, start).group()
    assert by_first_key["в"].match(text, 0).group() == "вине"  # the first term, as in the whole alternation


DISPATCHED = _rules()  # its own rule set: `prepare_starts` groups (and tags) its filters
for _language in LANGUAGES:
    prepare_starts(DISPATCHED, _language)


@settings(max_examples=60, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), min_size=0, max_size=30).map("".join))
def test_the_dispatch_gives_each_filter_the_starts_it_would_read_alone(text):
    """One pass over a text's word beginnings for all filters (`StartDispatch`) gives every term and
    kind the same starts as reading its own filter; the split reads the starts finditer finds."""
    starts = [m.start() for m in TERM_START_RE.finditer(text)]
    assert StartIndex.of(text).starts == starts
    for language in LANGUAGES:
        filters = [first for kind in TERM_KINDS for _, _, first in DISPATCHED.terms_for(language, kind)]
        filters += [one for kind in TERM_KINDS for folded in (False, True)
                    for terms in DISPATCHED.combined(language, kind, folded=folded)
                    for one in (terms.first, *(shifted for _, shifted in terms.shifted))]
        dispatched, alone = StartIndex.of(text), StartIndex.of(text)
        for first in filters:
            assert dispatched.candidates(first) == sorted(set(alone._candidates(first)))
        assert dispatched._dispatched  # the starts came from the dispatch's one pass
