"""Lint quality on the development set (shared/eval) stays above the issue's thresholds."""
from phrases.lint.evaluation import load_items, score
from phrases.lint.ruleset import default_ruleset


def test_dev_set_precision_and_recall(eval_dir):
    overall, per_rule = score(load_items(eval_dir / "dev_lint.jsonl"), default_ruleset())
    assert overall["precision"] >= 0.90 and overall["recall"] >= 0.90
    for rule, metrics in per_rule.items():
        assert metrics["precision"] >= 0.75 and metrics["recall"] >= 0.75, rule
