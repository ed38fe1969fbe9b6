"""The import tells a plainly valid phrase entry apart without `Phrase.full_clean` (`_plainly_valid`),
and the text cleaning answers an already clean text without its regex passes (`is_clean_text`,
`is_clean_line`): neither may ever change a verdict or a value. Every combination of ordinary and
awkward field values is checked against the model's own `full_clean` and the cleaning functions."""
import itertools

import pytest
from django.core.exceptions import ValidationError

from phrases.errors import ImportRejected
from phrases.models import Phrase
from phrases.services import library_import
from phrases.services.library_import import _FULL_CLEAN, _phrase_values, _plainly_valid
from phrases.text_cleaning import clean_line, clean_text, is_clean_line, is_clean_text

pytestmark = pytest.mark.django_db

AWKWARD_TEXTS = [
    "Hello there.", "Здравствуйте!\nЧем помочь?", "Dzień dobry\tpaństwu.", " padded ", "tail\n", "",
    "a\r\nb", "a\u2028b", "x\x85y", "bell\x07", "esc\x1b[31mred", "nul\x00here", "zero\u200bwidth",
    "e\u0301", "e\u200b\u0301", "double  space", "\u202eevil", "{client_name}", "{unknown}", "{", "}x",
    "{client_name|}", "x" * 121, "Ω", "Kelvin \u212a",
]
FIELD_VARIANTS = {
    "key": ["plain-key", "Upper", "bad key", "k" * 101, "k" * 100, "nul\x00", "-lead"],
    "title": AWKWARD_TEXTS,
    "body": AWKWARD_TEXTS + ["b" * 5001, "b" * 4000],
    "language": ["ru", "en", "EN", "english", "", "r\x00"],
    "shortcut": ["", "/eta", "ETA", "/e", "/toolongshortcut", "/ét", "/eta\n", "/ e"],
    "hotkey": ["", "Ctrl+Alt+1", "Shift+A", "Ctrl+C", "Ctrl+Alt+E", "ctrl+1", "Ctrl+Alt+1\x00"],
    "keywords": [[], ["one", "two"], ["One", "one"], [" x "], [""], ["k" * 81], ["k"] * 21,
                 [str(n) for n in range(21)], ["a\x00"], ["e\u0301"], ["ok", 3], "not a list"],
    "family": ["", "hold-minute", "Hold", "f" * 101, "bad family"],
}
PLAIN = {"key": "plain-key", "title": "Hello there.", "body": "Здравствуйте!\nЧем помочь?", "language": "ru",
         "shortcut": "/eta", "hotkey": "Ctrl+Alt+1", "keywords": ["one", "two"], "family": "hold-minute"}


def _entries():
    """The plain entry with one field changed, and with two fields changed (each pair of fields)."""
    yield dict(PLAIN)
    for name, variants in FIELD_VARIANTS.items():
        for value in variants:
            yield {**PLAIN, name: value}
    for (one, one_values), (other, other_values) in itertools.combinations(FIELD_VARIANTS.items(), 2):
        for one_value, other_value in itertools.product(one_values[:4], other_values[:4]):
            yield {**PLAIN, one: one_value, other: other_value}


def _full_clean_passes(key, values) -> bool:
    candidate = Phrase(key=key, **{k: v for k, v in values.items() if k != "topic"})
    try:
        candidate.full_clean(**_FULL_CLEAN)
    except ValidationError:
        return False
    return True


def test_the_quick_check_says_valid_only_where_full_clean_finds_nothing():
    checked = quick = 0
    for entry in _entries():
        values = _phrase_values({**entry, "topic": "general"})
        if any(not isinstance(values[name], str) for name in ("title", "body", "language", "shortcut", "hotkey",
                                                                "family")):
            continue  # refused before the field rules ("Must be a string.")
        checked += 1
        if _plainly_valid(entry["key"], values):
            quick += 1
            assert _full_clean_passes(entry["key"], values), entry
    assert checked > 500 and quick > 50  # the plain entries do take the quick path


def test_a_plain_entry_takes_the_quick_path():
    assert _plainly_valid(PLAIN["key"], _phrase_values({**PLAIN, "topic": "general"}))


@pytest.mark.parametrize("text", AWKWARD_TEXTS + ["\n\nlead", "a\u00a0b", "\u3000wide", "tab\tin"])
def test_a_text_is_clean_exactly_when_cleaning_leaves_it_as_it_is(text):
    assert not is_clean_text(text) or clean_text(text) == text
    assert not is_clean_line(text) or clean_line(text) == text
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned or not is_clean_text(cleaned)


@pytest.mark.parametrize("field, value", [
    ("title", "x" * 121), ("body", "{unknown}"), ("shortcut", "/toolongshortcut"), ("hotkey", "Ctrl+C"),
    ("keywords", ["k" * 81]), ("family", "Hold"), ("language", "english"), ("key", "Upper"),
])
def test_an_entry_the_model_refuses_is_reported_with_the_models_messages(field, value):
    entry = {**PLAIN, "topic": "general", "status": "draft", field: value}
    values = _phrase_values(entry)
    candidate = Phrase(key=entry["key"], **{k: v for k, v in values.items() if k != "topic"})
    with pytest.raises(ValidationError) as refused:
        candidate.full_clean(**_FULL_CLEAN)
    expected = [{"key": entry["key"], "field": name, "message": message}
                for name, messages in refused.value.message_dict.items() for message in messages]
    with pytest.raises(ImportRejected) as rejected:
        library_import({"format": "quickphrases/v1",
                        "topics": [{"slug": "general", "name": "General", "parent": None}], "phrases": [entry]})
    assert rejected.value.problems == expected
