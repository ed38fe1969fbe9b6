"""Suggestion quality on this project's own held-out messages for the development library (both kept in the
repository: tests/data/dev_library.json and suggestions/eval/own_dev_heldout.jsonl, never tuned on) stays at
least where the README's table puts it, cold (no picks)."""
import json
from pathlib import Path

from django.conf import settings

from phrases import services
from suggestions.management.commands.eval_suggest import score

ROOT = Path(settings.BASE_DIR)


def test_own_held_out_messages_are_answered_and_off_topic_ones_left_empty(db, model):
    services.library_import(json.loads((ROOT / "tests" / "data" / "dev_library.json").read_text(encoding="utf-8")))
    rows = [json.loads(line) for line in
            (ROOT / "suggestions" / "eval" / "own_dev_heldout.jsonl").read_text(encoding="utf-8").splitlines() if line]
    table, _misses = score([row for row in rows if row["split"] == "test"])
    assert table["recall@1"] >= 0.75
    assert table["recall@3"] >= 0.88
    assert table["shown"] >= 0.95
    assert table["none_empty"] >= 0.85
