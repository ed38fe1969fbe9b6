"""Scoring the linter on a labelled JSONL set (shared/eval/README.md, section 3)."""
import json
from collections import defaultdict

from phrases.lint.engine import lint

# The dev set has no spelling labels: spelling findings are left out of the score.
UNSCORED_RULES = {"spelling"}


def load_items(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score(items, ruleset):
    """Micro precision/recall/F1 over (item, rule) pairs, overall and per rule."""
    predicted, expected = set(), set()
    for item in items:
        rules = {f.rule for f in lint(item["body"], item["language"], ruleset)} - UNSCORED_RULES
        predicted |= {(item["id"], rule) for rule in rules}
        expected |= {(item["id"], rule) for rule in item["expect"]}
    per_rule = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for pair in predicted | expected:
        counts = per_rule[pair[1]]
        if pair in predicted and pair in expected:
            counts["tp"] += 1
        elif pair in predicted:
            counts["fp"] += 1
        else:
            counts["fn"] += 1
    return _metrics(predicted, expected), {rule: _ratios(**c) for rule, c in sorted(per_rule.items())}


def _ratios(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _metrics(predicted, expected):
    tp = len(predicted & expected)
    return _ratios(tp, len(predicted - expected), len(expected - predicted))
