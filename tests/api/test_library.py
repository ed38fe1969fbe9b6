"""Export downloads and the import endpoint over REST."""
import json

import pytest

from phrases.models import Phrase

pytestmark = pytest.mark.django_db


def _document(**phrase):
    entry = {"key": "eta-ru", "title": "Сроки", "body": "Заказ будет у Вас {date}.", "topic": "delivery",
             "language": "ru", "shortcut": "/eta", "status": "approved", **phrase}
    return {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
            "phrases": [entry]}


def test_import_is_all_or_nothing_with_every_problem(api):
    bad = _document(hotkey="Meta+1", body="{tracking}")
    response = api["reviewer"].post("/api/v1/library/import/", bad, format="json")
    assert response.status_code == 400
    assert {(p["key"], p["field"]) for p in response.json()["problems"]} >= {("eta-ru", "hotkey"), ("eta-ru", "body")}
    assert not Phrase.objects.exists()


def test_import_dry_run_then_for_real(api):
    dry = api["reviewer"].post("/api/v1/library/import/?dry_run=true", _document(), format="json")
    assert dry.status_code == 200 and dry.json()["created"] == ["eta-ru"] and not Phrase.objects.exists()
    done = api["reviewer"].post("/api/v1/library/import/", _document(), format="json")
    assert done.json()["created"] == ["eta-ru"] and Phrase.objects.get(key="eta-ru").status == "approved"


@pytest.mark.parametrize("fmt, content_type, extension", [
    ("quickphrases", "application/json", ".json"), ("espanso", "application/x-yaml", ".yml"),
    ("ahk", "text/plain", ".ahk"), ("csv", "text/csv", ".csv"),
])
def test_export_downloads(api, make_live_phrase, fmt, content_type, extension):
    make_live_phrase(key="eta-ru", shortcut="/eta")
    response = api["tool"].get(f"/api/v1/export/{fmt}/?language=ru")
    assert response.status_code == 200 and response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"] == f'attachment; filename="quickphrases-ru{extension}"'
    assert "eta" in response.content.decode("utf-8-sig")


def test_export_filters_and_unknown_format(api, make_live_phrase):
    make_live_phrase(key="eta-ru", shortcut="/eta")
    make_live_phrase(key="eta-en", shortcut="/eta", language="en", body="Your order arrives {date}.")
    document = json.loads(api["operator"].get("/api/v1/export/quickphrases/?language=en").content)
    assert [p["key"] for p in document["phrases"]] == ["eta-en"]
    assert api["operator"].get("/api/v1/export/pdf/").status_code == 404
    unknown_topic = api["operator"].get("/api/v1/export/csv/?topic=nowhere")
    assert unknown_topic.status_code == 400 and "nowhere" in unknown_topic.json()["topic"][0]
    unknown_language = api["operator"].get("/api/v1/export/csv/?language=de")
    assert unknown_language.status_code == 400 and "language" in unknown_language.json()
