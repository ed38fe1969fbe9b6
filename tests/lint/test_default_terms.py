"""Every term the project ships is in force: the rule set skips (and only logs) a term that does not compile or
could take more than linear time, which is right for a term a reviewer saved before validation existed, but a
shipped term with a typo would silently switch itself off."""
import re

import pytest

from phrases.lint.patterns import UnsafePattern
from phrases.lint.ruleset import ALL_LANGUAGES, TERM_KINDS, compile_term, default_ruleset

RULESET = default_ruleset()
LANGUAGES = sorted({language for language in RULESET.raw_terms if language != ALL_LANGUAGES} | {"ru", "en", "pl"})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_term_compiles_and_is_linear(language):
    refused = []
    for kind in TERM_KINDS:
        for pattern, expanded, _suggestion in RULESET._term_entries(language, kind):
            try:
                compile_term(expanded)
            except (re.error, UnsafePattern) as error:
                refused.append((kind, pattern, str(error)))
    assert refused == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rule_set_keeps_every_shipped_term(language):
    for kind in TERM_KINDS:
        assert len(RULESET.terms_for(language, kind)) == len(RULESET._term_entries(language, kind)), kind
