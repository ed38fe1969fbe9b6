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

