"""The evaluation command: the train split can be scored to develop on, with the sentence model alone and the
ranking before abstention beside the suggestions, and a held-out file can be scored after another file's picks."""
import json
from io import StringIO

from django.core.management import call_command

from tests.suggestions.conftest import STARTER

REFUND = {"message": "где мои деньги за возврат?? уже неделю жду, карта пустая", "lang": "ru",
          "expect": ["refund-status-ru"], "kind": "reply"}
COURIER = {"message": "курьер так и не приехал, обещали вчера привезти холодильник", "lang": "ru",
           "expect": ["delivery-delay-ru"], "kind": "reply"}


def _write(path, rows):
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def _run(**options):
    out = StringIO()
    call_command("eval_suggest", library=str(STARTER), stdout=out, **options)
    return out.getvalue()


def test_the_train_split_is_scored_with_the_diagnostic_rows_and_no_replay(db, model, tmp_path):
    messages = _write(tmp_path / "messages.jsonl", [{**REFUND, "split": "train"}, {**COURIER, "split": "test"}])
    output = _run(messages=messages, split="train", diagnose=True)
    assert "train split: 1 answerable" in output
    assert "model alone" in output and "ranked, no abstention" in output
    assert "train picks" not in output


def test_a_held_out_file_is_scored_after_the_picks_of_another_file(db, model, tmp_path):
    held_out = _write(tmp_path / "held_out.jsonl", [{**REFUND, "split": "test"}])
    picks = _write(tmp_path / "picks.jsonl", [{**REFUND, "split": "train"}, {**COURIER, "split": "train"}])
    assert "train picks" not in _run(messages=held_out)
    assert "after 2 train picks" in _run(messages=held_out, picks=picks)
