"""Findings a writer can act on: the fix is offered where it belongs, and no fix brings a finding of
its own."""
import json
from collections import Counter
from pathlib import Path

import pytest

from phrases.lint import lint

DATA = Path(__file__).parent / "data"
DATA_SETS = ("heldout_lint.jsonl", "heldout2_lint.jsonl", "heldout3_lint.jsonl", "training_lint.jsonl",
             "tuning2_lint.jsonl", "tuning3_lint.jsonl", "heldout4_lint.jsonl",
             "heldout5_lint.jsonl", "tuning4_lint.jsonl", "tuning5_lint.jsonl", "tuning5r_lint.jsonl",
             "heldout6_lint.jsonl", "heldout7_lint.jsonl")
EXTRA = [
    ("спс, щас проверю", "ru"), ("пжлст подождите", "ru"), ("норм, вас поняли", "ru"),
    ("ОЧЕНЬ жаль, что так вышло", "ru"), ("thx, I'll check", "en"), ("pls wait a sec", "en"),
    ("gonna check it now", "en"), ("pozdr, sprawdzę to", "pl"), ("dzieki za cierpliwość", "pl"),
    ("ok, zamówienie jest w drodze", "pl"), ("Ссылка для оплаты: {link}", "ru"), ("Your order is on its way,", "en"),
    ("Заказ уже в пути. курьер позвонит за час", "ru"), ("Номер заказа 123-45-67. мы проверим его сегодня", "ru"),
]


def _bodies():
    items = list(EXTRA)
    for name in DATA_SETS:
        path = DATA / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    item = json.loads(line)
                    items.append((item["body"], item["language"]))
    return items


def _flagged(body, language, rules):
    # Case-folded: capitalising a word that carries another finding («позвоните» → «Позвоните») fixes
    # one finding and leaves the other as it was; it brings nothing new.
    # The missing full stop is about the text's end; it marks whatever word is last, so a fix that changes
    # the last word ("asap" → "as soon as possible") leaves the same finding, not a new one.
    return Counter((f.rule, "<end>" if f.rule == "missing-terminal-punctuation" else body[f.start:f.end].casefold())
                   for f in lint(body, language, rules))


def test_no_suggestion_brings_a_finding_of_its_own(rules):
    checked = 0
    for body, language in _bodies():
        before = _flagged(body, language, rules)
        for finding in lint(body, language, rules):
            if finding.suggestion is None:
                continue
            fixed = body[:finding.start] + finding.suggestion + body[finding.end:]
            new = _flagged(fixed, language, rules) - before
            assert not new, f"{finding.rule} fix {finding.suggestion!r} in {body!r} brings {dict(new)}"
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("body, language, last_word", [
    ("Курьер уже в пути", "ru", "пути"), ("Your order is on its way", "en", "way"),
    ("Zamówienie jest w drodze 🙂", "pl", "drodze"), ("Ссылка для оплаты: {link}", "ru", "{link}"),
])
def test_missing_punctuation_marks_the_last_word_and_offers_the_full_stop(body, language, last_word, rules):
    [finding] = [f for f in lint(body, language, rules) if f.rule == "missing-terminal-punctuation"]
    assert body[finding.start:finding.end] == last_word
    assert finding.suggestion == last_word + "."


def test_the_sentence_start_fix_never_offers_a_banned_abbreviation(rules):
    findings = {(f.rule, f.start): f.suggestion for f in lint("спс, щас проверю.", "ru", rules)}
    assert findings[("sentence-start-lowercase", 0)] == "Спасибо"
    assert findings[("banned-abbreviation", 0)] == "Спасибо"
    assert findings[("banned-abbreviation", 5)] == "сейчас"


def test_a_lowercase_sentence_after_a_phone_number_is_found(rules):
    body = "Наш номер +7 999 123-45-67. мы на связи."
    assert ("sentence-start-lowercase", "мы") in _flagged(body, "ru", rules)
    assert ("sentence-start-lowercase", "откройте") not in _flagged("1. откройте приложение.", "ru", rules)
