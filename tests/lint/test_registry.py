"""One record per rule: every rule the engine runs has its check, defaults, message and label."""
from django.utils import translation

from phrases.lint import RULE_IDS, registry
from phrases.lint.findings import ERROR, WARNING


def test_every_rule_has_one_complete_record():
    assert set(registry.RULES) == set(RULE_IDS) == set(registry.LABELS)
    for rule in registry.RULES.values():
        assert rule.severity in (ERROR, WARNING), rule.id
        assert rule.message and rule.description and rule.id in registry.LABELS, rule.id
        assert rule.check is not None or rule.id == "spelling", rule.id


def test_rule_labels_are_translated():
    with translation.override("ru"):
        assert registry.rule_label("cliche") == "шаблонная фраза"
        assert registry.rule_label("no-such-rule") == "no-such-rule"
    with translation.override("en"):
        assert registry.rule_label("all-caps") == "capitals"
