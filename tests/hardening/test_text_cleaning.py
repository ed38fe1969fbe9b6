"""One normalisation of text at the boundary (phrases.text_cleaning), the same at every door.

The pure function first, then the same hostile values fed through the API, the editor page, the
admin and the import: each door must give the same verdict and store the same text."""
import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phrases.models import Phrase
from phrases.text_cleaning import clean_line, clean_text

pytestmark = pytest.mark.django_db

HOSTILE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u202e", "\u202d", "\u2066", "\ufeff", "\x07", "\x0b", "\x0c",
           "\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x7f", "\u00ad"]


@pytest.mark.parametrize("invisible", HOSTILE)
def test_control_and_format_characters_are_removed_from_every_kind_of_text(invisible):
    assert clean_line(f"Воз{invisible}врат") == "Возврат"
    assert clean_text(f"Воз{invisible}врат\nденег") == "Возврат\nденег"


def test_line_breaks_and_tabs_stay_in_text_and_become_spaces_in_a_line():
    assert clean_text("Здравствуйте!\r\n\tЗаказ\rв пути\u2028") == "Здравствуйте!\n\tЗаказ\nв пути"
    assert clean_line("  Сроки\n\tдоставки  \u00a0") == "Сроки доставки"


def test_text_is_composed_to_nfc():
    assert clean_line("e\u0301") == "\u00e9"
    assert clean_text("И\u0306о") == "\u0419о"  # И + combining breve is Й


def test_nul_is_kept_for_the_validators_to_refuse():
    assert clean_text("a\x00b") == "a\x00b" and clean_line("a\x00b") == "a\x00b"


def test_emoji_sequences_lose_their_joiners_but_keep_their_pictures():
    assert clean_line("👍\ufe0f ok") == "👍\ufe0f ok"  # a variation selector is a mark, not a format character


# --- the same verdict at every door ----------------------------------------------------------------

ALPHABET = st.sampled_from(["a", "б", "Z", "1", " ", "\n", "\t", "\r", "\x00", "\u00a0", "e\u0301", "{", "}",
                            "{client_name}", ",", *HOSTILE])


def _text(max_size):
    return st.lists(ALPHABET, max_size=max_size).map("".join)


def _with_padding(core_size, padding):
    """A value near a length limit: `core_size` letters with invisible characters around them."""
    return st.tuples(st.integers(core_size - 3, core_size + 3), _text(padding), _text(padding)).map(
        lambda parts: parts[1] + "т" * parts[0] + parts[2])


TITLES = st.one_of(_text(12), _with_padding(120, 4))
BODIES = st.one_of(_text(16), _with_padding(2000, 4))
KEYWORDS = st.one_of(_text(8), _with_padding(80, 3))
TRIGGER_TAILS = ["", "\n", " ", "\t", "\r\n", "\u200b", "\x00", "\u202e", "c", "-x", "\u00a0"]
SHORTCUTS = st.one_of(st.just(""), st.tuples(st.sampled_from(["/ab", "/AB", "ab", "Ab", "/\u212ab"]),
                                              st.lists(st.sampled_from(TRIGGER_TAILS), max_size=2)).map(
    lambda parts: parts[0] + "".join(parts[1])))
HOTKEYS = st.one_of(st.just(""), st.lists(st.sampled_from(TRIGGER_TAILS), max_size=2).map(
    lambda tails: "Ctrl+Alt+9" + "".join(tails)))


def _stored(key):
    phrase = Phrase.objects.filter(key=key).first()
    if phrase is None:
        return None
    stored = (phrase.title, phrase.body, phrase.keywords, phrase.shortcut, phrase.hotkey)
    phrase.delete()
    return stored


def _through_api(api, topic, value):
    response = api["writer"].post("/api/v1/phrases/", json.dumps({
        "key": "fuzz-api", "topic": topic.slug, "language": "ru", "title": value["title"], "body": value["body"],
        "keywords": [value["keyword"]], "shortcut": value["shortcut"], "hotkey": value["hotkey"]}),
        content_type="application/json")
    assert response.status_code in (201, 400), response.content[:300]
    return _stored("fuzz-api")


def _through_page(client, topic, value):
    response = client.post("/phrases/new/", {
        "key": "fuzz-page", "topic": topic.pk, "language": "ru", "title": value["title"], "body": value["body"],
        "keywords": [value["keyword"]], "shortcut": value["shortcut"], "hotkey": value["hotkey"], "note": "",
        "save": "1"})
    assert response.status_code in (302, 400), response.content[:300]
    return _stored("fuzz-page")


def _through_admin(client, topic, value):
    response = client.post(reverse("admin:phrases_phrase_add"), {
        "key": "fuzz-admin", "topic": topic.pk, "language": "ru", "title": value["title"], "body": value["body"],
        "keywords": json.dumps([value["keyword"]]), "shortcut": value["shortcut"], "hotkey": value["hotkey"]})
    assert response.status_code in (200, 302), response.content[:300]
    return _stored("fuzz-admin")


def _through_import(api, topic, value):
    document = {"format": "quickphrases/v1", "topics": [{"slug": topic.slug, "name": topic.name, "parent": None}],
                "phrases": [{"key": "fuzz-import", "topic": topic.slug, "language": "ru", "title": value["title"],
                             "body": value["body"], "keywords": [value["keyword"]], "shortcut": value["shortcut"],
                             "hotkey": value["hotkey"], "status": "draft"}]}
    response = api["reviewer"].post("/api/v1/library/import/", json.dumps(document), content_type="application/json")
    assert response.status_code in (200, 400), response.content[:300]
    return _stored("fuzz-import")


def _verdicts(api, client, writer, topic, value):
    writer.is_staff = True
    writer.save()
    client.force_login(writer)
    return {
        "api": _through_api(api, topic, value),
        "page": _through_page(client, topic, value),
        "admin": _through_admin(client, topic, value),
        "import": _through_import(api, topic, value),
    }


PLAIN = {"title": "Сроки доставки", "body": "Заказ {order_id} в пути.", "keyword": "когда привезут", "shortcut": "",
         "hotkey": ""}


@pytest.mark.parametrize("field, value, stored", [
    ("title", "Сроки\u200b доставки\u202e", "Сроки доставки"),
    ("title", "\ufeffСроки\x07 \x1b[1mдоставки\x1b[0m\x0b", "Сроки доставки"),
    ("title", "\u200b", None),
    ("title", "т" * 120 + "\u200b\u200b", "т" * 120),
    ("title", "т" * 121, None),
    ("title", "Сроки\x00", None),
    ("body", "Заказ\r\n\tв пути\u2066.\u2069", "Заказ\n\tв пути."),
    ("body", "Заказ\x00", None),
    ("keyword", "когда\u200b привезут", "когда привезут"),
    ("keyword", "a\x00b", None),
    ("shortcut", "/rtnl", "/rtnl"),
    ("shortcut", "/rtnl\n", None),
    ("shortcut", "/rtnl ", None),
    ("shortcut", "/rt\u200bnl", None),
    # The one normalisation of triggers and keywords (README): case and the leading "/" do not
    # matter in a shortcut (nothing else is repaired); a comma is part of a keyword at every door.
    ("shortcut", "/RTNL", "/rtnl"),
    ("shortcut", "Rtnl", "/rtnl"),
    ("shortcut", "/RTNL\n", None),
    ("shortcut", "/\u212aey", None),  # the Kelvin sign is not a "k"
    ("keyword", "меньше, чем\u200b платил", "меньше, чем платил"),
    ("keyword", " \u200b ", []),
    ("hotkey", "Ctrl+Alt+9", "Ctrl+Alt+9"),
    ("hotkey", "Ctrl+Alt+9\n", None),
    ("hotkey", "ctrl+alt+9", None),
])
def test_every_door_gives_the_same_verdict_on_hostile_values(api, client, writer, topic, field, value, stored):
    outcomes = _verdicts(api, client, writer, topic, {**PLAIN, field: value})
    assert len(set(map(repr, outcomes.values()))) == 1, outcomes
    if stored is None:
        assert outcomes["api"] is None
    else:
        index = {"title": 0, "body": 1, "keyword": 2, "shortcut": 3, "hotkey": 4}[field]
        expected = [stored] if field == "keyword" and isinstance(stored, str) else stored
        assert outcomes["api"][index] == expected


FIELDS = {"title": TITLES, "body": BODIES, "keyword": KEYWORDS, "shortcut": SHORTCUTS, "hotkey": HOTKEYS}
CHANGES = st.sampled_from([*FIELDS, "all"]).flatmap(
    lambda name: st.fixed_dictionaries(FIELDS) if name == "all" else FIELDS[name].map(lambda v: {name: v}))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(change=CHANGES)
def test_api_pages_admin_and_import_accept_and_store_exactly_the_same_values(api, client, writer, topic, change):
    """One hostile field at a time (beside plain ones, so no other refusal hides a difference), and
    all at once."""
    outcomes = _verdicts(api, client, writer, topic, {**PLAIN, **change})
    assert len(set(map(repr, outcomes.values()))) == 1, outcomes
    if outcomes["api"] is not None:
        title, body, keywords, shortcut, hotkey = outcomes["api"]
        assert shortcut == shortcut.lower()
        for text in (title, body, *keywords, shortcut, hotkey):
            assert not any(char in text for char in "\x00\x07\x0b\x1b\u200b\u202e\ufeff\r"), text
