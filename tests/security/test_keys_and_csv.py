"""Keys are lower-case slugs at every door; ETags parse for any stored key; CSV cells cannot run."""
import csv
import io
import json

import pytest

from api import etags
from phrases import services
from phrases.errors import ImportRejected, PhraseValidationError
from phrases.exporters.csv_export import spreadsheet_safe
from phrases.models import Phrase

pytestmark = pytest.mark.django_db


def test_api_create_refuses_a_key_with_capitals(api, topic):
    response = api["writer"].post("/api/v1/phrases/", {
        "key": "Case-Key", "title": "Сроки", "body": "Заказ будет у Вас {date}.", "topic": "delivery",
        "language": "ru"}, format="json")
    assert response.status_code == 400 and "lower-case" in response.json()["key"][0]
    assert not Phrase.objects.exists()


def test_service_create_refuses_a_key_with_capitals(writer, topic):
    with pytest.raises(PhraseValidationError) as error:
        services.phrase_create(actor=writer, key="Case-Key", title="Сроки", body="Заказ будет у Вас {date}.",
                               topic=topic, language="ru")
    assert [problem["field"] for problem in error.value.problems()] == ["key"]


def test_import_refuses_case_variants_of_a_key(topic):
    entry = {"title": "Сроки", "body": "Заказ будет у Вас {date}.", "topic": "delivery", "language": "ru"}
    document = {"format": "quickphrases/v1", "phrases": [{"key": "Case-Key", **entry}, {"key": "case-key", **entry}]}
    with pytest.raises(ImportRejected) as error:
        services.library_import(document)
    assert [(p["key"], p["field"]) for p in error.value.problems] == [("Case-Key", "key")]
    assert not Phrase.objects.exists()


def test_a_stored_key_with_capitals_is_edited_with_its_own_etag(api, writer, topic):
    # A phrase stored before keys had to be lower-case (written around the services, as old data was).
    legacy = Phrase.objects.create(key="Legacy-Key", title="Сроки", body="Заказ будет у Вас {date}.",
                                   topic=topic, language="ru", owner=writer)
    etag = api["writer"].get("/api/v1/phrases/Legacy-Key/")["ETag"]
    assert etag == etags.working_etag(legacy)
    edited = api["writer"].patch("/api/v1/phrases/Legacy-Key/", {"title": "Новые сроки"}, format="json",
                                 HTTP_IF_MATCH=etag)
    assert edited.status_code == 200, edited.content
    assert edited.json()["title"] == "Новые сроки" and edited["ETag"] != etag
    stale = api["writer"].patch("/api/v1/phrases/Legacy-Key/", {"title": "Ещё"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412


def test_an_etag_for_a_key_containing_r_digits_names_that_key(make_phrase, rf):
    phrase = make_phrase(key="promo-r2")
    request = rf.patch("/", HTTP_IF_MATCH=f'"promo-r2-r{phrase.revision}"')
    assert etags.expected_revision(request, phrase) == phrase.revision


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_prefixed_with_a_quote(cell):
    assert spreadsheet_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Сроки доставки", "/eta", "Ctrl+Alt+1", "", "a=b", "'quoted"])
def test_ordinary_cells_are_exported_as_they_are(cell):
    assert spreadsheet_safe(cell) == cell


def test_csv_export_escapes_formula_titles_and_keywords(api, make_live_phrase):
    # Bodies without placeholders: the CSV export lists phrases needing a value after the table instead.
    make_live_phrase(key="evil", title='=HYPERLINK("http://evil.example","Нажмите")', keywords=["@SUM(1+1)*cmd"],
                     body="Спасибо за ожидание.")
    make_live_phrase(key="plain", title="Сроки доставки", keywords=["когда"], body="Заказ уже в пути.")
    response = api["operator"].get("/api/v1/export/csv/")
    rows = {row[0]: row for row in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert rows["evil"][1] == '\'=HYPERLINK("http://evil.example","Нажмите")'
    assert rows["evil"][7] == "'@SUM(1+1)*cmd"
    assert rows["plain"][1] == "Сроки доставки" and rows["plain"][7] == "когда"


def test_quickphrases_export_keeps_text_exactly(api, make_live_phrase):
    make_live_phrase(key="evil", title="=1+1")
    document = json.loads(api["operator"].get("/api/v1/export/quickphrases/").content)
    assert document["phrases"][0]["title"] == "=1+1"
