"""Finding messages are rendered once per process and reused: each must still speak the phrase's
language, whatever was linted before it."""
from phrases.lint import lint
from phrases.lint.ruleset import default_ruleset


def _placeholder_messages(body, language, ruleset):
    return [f.message for f in lint(body, language, ruleset) if f.rule == "unknown-placeholder"]


def test_repeated_finding_speaks_each_phrase_language():
    ruleset = default_ruleset()
    body = "Dzień dobry, {nieznany_token}."
    polish = _placeholder_messages(body, "pl", ruleset)
    english = _placeholder_messages(body, "en", ruleset)
    assert polish and english
    assert polish != english  # the same values, spoken in another language
    assert _placeholder_messages(body, "pl", ruleset) == polish
    assert _placeholder_messages(body, "en", ruleset) == english



def test_reused_messages_are_the_ones_rendered_afresh():
    from phrases.lint import engine

    ruleset = default_ruleset()
    texts = [("Dzień dobry, {nieznany_token}. Dzięki, pozdr!!!", "pl"),
             ("Hello {unknown_token}, thx!!! Plz call the hotline", "en"),
             ("Здравствуйте, {неизвестный}. спс, позвоните в банк!!!", "ru")]
    reused = [lint(body, language, ruleset) for body, language in texts * 2]
    engine._rendered.clear()
    afresh = [lint(body, language, ruleset) for body, language in texts]
    assert all(reused)
    assert reused[:3] == afresh and reused[3:] == afresh
