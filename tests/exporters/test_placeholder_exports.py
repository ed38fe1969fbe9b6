"""Exports never hand the client a raw {placeholder}: Espanso asks in a form, AutoHotkey in InputBoxes,
Chatwoot fills its own variables; hotkeys that fight a keyboard layout carry a warning."""
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.conf import settings
from django.utils import translation

from phrases.exporters import ahk, chatwoot, espanso
from phrases.exporters.registry import EXPORTERS
from phrases.models import LivePhrase
from phrases.placeholders import placeholders_in

pytestmark = pytest.mark.django_db
SCHEMA = Path(settings.BASE_DIR).parent / "shared" / "schemas" / "espanso-match.schema.json"
RAW_PLACEHOLDER = re.compile(r"(?<!\{)\{[a-z_]+\}(?!\})")


@pytest.fixture
def live(make_live_phrase):
    make_live_phrase(key="eta-ru", title="Сроки", shortcut="/eta", hotkey="Ctrl+Alt+1",
                     body="{client_name}, заказ {order_id} будет у Вас {date}. С уважением, {operator_name}.")
    make_live_phrase(key="eta-en", title="ETA", shortcut="/eta", language="en", hotkey="Ctrl+Alt+S",
                     body="{client_name}, your order arrives {date}; {client_name}, see {link}.")
    make_live_phrase(key="thanks-ru", title="Спасибо", shortcut="/ty", hotkey="Ctrl+Shift+7",
                     body="Спасибо за ожидание!")
    return list(LivePhrase.objects.select_related("topic").order_by("key"))


@pytest.fixture
def schema():
    if not SCHEMA.exists():
        pytest.fail(f"the Espanso schema is missing at {SCHEMA}")
    return json.loads(SCHEMA.read_text())


def test_espanso_asks_for_each_placeholder_in_a_form_and_stays_valid(live, schema):
    document = yaml.safe_load(espanso.export(live))
    jsonschema.validate(document, schema)
    by_trigger = {match["trigger"]: match for match in document["matches"]}
    phrases = {":eta-ru": live[1], ":eta-en": live[0]}
    for trigger, phrase in phrases.items():
        match = by_trigger[trigger]
        assert "replace" not in match
        assert list(match["form_fields"]) == placeholders_in(phrase.body)
        assert set(re.findall(r"\[\[(\w+)\]\]", match["form"])) == set(placeholders_in(phrase.body))
        assert not RAW_PLACEHOLDER.search(match["form"])
    # Filling the form gives back the body with the values in it.
    filled = re.sub(r"\[\[(\w+)\]\]", lambda m: f"<{m.group(1)}>", by_trigger[":eta-ru"]["form"])
    assert filled == "<client_name>, заказ <order_id> будет у Вас <date>. С уважением, <operator_name>."


def test_espanso_keeps_replace_for_a_phrase_without_placeholders(live, schema):
    document = yaml.safe_load(espanso.export(live))
    match = next(m for m in document["matches"] if m["trigger"] == ":ty")
    assert match["replace"] == "Спасибо за ожидание!" and "form" not in match


def _blocks(script):
    """{function name: its lines} for each prompting function in the script."""
    functions, current = {}, None
    for line in script.split("\r\n"):
        if re.match(r"^\w+\(\*\) \{$", line):
            current = line.split("(")[0]
            functions[current] = []
        elif line == "}":
            current = None
        elif current:
            functions[current].append(line)
    return functions


def test_every_ahk_trigger_of_a_phrase_with_placeholders_prompts_before_it_sends(live):
    script = ahk.export(live).decode("utf-8-sig")
    functions = _blocks(script)
    triggers = [line for line in script.split("\r\n") if re.match(r"^(:X:/|[\^!+#]+\w+::)", line)]
    assert len(triggers) == 6  # a hotstring and a hotkey for each of the three phrases
    for line in triggers:
        action = line.split("::", 1)[1]
        if action.startswith("SendText("):
            assert "{" not in action  # only the phrase without placeholders sends directly
            continue
        body = functions[action.removesuffix("()")]
        send = next(i for i, text in enumerate(body) if "SendText(" in text)
        prompts = [i for i, text in enumerate(body) if "InputBox(" in text]
        cancels = [i for i, text in enumerate(body) if '.Result = "Cancel"' in text]
        assert prompts and all(i < send for i in prompts)
        assert len(cancels) == len(prompts) and all(body[i + 1].strip().startswith("return") for i in cancels)
        assert not RAW_PLACEHOLDER.search(body[send])


def test_ahk_prompts_in_the_phrase_language_and_sends_the_answers(live):
    script = ahk.export(live).decode("utf-8-sig")
    body = _blocks(script)["Phrase_eta_ru"]
    assert 'box_client_name := InputBox("Имя клиента", "Сроки")' in "\n".join(body)
    assert body[-1] == ('    SendText(box_client_name.Value ", заказ " box_order_id.Value " будет у Вас " '
                        'box_date.Value ". С уважением, " box_operator_name.Value ".")')
    # A placeholder used twice is asked once.
    assert "\n".join(_blocks(script)["Phrase_eta_en"]).count("InputBox(") == 3


def test_ahk_warns_about_a_hotkey_that_is_altgr_on_the_polish_keyboard(live):
    with translation.override("en"):
        lines = ahk.export(live).decode("utf-8-sig").split("\r\n")
    en = lines[lines.index("; eta-en: ETA"):lines.index("^!s::Phrase_eta_en()")]
    assert [line for line in en if line.startswith("; ") and "Polish" in line and "ś" in line]
    ru = lines[lines.index("; eta-ru: Сроки"):lines.index("^!1::Phrase_eta_ru()")]
    assert not [line for line in ru if "Polish" in line]


def test_chatwoot_maps_placeholders_to_its_variables_and_leaves_out_what_it_cannot_fill(live, make_live_phrase):
    make_live_phrase(key="soon-ru", title="Скоро", shortcut="/soon",
                     body="{client_name|Здравствуйте}, заказ {order_id} на {amount} привезём {date|скоро}.")
    document = json.loads(chatwoot.export(LivePhrase.objects.select_related("topic").order_by("key")))
    by_code = {r["short_code"]: r["content"] for r in document["canned_responses"]}
    assert by_code["soon"] == ("{{contact.name}}, заказ {{conversation.custom_attribute.order_id}} на "
                               "{{conversation.custom_attribute.amount}} привезём скоро.")
    assert by_code["ty"] == "Спасибо за ожидание!"
    assert all(set(r) == {"short_code", "content"} for r in document["canned_responses"])
    # {date} without a fallback: Chatwoot has no variable for it, so the phrase is left out and named.
    assert [(entry["key"], entry["needs"]) for entry in document["left_out"]] == [
        ("eta-en", ["Date"]), ("eta-ru", ["Date"])]


def test_chatwoot_short_codes_are_unique_and_fall_back_to_the_key(make_live_phrase):
    make_live_phrase(key="no-shortcut-ru", title="Без сокращения", body="Одну минуту, пожалуйста.")
    make_live_phrase(key="hi-ru", title="Привет", shortcut="/hi", body="Здравствуйте!")
    codes = [r["short_code"] for r in json.loads(chatwoot.export(LivePhrase.objects.order_by("key")))["canned_responses"]]
    assert codes == ["hi", "no-shortcut-ru"]


def test_chatwoot_export_is_offered_by_the_api(client, operator, make_live_phrase):
    make_live_phrase(key="hi-ru", title="Привет", shortcut="/hi", body="Здравствуйте, {client_name}!")
    assert "chatwoot" in EXPORTERS
    client.force_login(operator)
    response = client.get("/api/v1/export/chatwoot/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert json.loads(response.content) == {
        "canned_responses": [{"short_code": "hi", "content": "Здравствуйте, {{contact.name}}!"}], "left_out": []}
