"""Language families: one phrase per language, triggers shared within a family only, through
every door (services, API, import, the editor's check) with the same message."""
import pytest
from django.core.exceptions import ValidationError

from phrases import services
from phrases.errors import ImportRejected
from phrases.models import LivePhrase, Phrase
from phrases.services.library_import import library_import

pytestmark = pytest.mark.django_db


def _entry(key, language, **fields):
    entry = {"key": key, "title": "Минутку", "body": "Одну минуту, пожалуйста.", "topic": "delivery",
             "language": language, "status": "approved"}
    entry.update(fields)
    return entry


def _file(*phrases):
    return {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
            "phrases": list(phrases)}


def test_a_family_refuses_a_second_phrase_in_one_language_naming_the_holder(make_phrase):
    make_phrase(key="hold-minute-ru", family="hold-minute")
    with pytest.raises(ValidationError) as error:
        make_phrase(key="hold-minute-ru-2", family="hold-minute")
    assert "hold-minute-ru" in str(error.value.message_dict["family"])
    assert Phrase.objects.filter(family="hold-minute").count() == 1


def test_an_edit_into_a_taken_language_is_refused(make_phrase, writer):
    make_phrase(key="hold-minute-ru", family="hold-minute")
    other = make_phrase(key="other-ru")
    with pytest.raises(ValidationError) as error:
        services.phrase_update(phrase=other, actor=writer, changes={"family": "hold-minute"})
    assert "hold-minute-ru" in str(error.value.message_dict["family"])
    assert Phrase.objects.get(key="other-ru").family == ""


def test_variants_of_one_family_share_shortcut_and_hotkey_live(make_live_phrase):
    make_live_phrase(key="hold-minute-ru", family="hold-minute", shortcut="/min", hotkey="Ctrl+Alt+2")
    make_live_phrase(key="hold-minute-en", family="hold-minute", language="en", title="One minute",
                     body="One moment, please.", shortcut="/min", hotkey="Ctrl+Alt+2")
    assert set(LivePhrase.objects.filter(hotkey="Ctrl+Alt+2").values_list("key", flat=True)) == {
        "hold-minute-ru", "hold-minute-en"}


def test_another_family_may_not_take_a_familys_hotkey_or_shortcut(make_live_phrase, make_phrase):
    make_live_phrase(key="hold-minute-ru", family="hold-minute", shortcut="/min", hotkey="Ctrl+Alt+2")
    with pytest.raises(ValidationError) as error:
        make_phrase(key="thanks-en", family="thanks", language="en", title="Thanks", body="Thank you.",
                    hotkey="Ctrl+Alt+2")
    assert "hold-minute" in str(error.value.message_dict["hotkey"])
    with pytest.raises(ValidationError) as error:
        make_phrase(key="thanks-en", family="thanks", language="en", title="Thanks", body="Thank you.",
                    shortcut="/min")
    assert "hold-minute" in str(error.value.message_dict["shortcut"])
    # A phrase in no family may not share a hotkey at all, as before.
    with pytest.raises(ValidationError):
        make_phrase(key="loose-en", language="en", title="Thanks", body="Thank you.", hotkey="Ctrl+Alt+2")
    assert not Phrase.objects.filter(key__in=["thanks-en", "loose-en"]).exists()


def test_the_api_carries_family_and_refuses_a_taken_language_by_name(api, make_phrase):
    make_phrase(key="hold-minute-ru", family="hold-minute", hotkey="Ctrl+Alt+2")
    created = api["writer"].post("/api/v1/phrases/", {
        "key": "hold-minute-en", "title": "One minute", "body": "One moment, please.", "topic": "delivery",
        "language": "en", "family": "hold-minute", "hotkey": "Ctrl+Alt+2"}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["family"] == "hold-minute" and created.json()["outdated"] == []
    refused = api["writer"].post("/api/v1/phrases/", {
        "key": "hold-minute-en-2", "title": "One minute", "body": "One moment, please.", "topic": "delivery",
        "language": "en", "family": "hold-minute"}, format="json")
    assert refused.status_code == 400
    assert "family" in str(refused.json()) and "hold-minute-en" in str(refused.json())
    bad = api["writer"].post("/api/v1/phrases/", {
        "key": "x-en", "title": "X", "body": "X.", "topic": "delivery", "language": "en",
        "family": "Not A Slug"}, format="json")
    assert bad.status_code == 400 and "family" in str(bad.json())
    listed = api["writer"].get("/api/v1/phrases/", {"family": "hold-minute"}).json()
    assert sorted(p["key"] for p in listed["results"]) == ["hold-minute-en", "hold-minute-ru"]
    unlinked = api["writer"].get("/api/v1/phrases/hold-minute-ru/").json()
    assert unlinked["family"] == "hold-minute"


def test_the_import_shares_triggers_within_a_family_and_refuses_them_across(reviewer):
    library_import(_file(
        _entry("hold-minute-ru", "ru", family="hold-minute", shortcut="/min", hotkey="Ctrl+Alt+2"),
        _entry("hold-minute-en", "en", family="hold-minute", shortcut="/min", hotkey="Ctrl+Alt+2",
               title="One minute", body="One moment, please.")))
    assert LivePhrase.objects.filter(family="hold-minute", hotkey="Ctrl+Alt+2").count() == 2
    with pytest.raises(ImportRejected) as error:
        library_import(_file(_entry("thanks-pl", "pl", family="thanks", hotkey="Ctrl+Alt+2", title="Dzięki",
                                    body="Dziękuję.")))
    assert error.value.problems[0]["field"] == "hotkey" and "hold-minute" in error.value.problems[0]["message"]
    with pytest.raises(ImportRejected) as error:
        library_import(_file(_entry("a-ru", "ru", family="pair"), _entry("b-ru", "ru", family="pair")))
    assert {p["field"] for p in error.value.problems} == {"family"}
    with pytest.raises(ImportRejected) as error:
        library_import(_file(_entry("c-ru", "ru", family=7)))
    assert error.value.problems[0]["field"] == "family"
    assert not Phrase.objects.filter(key__in=["thanks-pl", "a-ru", "b-ru", "c-ru"]).exists()


def test_the_editors_check_lets_a_variant_share_its_familys_hotkey(client, writer, make_phrase):
    make_phrase(key="hold-minute-ru", family="hold-minute", hotkey="Ctrl+Alt+2")
    client.force_login(writer)
    shared = client.get("/phrases/check/", {"language": "en", "hotkey": "Ctrl+Alt+2", "family": "hold-minute"}).json()
    assert shared["hotkey"]["free"] is True
    taken = client.get("/phrases/check/", {"language": "en", "hotkey": "Ctrl+Alt+2"}).json()
    assert taken["hotkey"]["free"] is False and taken["hotkey"]["holder"] == "hold-minute-ru"
