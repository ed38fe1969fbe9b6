import pytest

from phrases.lint import lint
from phrases.lint.ruleset import default_ruleset


@pytest.fixture(scope="session")
def rules():
    """The default rules without spelling, so rule tests need neither a database nor dictionaries."""
    ruleset = default_ruleset(placeholders=["client_name", "operator_name", "order_id", "date", "amount", "link"])
    ruleset.rules["spelling"] = {"*": ("off", None)}
    return ruleset


@pytest.fixture(scope="session")
def rules_of(rules):
    def run(body, language):
        return {finding.rule for finding in lint(body, language, rules)}

    return run
