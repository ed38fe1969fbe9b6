"""Search quality on the development set (shared/eval) stays above the issue's thresholds."""
import json

import pytest

from phrases import services
from phrases.search import search_phrases
from phrases.search.evaluation import evaluate, load_queries

pytestmark = pytest.mark.django_db


def test_dev_set_quality(eval_dir):
    services.library_import(json.loads((eval_dir / "dev_library.json").read_text(encoding="utf-8")))
    table, _ = evaluate(load_queries(eval_dir / "dev_queries.jsonl"),
                        lambda q, lang: [h.key for h in search_phrases(q, language=lang, limit=10)])
    overall = table["all"]
    assert overall["recall@1"] >= 0.90
    assert overall["recall@5"] >= 0.97
    assert overall["mrr"] >= 0.93
    for group, row in table.items():
        if group.startswith("kind:") and group != "kind:intent":
            assert row["recall@1"] >= 0.85, group
    assert table["kind:intent"]["recall@5"] >= 0.5
