"""An import respects review without being blocked by it: an approved phrase with a brand-voice
error is held in review (the rest goes live), unless a reviewer publishes over the findings with a
reason; validity stays all or nothing."""
import json

import pytest
from django.core.management import call_command

from phrases import services
from phrases.errors import ImportRejected
from phrases.models import FindingDismissal, LiveChange, LivePhrase, Phrase, PhraseStatus, Topic

pytestmark = pytest.mark.django_db

CLEAN = "{client_name}, заказ {order_id} будет у Вас {date}."
FLAGGED = "{client_name}, спс за ожидание."  # «спс» is flagged by every version of the linter


def _library(*phrases):
    return {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
            "phrases": list(phrases)}


def _phrase(key, body=CLEAN, status="approved", **fields):
    return {"key": key, "title": "Сроки", "body": body, "topic": "delivery", "language": "ru", "status": status,
            **fields}


def _approved_library(n=5, flagged="eta-3"):
    return _library(*(_phrase(f"eta-{i}", FLAGGED if f"eta-{i}" == flagged else CLEAN) for i in range(n)))


def _state():
    return (list(Phrase.objects.values_list("key", "body", "status", "revision")),
            list(LivePhrase.objects.values_list("key", "body")), Phrase.history.count(),
            LiveChange.objects.count(), FindingDismissal.objects.count(), Topic.objects.count())


def test_flagged_approved_phrase_is_held_in_review_and_the_rest_goes_live():
    report = services.library_import(_approved_library())
    assert report.held == [{"key": "eta-3", "rules": ["banned-abbreviation"]}]
    assert sorted(LivePhrase.objects.values_list("key", flat=True)) == ["eta-0", "eta-1", "eta-2", "eta-4"]
    held = Phrase.objects.get(key="eta-3")
    assert held.status == PhraseStatus.IN_REVIEW
    assert "banned-abbreviation" in {f["rule"] for f in held.lint_findings}
    assert held.history.first().history_change_reason == (
        "Imported from library file; held in review over brand-voice errors: banned-abbreviation")


def test_a_held_phrase_keeps_its_live_text():
    services.library_import(_library(_phrase("eta-1")))
    services.library_import(_library(_phrase("eta-1", FLAGGED)))
    phrase = Phrase.objects.get(key="eta-1")
    assert phrase.status == PhraseStatus.IN_REVIEW and phrase.body == FLAGGED
    assert LivePhrase.objects.get(key="eta-1").body == CLEAN


def test_publish_over_findings_publishes_with_the_overrule_recorded(reviewer):
    report = services.library_import(_approved_library(), actor=reviewer, publish_over_findings=True,
                                      reason="Одобренная библиотека, фраза по стандарту.")
    assert report.held == [] and report.overruled == [{"key": "eta-3", "rules": ["banned-abbreviation"]}]
    assert LivePhrase.objects.get(key="eta-3").body == FLAGGED
    dismissal = FindingDismissal.objects.get(phrase__key="eta-3")
    assert (dismissal.rule, dismissal.text, dismissal.dismissed_by) == ("banned-abbreviation", "спс", reviewer)
    version = Phrase.objects.get(key="eta-3").history.first()
    assert version.history_change_reason == ("Imported from library file; published over brand-voice findings "
                                              "(banned-abbreviation): Одобренная библиотека, фраза по стандарту.")
    assert version.history_user == reviewer
    finding = next(f for f in Phrase.objects.get(key="eta-3").lint_findings if f["rule"] == "banned-abbreviation")
    assert finding["dismissed"]["by"] == reviewer.username


def test_after_an_overrule_the_same_file_imports_unchanged_without_the_flag():
    services.library_import(_approved_library(), publish_over_findings=True, reason="Так задумано.")
    before = _state()
    report = services.library_import(_approved_library())
    assert report.held == [] and sorted(report.unchanged) == [f"eta-{i}" for i in range(5)]
    assert _state() == before


def test_publishing_over_findings_needs_a_reason():
    with pytest.raises(ImportRejected) as error:
        services.library_import(_approved_library(), publish_over_findings=True, reason=" ")
    assert error.value.problems[0]["field"] == "reason"
    assert not Phrase.objects.exists()


def test_a_structurally_invalid_file_still_changes_nothing():
    services.library_import(_approved_library())
    before = _state()
    bad = _approved_library(6)
    bad["phrases"][5]["hotkey"] = "Meta+1"
    with pytest.raises(ImportRejected) as error:
        services.library_import(bad, publish_over_findings=True, reason="Так задумано.")
    assert [(p["key"], p["field"]) for p in error.value.problems] == [("eta-5", "hotkey")]
    assert _state() == before


def test_an_approved_library_written_to_the_standards_imports_every_phrase_live():
    report = services.library_import(_approved_library(flagged=None))
    assert report.held == [] and len(report.created) == 5 and LivePhrase.objects.count() == 5


def test_the_command_holds_flagged_phrases_and_publishes_over_them_when_asked(tmp_path, capsys):
    path = tmp_path / "library.json"
    path.write_text(json.dumps(_approved_library()), encoding="utf-8")
    call_command("import_library", str(path), "--no-progress")
    out = capsys.readouterr().out
    assert "held in review: eta-3 (banned-abbreviation)" in out
    assert not LivePhrase.objects.filter(key="eta-3").exists()
    call_command("import_library", str(path), "--no-progress", "--publish-over-findings", "--reason", "Проверено.")
    assert LivePhrase.objects.get(key="eta-3").body == FLAGGED
    assert FindingDismissal.objects.get(phrase__key="eta-3").reason == "Проверено."


def test_the_command_says_where_its_time_went_at_verbosity_2(tmp_path, capsys):
    path = tmp_path / "library.json"
    path.write_text(json.dumps(_approved_library()), encoding="utf-8")
    call_command("import_library", str(path), "--no-progress")
    assert "Stages:" not in capsys.readouterr().out
    call_command("import_library", str(path), "--no-progress", "--dry-run", verbosity=2)
    stages = capsys.readouterr().out.splitlines()[-1]
    assert stages.startswith("Stages: reading ")
    assert [part.split()[0] for part in stages.removeprefix("Stages: ").split("; ")] == [
        "reading", "validating", "linting", "writing", "reporting"]


def _count_queries(document):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        services.library_import(document)
    return len(captured)


def _document(size):
    return _library(*(_phrase(f"eta-{i}", FLAGGED if i % 10 == 3 else CLEAN, shortcut=f"/e{i}")
                      for i in range(size)))


def _edited(document):
    edited = json.loads(json.dumps(document))
    for entry in edited["phrases"]:
        entry["title"] = "Новый заголовок"
    return edited


def _three_imports(size):
    """Queries of a first import, an unchanged re-import and an import editing every phrase."""
    document = _document(size)
    return [_count_queries(document), _count_queries(document), _count_queries(_edited(document))]


def test_import_queries_do_not_grow_with_the_number_of_phrases():
    # One query per kind of check, and writes in batches (SQLite takes ~45 rows per INSERT): three
    # times the phrases may add a batch or two, never a query per phrase.
    small, large = _three_imports(20), _three_imports(60)
    for few, many in zip(small, large, strict=True):
        assert many <= few + 6 and many < 40, (small, large)
