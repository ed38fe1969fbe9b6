"""Each export format, from live phrases to bytes, checked against what its tool expects."""
import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.conf import settings

from phrases.exporters import ahk, csv_export, espanso
from phrases.exporters.quickphrases import export_quickphrases
from phrases.models import LivePhrase

pytestmark = pytest.mark.django_db
SCHEMA = Path(settings.BASE_DIR).parent / "shared" / "schemas" / "espanso-match.schema.json"


@pytest.fixture
def live(make_live_phrase):
    make_live_phrase(key="eta-ru", title="Сроки", shortcut="/eta", hotkey="Ctrl+Alt+1", keywords=["когда"],
                     body='{client_name}, заказ "{order_id}" будет у Вас {date};\nкурьер позвонит заранее.')
    make_live_phrase(key="eta-en", title="ETA", shortcut="/eta", language="en",
                     body="Your order arrives {date}. Use `code` 100% {link}!")
    make_live_phrase(key="no-shortcut", title="Без сокращения", hotkey="Ctrl+Shift+7", body="Спасибо за ожидание.")
    return list(LivePhrase.objects.select_related("topic").order_by("key"))


def test_espanso_file_is_valid_and_triggers_are_unique(live):
    document = yaml.safe_load(espanso.export(live))
    if SCHEMA.exists():
        jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    triggers = {m["trigger"]: m for m in document["matches"]}
    assert set(triggers) == {":eta-ru", ":eta-en"}  # /eta exists in two languages
    assert triggers[":eta-en"]["form"] == "Your order arrives [[date]]. Use `code` 100% [[link]]!"
    assert triggers[":eta-ru"]["search_terms"] == ["когда"] and triggers[":eta-ru"]["label"] == "Сроки"


def test_espanso_keeps_a_plain_trigger_for_one_language(live):
    document = yaml.safe_load(espanso.export([p for p in live if p.language == "ru"]))
    assert [m["trigger"] for m in document["matches"]] == [":eta"]


def test_ahk_script_escapes_text_and_maps_hotkeys(live):
    script = ahk.export(live).decode("utf-8-sig")
    assert script.startswith("#Requires AutoHotkey v2.0")
    lines = script.split("\r\n")
    ru = ('    SendText(box_client_name.Value ", заказ `"" box_order_id.Value "`" будет у Вас " box_date.Value '
          '"`;`nкурьер позвонит заранее.")')
    assert ru in lines and ":X:/eta-ru::Phrase_eta_ru()" in lines and "^!1::Phrase_eta_ru()" in lines
    assert '    SendText("Your order arrives " box_date.Value ". Use ``code`` 100% " box_link.Value "!")' in lines
    assert any(line.startswith("^+7::SendText(") for line in lines)


def test_ahk_quote_round_trips_special_characters():
    assert ahk.quote('a"b`c;d\ne') == '"a`"b``c`;d`ne"'
    assert ahk.hotkey("Ctrl+Alt+Shift+Win+F5") == "^!+#f5"


def test_csv_has_every_column_and_lists_phrases_it_cannot_fill_after_the_table(live, make_live_phrase):
    make_live_phrase(key="hello-ru", title="Привет", keywords=["когда"], body="Здравствуйте, {client_name|клиент}!")
    phrases = list(LivePhrase.objects.select_related("topic").order_by("key"))
    table, _blank, report = csv_export.export(phrases).decode("utf-8-sig").partition("\r\n\r\n")
    rows = list(csv.DictReader(io.StringIO(table + "\r\n")))
    assert [r["key"] for r in rows] == ["hello-ru", "no-shortcut"]
    assert rows[0]["body"] == "Здравствуйте, клиент!" and rows[0]["keywords"] == "когда" and rows[0]["topic"] == "delivery"
    lines = list(csv.reader(io.StringIO(report)))
    assert lines[0][0].startswith("Left out: 2 phrases")
    assert [line[0] for line in lines[1:]] == ["eta-en", "eta-ru"]
    assert lines[2][2] == "needs: Client's name, Order number, Date"


def test_quickphrases_export_is_the_v1_file(live):
    document = json.loads(export_quickphrases(live, live=True))
    assert document["format"] == "quickphrases/v1"
    assert {p["status"] for p in document["phrases"]} == {"approved"}
    assert document["topics"] == [{"slug": "delivery", "name": "Доставка", "parent": None}]
