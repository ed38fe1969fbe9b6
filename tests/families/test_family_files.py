"""The library file, sync, the CSV and the exports carry `family` and topic `names`; exporters
never emit a family's shared hotkey twice."""
import csv
import io
import json

import pytest
from django.core.management import call_command

from phrases.errors import ImportRejected
from phrases.exporters import ahk
from phrases.models import LivePhrase, Topic
from phrases.services.library_import import library_import

pytestmark = pytest.mark.django_db

FILE = {
    "format": "quickphrases/v1",
    "topics": [{"slug": "holding", "name": "Ожидание", "parent": None,
                "names": {"ru": "Ожидание", "en": "Please wait", "pl": "Proszę czekać"}}],
    "phrases": [
        {"key": "hold-minute-ru", "title": "Минутку", "body": "Одну минуту, пожалуйста.", "topic": "holding",
         "language": "ru", "shortcut": "/min", "hotkey": "Ctrl+Alt+2", "keywords": [], "family": "hold-minute",
         "status": "approved"},
        {"key": "hold-minute-en", "title": "One minute", "body": "One moment, please.", "topic": "holding",
         "language": "en", "shortcut": "/min", "hotkey": "Ctrl+Alt+2", "keywords": [], "family": "hold-minute",
         "status": "approved"},
        {"key": "alone-en", "title": "Alone", "body": "Just me.", "topic": "holding", "language": "en",
         "shortcut": None, "hotkey": None, "keywords": [], "status": "approved"},
    ],
}


def _export(tmp_path):
    path = tmp_path / "out.json"
    call_command("export_library", "-o", str(path), stdout=io.StringIO())
    return json.loads(path.read_text(encoding="utf-8"))


def test_round_trip_keeps_family_and_names(tmp_path):
    library_import(FILE)
    exported = _export(tmp_path)
    assert exported["topics"] == FILE["topics"]
    assert {p["key"]: p.get("family") for p in exported["phrases"]} == {
        "hold-minute-ru": "hold-minute", "hold-minute-en": "hold-minute", "alone-en": None}
    assert "family" not in next(p for p in exported["phrases"] if p["key"] == "alone-en")
    report = library_import(exported)
    assert report.created == [] and report.updated == [] and report.topics_updated == []


def test_a_file_without_names_keeps_the_topics_names():
    library_import(FILE)
    plain = {**FILE, "topics": [{"slug": "holding", "name": "Ожидание", "parent": None}]}
    library_import(plain)
    assert Topic.objects.get(slug="holding").names["en"] == "Please wait"


@pytest.mark.parametrize("names, why", [({"de": "Warten"}, "Unknown language"), ({"en": 5}, "must be a string"),
                                        ({"en": "x" * 121}, "at most"), (["en"], "must be an object")])
def test_bad_topic_names_are_refused_by_field(names, why):
    bad = {**FILE, "topics": [{**FILE["topics"][0], "names": names}]}
    with pytest.raises(ImportRejected) as error:
        library_import(bad)
    assert error.value.problems[0]["key"] == "holding" and error.value.problems[0]["field"] == "names"
    assert why in error.value.problems[0]["message"]
    assert not Topic.objects.exists()


def test_sync_search_api_and_csv_carry_family_and_topics_carry_names(api):
    library_import(FILE)
    synced = {p["key"]: p["family"] for p in api["tool"].get("/api/v1/sync/").json()["upserts"]}
    assert synced == {"hold-minute-ru": "hold-minute", "hold-minute-en": "hold-minute", "alone-en": None}
    topics = api["operator"].get("/api/v1/topics/").json()
    assert topics[0]["names"]["pl"] == "Proszę czekać"
    table = api["operator"].get("/api/v1/export/csv/").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(table)))
    assert rows[0][-1] == "family" and {row[0]: row[-1] for row in rows[1:]}["hold-minute-en"] == "hold-minute"


def test_ahk_emits_a_shared_hotkey_once_for_the_readers_first_language(api, operator):
    library_import(FILE)
    live = list(LivePhrase.objects.select_related("topic").order_by("key"))
    russian_first = ahk.export(live, language_order=["ru"]).decode("utf-8-sig")
    assert russian_first.count("^!2::") == 1
    line = next(i for i, text in enumerate(russian_first.splitlines()) if text.startswith("^!2::"))
    assert "Одну минуту" in russian_first.splitlines()[line]
    english = api["operator"].get("/api/v1/export/ahk/", HTTP_ACCEPT_LANGUAGE="en").content.decode("utf-8-sig")
    assert english.count("^!2::") == 1 and "One moment" in next(t for t in english.splitlines() if t.startswith("^!2::"))
    # Exported for one language, each variant keeps its own hotkey.
    polish_less = api["operator"].get("/api/v1/export/ahk/?language=ru").content.decode("utf-8-sig")
    assert polish_less.count("^!2::") == 1


def test_no_export_repeats_a_familys_shared_shortcut():
    import yaml

    from phrases.exporters import chatwoot, espanso

    library_import(FILE)
    live = list(LivePhrase.objects.select_related("topic").order_by("key"))
    triggers = [m["trigger"] for m in yaml.safe_load(espanso.export(live, language_order=["en"]))["matches"]]
    assert sorted(triggers) == [":min-en", ":min-ru"]
    codes = [r["short_code"] for r in json.loads(chatwoot.export(live, language_order=["en"]))["canned_responses"]]
    assert len(codes) == len(set(codes))
    script = ahk.export(live, language_order=["pl"]).decode("utf-8-sig")  # no Polish variant: the next in line
    assert script.count("^!2::") == 1
