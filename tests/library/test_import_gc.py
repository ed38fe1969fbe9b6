"""A large import holds off full garbage collections while it runs (each would walk every object
it built, and the lint processes forked meanwhile inherit the trigger): young objects are still
collected, and the process's thresholds come back when the import ends, whatever its outcome."""
import gc
import json

import pytest
from django.core.management import call_command

from phrases import services
from phrases.errors import ImportRejected
from phrases.gc_pause import full_collections_paused

pytestmark = pytest.mark.django_db


def _library(*bodies):
    return {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
            "phrases": [{"key": f"k-{i}", "title": "Сроки", "body": body, "topic": "delivery", "language": "ru",
                         "status": "approved"} for i, body in enumerate(bodies)]}


def _thresholds_seen_while_importing(run):
    seen = []

    def progress(stage, done, total):
        seen.append(gc.get_threshold())

    run(progress)
    return seen


def test_an_import_runs_without_full_collections_and_puts_the_thresholds_back():
    before = gc.get_threshold()
    seen = _thresholds_seen_while_importing(
        lambda progress: services.library_import(_library("Заказ будет у Вас завтра."), progress=progress))
    assert seen and all(threshold[2] > 10**6 for threshold in seen)
    assert all(threshold[:2] == before[:2] for threshold in seen)  # young objects collected as before
    assert gc.get_threshold() == before


def test_a_rejected_import_puts_the_thresholds_back_too():
    before = gc.get_threshold()
    with pytest.raises(ImportRejected):
        services.library_import({"format": "quickphrases/v1", "phrases": [{"key": "x"}]})
    assert gc.get_threshold() == before


def test_nested_pauses_end_with_the_last():
    before = gc.get_threshold()
    with full_collections_paused():
        with full_collections_paused():
            pass
        assert gc.get_threshold()[2] > 10**6
    assert gc.get_threshold() == before


def test_the_command_reports_the_full_collections_made_meanwhile(tmp_path, capsys):
    path = tmp_path / "library.json"
    path.write_text(json.dumps(_library("Заказ будет у Вас завтра.")), encoding="utf-8")
    call_command("import_library", str(path), "--no-progress", verbosity=2)
    assert capsys.readouterr().out.splitlines()[-1].endswith("Full garbage collections meanwhile: 0.")
