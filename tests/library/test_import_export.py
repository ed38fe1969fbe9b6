"""Library files: import is all or nothing and idempotent; export → import → export is identical."""
import copy
import json

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from phrases import services
from phrases.errors import ImportRejected
from phrases.models import LiveChange, LivePhrase, Phrase, PhraseStatus, Topic

pytestmark = pytest.mark.django_db


def _library(*phrases, topics=None):
    return {
        "format": "quickphrases/v1",
        "topics": topics if topics is not None else [
            {"slug": "delivery", "name": "Доставка", "parent": None},
            {"slug": "delivery-pickup", "name": "Самовывоз", "parent": "delivery"},
        ],
        "phrases": list(phrases),
    }


def _phrase(key="delivery-eta-ru", **fields):
    entry = {"key": key, "title": "Сроки доставки", "body": "{client_name}, заказ {order_id} будет у Вас {date}.",
             "topic": "delivery", "language": "ru", "shortcut": "/eta", "hotkey": "Ctrl+Alt+1",
             "keywords": ["когда привезут"], "status": "approved"}
    entry.update(fields)
    return entry


def _state():
    """Everything an import could touch, to assert that a rejected one touched nothing."""
    return (
        list(Phrase.objects.values_list("key", "title", "body", "status", "revision")),
        list(Topic.objects.values_list("slug", "name", "parent__slug", "order")),
        list(LivePhrase.objects.values_list("key", "body")),
        Phrase.history.count(),
        LiveChange.objects.count(),
    )


def test_import_creates_topics_and_approved_live_phrases():
    report = services.library_import(_library(_phrase(), _phrase("pickup-ru", shortcut="/pvz", hotkey=None,
                                                                 topic="delivery-pickup", status="draft")))
    assert sorted(report.created) == ["delivery-eta-ru", "pickup-ru"]
    assert Topic.objects.get(slug="delivery-pickup").parent.slug == "delivery"
    assert LivePhrase.objects.get(key="delivery-eta-ru").hotkey == "Ctrl+Alt+1"
    assert Phrase.objects.get(key="pickup-ru").status == PhraseStatus.DRAFT
    assert not LivePhrase.objects.filter(key="pickup-ru").exists()


def test_one_invalid_entry_rejects_the_whole_file_and_lists_every_problem():
    services.library_import(_library(_phrase()))
    before = _state()
    bad = _library(
        _phrase(title="Новый заголовок"),
        _phrase("bad-hotkey", shortcut="/x1", hotkey="Ctrl+Alt+pony"),
        _phrase("bad-placeholder", shortcut="/x2", hotkey=None, body="Заказ {tracking} в пути."),
        _phrase("Bad Key", shortcut="/x3", hotkey=None),
        _phrase("dupe-shortcut", hotkey=None),
        _phrase("no-topic", shortcut="/x4", hotkey=None, topic="nowhere"),
    )
    with pytest.raises(ImportRejected) as error:
        services.library_import(bad)
    problems = {(p["key"], p["field"]) for p in error.value.problems}
    assert {("bad-hotkey", "hotkey"), ("bad-placeholder", "body"), ("Bad Key", "key"),
            ("dupe-shortcut", "shortcut"), ("no-topic", "topic")} <= problems
    assert _state() == before


@pytest.mark.parametrize("document, field", [
    ({"format": "quickphrases/v2", "topics": [], "phrases": []}, "format"),
    ({"format": "quickphrases/v1", "topics": [], "phrases": "nope"}, "phrases"),
    (_library(topics=[{"slug": "a", "name": "A", "parent": "b"}, {"slug": "b", "name": "B", "parent": "a"}]),
     "parent"),
    (_library(_phrase(status="published")), "status"),
    (_library(_phrase(colour="red")), "colour"),
    (_library(_phrase(), _phrase()), "key"),
    (_library(_phrase(title=None)), "title"),
])
def test_structural_problems_are_named(document, field):
    with pytest.raises(ImportRejected) as error:
        services.library_import(document)
    assert field in {p["field"] for p in error.value.problems}
    assert not Phrase.objects.exists() and not Topic.objects.exists()


def test_reimporting_the_same_file_changes_nothing_and_makes_no_versions():
    document = _library(_phrase(), _phrase("pickup-ru", shortcut="/pvz", hotkey=None, status="in_review"))
    services.library_import(document)
    before = _state()
    report = services.library_import(copy.deepcopy(document))
    assert report.created == [] and report.updated == []
    assert sorted(report.unchanged) == ["delivery-eta-ru", "pickup-ru"]
    assert _state() == before


def test_import_updates_existing_phrases_by_key_and_versions_the_change():
    services.library_import(_library(_phrase()))
    report = services.library_import(_library(_phrase(body="{client_name}, заказ приедет {date}.")))
    assert report.updated == ["delivery-eta-ru"]
    phrase = Phrase.objects.get(key="delivery-eta-ru")
    assert LivePhrase.objects.get(key="delivery-eta-ru").body == "{client_name}, заказ приедет {date}."
    assert phrase.history.first().history_change_reason == "Imported from library file"


def test_shortcut_clash_with_a_phrase_outside_the_file_is_rejected():
    services.library_import(_library(_phrase("a-ru", shortcut="/aa", hotkey=None, status="draft"),
                                     _phrase("b-ru", shortcut="/bb", hotkey=None, status="draft")))
    with pytest.raises(ImportRejected) as error:
        # "a" is not in this file but keeps "/aa": the library after import would hold a duplicate.
        services.library_import(_library(_phrase("b-ru", shortcut="/aa", hotkey=None, status="draft")))
    assert error.value.problems[0]["key"] == "b-ru" and "a-ru" in error.value.problems[0]["message"]


def test_a_file_may_swap_two_live_phrases_shortcuts_and_pass_a_hotkey_on():
    services.library_import(_library(_phrase("a-ru", shortcut="/aa", hotkey="Ctrl+Alt+1"),
                                     _phrase("b-ru", shortcut="/bb", hotkey=None)))
    versions = Phrase.history.count()
    report = services.library_import(_library(_phrase("a-ru", shortcut="/bb", hotkey=None),
                                              _phrase("b-ru", shortcut="/aa", hotkey="Ctrl+Alt+1")))
    assert sorted(report.updated) == ["a-ru", "b-ru"]
    for key, shortcut, hotkey in (("a-ru", "/bb", ""), ("b-ru", "/aa", "Ctrl+Alt+1")):
        assert Phrase.objects.filter(key=key, shortcut=shortcut, hotkey=hotkey).exists()
        assert LivePhrase.objects.filter(key=key, shortcut=shortcut, hotkey=hotkey).exists()
    assert Phrase.history.count() == versions + 2  # one version each, no intermediate state
    assert Phrase.history.filter(key="a-ru").first().shortcut == "/bb"


def test_a_swap_that_collides_with_text_staying_live_is_rejected_whole():
    services.library_import(_library(_phrase("a-ru", shortcut="/aa", hotkey=None),
                                     _phrase("b-ru", shortcut="/bb", hotkey=None)))
    before = _state()
    with pytest.raises(ImportRejected) as error:
        # "a" becomes a draft with "/bb", so its approved text with "/aa" stays live: "b" cannot take "/aa".
        services.library_import(_library(_phrase("a-ru", shortcut="/bb", hotkey=None, status="draft"),
                                         _phrase("b-ru", shortcut="/aa", hotkey=None)))
    assert any(problem["key"] == "b-ru" and problem["field"] == "shortcut" for problem in error.value.problems)
    assert _state() == before
    assert set(LivePhrase.objects.values_list("key", "shortcut")) == {("a-ru", "/aa"), ("b-ru", "/bb")}


def test_dry_run_reports_without_changing_anything():
    before = _state()
    report = services.library_import(_library(_phrase()), dry_run=True)
    assert report.created == ["delivery-eta-ru"] and report.dry_run
    assert _state() == before


def test_lint_findings_on_drafts_are_reported_not_refused():
    report = services.library_import(_library(_phrase(body="спс за ожидание", status="draft")))
    assert report.created == ["delivery-eta-ru"]
    assert "banned-abbreviation" in {f["rule"] for f in report.findings["delivery-eta-ru"]}


def test_dev_library_imports_cleanly_and_idempotently(dev_library):
    document = json.loads(dev_library.read_text(encoding="utf-8"))
    report = services.library_import(document)
    assert len(report.created) == len(document["phrases"])
    assert LivePhrase.objects.count() == len(document["phrases"])
    before = _state()
    assert services.library_import(document).unchanged == report.created
    assert _state() == before


def _round_trips_through_the_commands(library, tmp_path):
    call_command("import_library", str(library))
    first = tmp_path / "first.json"
    call_command("export_library", "-o", str(first))
    exported = json.loads(first.read_text(encoding="utf-8"))
    Phrase.objects.all().delete()
    Topic.objects.filter(parent__isnull=False).delete()
    Topic.objects.all().delete()
    call_command("import_library", str(first))
    second = tmp_path / "second.json"
    call_command("export_library", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    original = json.loads(library.read_text(encoding="utf-8"))
    fields = ("key", "title", "body", "topic", "language", "shortcut", "hotkey", "keywords", "status")
    assert sorted(tuple(json.dumps(p.get(f)) for f in fields) for p in exported["phrases"]) == \
        sorted(tuple(json.dumps(p.get(f)) for f in fields) for p in original["phrases"])


def test_starter_library_round_trips_through_the_commands(tmp_path):
    _round_trips_through_the_commands(settings.BASE_DIR / "fixtures" / "starter_library.json", tmp_path)


def test_dev_library_round_trips_through_the_commands(dev_library, tmp_path):
    _round_trips_through_the_commands(dev_library, tmp_path)


def test_export_approved_gives_the_live_text_not_pending_edits(tmp_path, writer):
    services.library_import(_library(_phrase()))
    phrase = Phrase.objects.get(key="delivery-eta-ru")
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Черновик правки."})
    out = tmp_path / "live.json"
    call_command("export_library", "--status", "approved", "-o", str(out))
    entry = json.loads(out.read_text(encoding="utf-8"))["phrases"][0]
    assert entry["body"] == _phrase()["body"] and entry["status"] == "approved"


def test_import_command_reports_problems_as_command_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_library(_phrase(hotkey="Meta+1"))), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_library", str(path))
    assert "delivery-eta-ru: hotkey" in str(error.value)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not UTF-8 JSON"):
        call_command("import_library", str(path))


def test_starter_library_imports_cleanly_with_enough_coverage():
    from django.conf import settings

    document = json.loads((settings.BASE_DIR / "fixtures" / "starter_library.json").read_text(encoding="utf-8"))
    report = services.library_import(document)
    assert len(report.created) >= 40
    assert {p["language"] for p in document["phrases"]} >= {"ru", "en", "pl"}
    assert len({p["topic"] for p in document["phrases"]}) >= 8
    errors = {key: f for key, f in report.findings.items() if any(x["severity"] == "error" for x in f)}
    assert errors == {}
