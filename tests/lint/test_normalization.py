"""The linter reads text as a reader sees it: NFC, no zero-width or format characters, no look-alike
letters inside a word; findings still point at what the writer typed."""
import pytest

from phrases.lint import lint
from phrases.lint.normalize import normalize


def _findings(body, language, rules):
    return [(f.rule, body[f.start:f.end]) for f in lint(body, language, rules)]


@pytest.mark.parametrize("body, language, rule, flagged", [
    ("Thanks, th\u200bx.", "en", "banned-abbreviation", "th\u200bx"),
    ("Thanks, thх.", "en", "banned-abbreviation", "thх"),                 # Cyrillic х
    ("Please c\u200ball the hot\u200bline.", "en", "redirect-channel", "c\u200ball"),
    ("Хорошо, с\u200bп\u200bс.", "ru", "banned-abbreviation", "с\u200bп\u200bс"),
    ("Хорошо, cпc.", "ru", "banned-abbreviation", "cпc"),                 # Latin c twice
    ("Dzięki, pozd\u00adr.", "pl", "banned-abbreviation", "pozd\u00adr"),  # soft hyphen
    ("Заказ у вас\u2060.", "ru", "lowercase-formal-you", "вас"),
    ("Wait\u202e, th\ufeffx.", "en", "banned-abbreviation", "th\ufeffx"),
])
def test_hidden_and_look_alike_characters_do_not_hide_a_banned_word(body, language, rule, flagged, rules):
    assert (rule, flagged) in _findings(body, language, rules)


@pytest.mark.parametrize("body, language", [
    ("IT-отдел проверит PIN-код сегодня.", "ru"),   # a hyphen separates the scripts: not a look-alike
    ("Семья 👨\u200d👩\u200d👧 в сборе.", "ru"),       # the joiner holds one emoji together
    ("Café opens at nine.", "en"),
    ("Cafe\u0301 opens at nine.", "en"),              # e + combining accent: one letter on screen
])
def test_ordinary_text_stays_clean(body, language, rules):
    assert _findings(body, language, rules) == []


def test_offsets_point_at_the_original_text_around_removed_and_composed_characters(rules):
    body = "Cafe\u0301 \u200b\u200bok\u200b? thx"
    found = {f.rule: (f.start, f.end) for f in lint(body, "en", rules)}
    assert body[slice(*found["banned-abbreviation"])] == "thx"
    assert body[slice(*found["missing-terminal-punctuation"])] == "thx"


def test_normalize_maps_every_character_back():
    original = "c\u200ball the hot\u200bline, e\u0301"
    normalized = normalize(original, "en")
    assert normalized.text == "call the hotline, é"
    assert normalized.span(0, 4) == (0, 5)        # "call" covers the zero-width space
    assert normalized.span(18, 19) == (20, 22)    # "é" is two code points in the original
    assert normalized.span(len(normalized.text), len(normalized.text)) == (len(original), len(original))


def test_text_that_needs_nothing_is_returned_as_it_is():
    normalized = normalize("Plain text, nothing hidden.", "en")
    assert normalized.starts is None and normalized.span(3, 7) == (3, 7)


def test_majority_script_wins_and_ties_go_to_the_phrase_language():
    assert normalize("Спаcибо", "ru").text == "Спасибо"     # one Latin c among Cyrillic letters
    assert normalize("hеllo", "en").text == "hello"          # one Cyrillic е among Latin letters
    assert normalize("сx", "ru").text == "сх"
    assert normalize("сx", "en").text == "cx"


def test_look_alike_letters_changed_one_for_one_keep_every_offset():
    original = "Хорошо, cпc, до связи"  # Latin c twice among Cyrillic letters
    normalized = normalize(original, "ru")
    assert normalized.text == "Хорошо, спс, до связи"
    every = [(start, end) for start in range(len(original) + 1) for end in range(start, len(original) + 1)]
    assert [normalized.span(start, end) for start, end in every] == every


def test_findings_in_a_text_with_look_alike_letters_point_at_what_was_typed(rules):
    body = "Хорошо, cпc, до связи"  # no full stop: a finding at the very end too
    found = {f.rule: body[f.start:f.end] for f in lint(body, "ru", rules)}
    assert found["banned-abbreviation"] == "cпc"
    assert found["missing-terminal-punctuation"] == "связи"
