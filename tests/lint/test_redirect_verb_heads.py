"""Redirect-channel reads a word as a verb of helping or solving (`_says`) only if it is one of the verb's
heads (`_Verb.heads`): the words of every text are matched against the heads first, and the cut must never
drop a word the full reading would accept."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from phrases.lint import lint
from phrases.lint.evaluation import load_items
from phrases.lint.redirect import HELPING, RESOLVING, _says
from phrases.lint.rules import Draft

DATA = Path(__file__).parent / "data"
STARTER_LIBRARY = Path(settings.BASE_DIR) / "fixtures" / "starter_library.json"
VERBS = {"helping": HELPING, "resolving": RESOLVING}


DEV_LIBRARY = Path(__file__).parent.parent / "data" / "dev_library.json"


def _texts():
    """The repository's training and tuning sets, the starter library and its copy of the dev library (never a
    held-out set; nothing from beside the clone, so the check runs on a bare clone too)."""
    paths = [DATA / "training_lint.jsonl", *sorted(DATA.glob("tuning*_lint.jsonl"))]
    texts = [(item["body"], item["language"]) for path in paths for item in load_items(path)]
    for library_path in (STARTER_LIBRARY, DEV_LIBRARY):
        library = json.loads(library_path.read_text(encoding="utf-8"))
        texts += [(phrase["body"], phrase["language"]) for phrase in library["phrases"]]
    return texts


@pytest.mark.parametrize("name", VERBS)
def test_every_word_the_verb_reading_accepts_is_one_of_its_heads(rules, name):
    verb = VERBS[name]
    accepted = 0
    for body, language in _texts():
        tokens = Draft(body=body, language=language, ruleset=rules).clauses.tokens
        heads = verb.heads(language)
        for index, token in enumerate(tokens):
            if _says(tokens, index, language, verb):
                accepted += 1
                assert (token.lemma if language == "ru" else token.lower) in heads, (body, token.text)
    assert accepted  # the sets hold such verbs: the check above is not vacuous


@pytest.mark.parametrize(
    "body,language",
    [
        ("В этом Вам поможет отделение банка.", "ru"),  # an inflected form, read by its lemma «помочь»
        ("Звонок на горячую линию быстро решит вопрос.", "ru"),
        ("The hotline will help you with that.", "en"),
        ("A quick call to the helpline solves it.", "en"),
        ("W tej sprawie pomoże Panu infolinia.", "pl"),
    ],
)
def test_a_channel_that_helps_or_solves_is_still_a_redirect(rules_of, body, language):
    assert "redirect-channel" in rules_of(body, language)


def test_a_language_without_the_verbs_has_no_heads():
    assert not HELPING.heads("de") and not RESOLVING.heads("de")


def test_a_text_without_any_head_is_not_read_as_helping_or_solving(rules):
    body = "Курьер привезёт заказ завтра до обеда, трек-номер придёт в SMS."
    tokens = Draft(body=body, language="ru", ruleset=rules).clauses.tokens
    assert not any(token.lemma in HELPING.heads("ru") | RESOLVING.heads("ru") for token in tokens)
    assert not any(_says(tokens, index, "ru", verb) for verb in VERBS.values() for index in range(len(tokens)))
    assert "redirect-channel" not in {finding.rule for finding in lint(body, "ru", rules)}
