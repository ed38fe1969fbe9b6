"""Abstaining on messages the library does not cover: a message much closer in meaning to one of the
out-of-scope examples (suggestions/data/out_of_scope.jsonl) than to any phrase gets no suggestion, while
paraphrases of what the phrases say still find them. The messages here are new wordings, not the examples."""
import json

import pytest

from suggestions import ranking
from suggestions.out_of_scope import EXAMPLES_PATH, example_messages, out_of_scope_similarity
from suggestions.selectors import Candidate, fits_in_meaning, suggest_replies


@pytest.mark.parametrize("language, message", [
    ("ru", "подскажите, какой сегодня курс доллара"),
    ("en", "someone texted me pretending to be your shop and asked for my bank login, is that you"),
    ("en", "what's a good recipe for pancakes without eggs?"),
    ("pl", "szukacie kierowców do pracy na pół etatu?"),
    ("ru", "хотим предложить вам сотрудничество, мы поставщик упаковки"),
])
def test_a_clearly_unanswerable_message_gets_no_suggestion(starter, model, language, message):
    _language, results = suggest_replies(message, language=language)
    assert results == []


@pytest.mark.parametrize("language, message, key", [
    ("en", "my parcel still hasn't turned up and it was due two days ago", "delivery-delay-en"),
    ("ru", "жду заказ уже неделю, когда его наконец привезут?", "delivery-delay-ru"),
    ("pl", "dostałam zły produkt, zamawiałam coś innego", "apology-wrong-item-pl"),
    ("ru", "мне пришёл не тот цвет, который я заказывала", "apology-wrong-item-ru"),
])
def test_a_paraphrase_finds_its_phrase(starter, model, language, message, key):
    _language, results = suggest_replies(message, language=language)
    assert key in [hit["key"] for hit in results]


def test_the_out_of_scope_test_weighs_the_nearest_example_against_the_best_phrase():
    close = [Candidate("a", meaning=0.3), Candidate("b", meaning=0.2)]
    assert fits_in_meaning(close, out_of_scope=0.3 + ranking.OUT_OF_SCOPE_MARGIN - 0.01)
    assert not fits_in_meaning(close, out_of_scope=0.3 + ranking.OUT_OF_SCOPE_MARGIN + 0.01)
    # a pick for a very similar message speaks for the library, unless an out-of-scope example is closer still
    picked = [Candidate("a", meaning=0.1, learned=0.2, learned_similarity=0.7)]
    assert fits_in_meaning(picked, out_of_scope=0.6)
    assert not fits_in_meaning(picked, out_of_scope=0.8)


def test_the_examples_cover_every_language_and_are_close_to_themselves(model):
    rows = [json.loads(line) for line in EXAMPLES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert {row["lang"] for row in rows} == {"ru", "en", "pl"}
    assert all(row["kind"] == "none" and row["expect"] == [] for row in rows)
    message = example_messages()[0]
    assert out_of_scope_similarity(model, model.encode_one(message)) == pytest.approx(1.0, abs=1e-3)
