"""No export hands a client a raw {placeholder}: each becomes the tool's variable, a question the tool
asks, its fallback, or the phrase is left out and named. Checked over the starter library, a library
with every placeholder with and without fallbacks, and the development library when it is present."""
import json
import re

import pytest
import yaml
from django.conf import settings

from phrases.exporters import ahk, espanso
from phrases.exporters.registry import EXPORTERS
from phrases.models import LivePhrase
from phrases.placeholders import placeholders_in
from phrases.services.library_import import library_import

pytestmark = pytest.mark.django_db
RAW_PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z][a-z0-9_]*(?:\|[^{}|]*)?\}(?!\})")
CLIENT_FORMATS = [name for name in EXPORTERS if name != "quickphrases"]  # the library file is Quickphrases' own


def _live():
    return list(LivePhrase.objects.select_related("topic").order_by("key"))


def _assert_no_raw_placeholder(phrases):
    assert any(placeholders_in(p.body) for p in phrases), "the library under test has no placeholders"
    for name in CLIENT_FORMATS:
        output = EXPORTERS[name].export(phrases).decode("utf-8-sig")
        assert not RAW_PLACEHOLDER.search(output), f"{name}: {RAW_PLACEHOLDER.search(output).group()}"


def test_starter_library_exports_hold_no_raw_placeholder():
    library_import(json.loads((settings.BASE_DIR / "fixtures" / "starter_library.json").read_text("utf-8")),
                   actor=None, publish_over_findings=True, reason="test")
    _assert_no_raw_placeholder(_live())


def test_every_placeholder_with_and_without_fallbacks_stays_out_of_every_export(make_live_phrase):
    for n, name in enumerate(settings.QUICKPHRASES_PLACEHOLDERS):
        make_live_phrase(key=f"plain-{n}", title=f"Plain {name}", shortcut=f"/pl{n}", body=f"Текст {{{name}}}.")
        make_live_phrase(key=f"fallback-{n}", title=f"Fallback {name}", language="en",
                         body=f"Text {{{name}|fallback {n}}} and {{{name}|fallback {n}}}.")
        make_live_phrase(key=f"mixed-{n}", title=f"Mixed {name}", language="pl", hotkey=f"Ctrl+Shift+{n}",
                         body=f"Tekst {{{name}|x}} i {{{name}}}.")
    _assert_no_raw_placeholder(_live())


def test_the_development_library_exports_hold_no_raw_placeholder(dev_library):
    document = json.loads(dev_library.read_text("utf-8"))
    for phrase in document["phrases"]:
        phrase["status"] = "approved"
    library_import(document, actor=None, publish_over_findings=True, reason="test")
    _assert_no_raw_placeholder(_live())


def test_espanso_offers_the_fallback_as_the_fields_default(make_live_phrase):
    make_live_phrase(key="hi-en", title="Hi", shortcut="/hi", language="en",
                     body="Hi {client_name|there}, order {order_id} is on its way.")
    match = yaml.safe_load(espanso.export(_live()))["matches"][0]
    assert match["form"] == "Hi [[client_name]], order [[order_id]] is on its way."
    assert match["form_fields"] == {"client_name": {"type": "text", "default": "there"}, "order_id": {"type": "text"}}


def test_ahk_takes_the_fallback_for_an_empty_answer_and_asks_again_for_the_rest(make_live_phrase):
    make_live_phrase(key="hi-en", title="Hi", shortcut="/hi", language="en",
                     body="Hi {client_name|there}, order {order_id} is on its way.")
    lines = ahk.export(_live()).decode("utf-8-sig").split("\r\n")
    assert '    value_client_name := Trim(box_client_name.Value) = "" ? "there" : box_client_name.Value' in lines
    assert '    SendText("Hi " value_client_name ", order " box_order_id.Value " is on its way.")' in lines
    assert "\n".join(lines).count("loop {") == 1  # only {order_id} insists on an answer


def test_left_out_phrases_are_named_by_the_api_download(client, operator, make_live_phrase):
    make_live_phrase(key="when-ru", title="Когда", body="Привезём {date}.")
    client.force_login(operator)
    document = json.loads(client.get("/api/v1/export/chatwoot/?language=ru").content)
    assert document["canned_responses"] == []
    assert [entry["key"] for entry in document["left_out"]] == ["when-ru"]
