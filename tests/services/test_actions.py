"""The actions are the one place a rule lives: every door (service, API, editor page, admin, import)
refuses the same probe with the same message, and changes nothing."""
import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from phrases import services
from phrases.errors import ImportRejected, PhraseValidationError
from phrases.models import Phrase
from phrases.services.actions import ApproveAction, ConfirmAction, CreateAction, RevertAction

pytestmark = pytest.mark.django_db

RESERVED = "“new” is reserved; please choose another key."


def _content(topic, **fields):
    return {"title": "Сроки доставки", "body": "Заказ будет у Вас завтра.", "topic": topic, "language": "ru",
            "shortcut": "", "hotkey": "", "keywords": [], **fields}


@pytest.fixture
def api_writer(writer):
    client = APIClient()
    client.force_authenticate(writer)
    return client


def _staff(user):
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def live_holder(make_live_phrase, writer):
    """A phrase whose live text holds /eta and Ctrl+Alt+1 while its working copy moved on: only
    the live library has them taken."""
    phrase = make_live_phrase(key="holder", shortcut="/eta", hotkey="Ctrl+Alt+1")
    services.phrase_update(phrase=phrase, actor=writer, changes={"shortcut": "/other", "hotkey": ""})
    return phrase


SHORTCUT_TAKEN = "This shortcut is already used by another phrase in this language (holder)."
HOTKEY_TAKEN = "This hotkey is already used by another phrase (holder)."


# -- the reserved key ---------------------------------------------------------------------------

def test_service_refuses_a_reserved_key(writer, topic):
    with pytest.raises(PhraseValidationError) as refused:
        services.phrase_create(actor=writer, key="new", **_content(topic))
    assert refused.value.message_dict == {"key": [RESERVED]}
    assert not Phrase.objects.exists()


def test_api_refuses_a_reserved_key(api_writer, topic):
    response = api_writer.post("/api/v1/phrases/", {"key": "new", **_content("delivery")}, format="json")
    assert response.status_code == 400
    assert response.json()["key"] == [RESERVED], response.json()
    assert not Phrase.objects.exists()


def test_editor_page_refuses_a_reserved_key(client, writer, topic):
    client.force_login(writer)
    response = client.post("/phrases/new/", {**_content(topic.pk), "key": "new", "note": "", "save": "1"})
    assert response.status_code == 400
    assert 'id="id_key-errors"' in response.content.decode() and RESERVED in response.content.decode()
    assert not Phrase.objects.exists()


def test_admin_refuses_a_reserved_key(client, writer, topic):
    client.force_login(_staff(writer))
    response = client.post(reverse("admin:phrases_phrase_add"), {**_content(topic.pk), "key": "new", "keywords": "[]"})
    assert response.status_code == 200
    assert RESERVED in response.content.decode()
    assert not Phrase.objects.exists()


def test_import_refuses_a_reserved_key(topic):
    document = {"format": "quickphrases/v1", "phrases": [
        {"key": "new", **_content("delivery"), "status": "draft"}]}
    with pytest.raises(ImportRejected) as refused:
        services.library_import(document)
    assert {"key": "new", "field": "key", "message": RESERVED} in refused.value.problems
    assert not Phrase.objects.exists()


# -- a trigger another phrase's live text holds ----------------------------------------------

def test_service_refuses_a_trigger_held_by_live_text(live_holder, writer, topic):
    with pytest.raises(PhraseValidationError) as refused:
        services.phrase_create(actor=writer, key="taker", **_content(topic, shortcut="/eta", hotkey="Ctrl+Alt+1"))
    assert refused.value.message_dict == {"shortcut": [SHORTCUT_TAKEN], "hotkey": [HOTKEY_TAKEN]}
    assert not Phrase.objects.filter(key="taker").exists()


def test_service_refuses_an_edit_onto_a_trigger_held_by_live_text(live_holder, make_phrase, writer):
    other = make_phrase(key="other")
    with pytest.raises(PhraseValidationError) as refused:
        services.phrase_update(phrase=other, actor=writer, changes={"shortcut": "/eta"})
    assert refused.value.message_dict == {"shortcut": [SHORTCUT_TAKEN]}
    assert Phrase.objects.get(key="other").shortcut == ""


def test_api_refuses_a_trigger_held_by_live_text(live_holder, api_writer):
    response = api_writer.post("/api/v1/phrases/", {"key": "taker", **_content(
        "delivery", shortcut="/eta", hotkey="Ctrl+Alt+1")}, format="json")
    assert response.status_code == 400
    body = str(response.json())
    assert SHORTCUT_TAKEN in body and HOTKEY_TAKEN in body
    assert not Phrase.objects.filter(key="taker").exists()


def test_editor_page_refuses_a_trigger_held_by_live_text(live_holder, client, writer, topic):
    client.force_login(writer)
    response = client.post("/phrases/new/", {**_content(topic.pk, shortcut="/eta", hotkey="Ctrl+Alt+1"),
                                             "key": "taker", "note": "", "save": "1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert SHORTCUT_TAKEN in page and HOTKEY_TAKEN in page
    assert not Phrase.objects.filter(key="taker").exists()


def test_admin_refuses_a_trigger_held_by_live_text(live_holder, client, writer, topic):
    client.force_login(_staff(writer))
    response = client.post(reverse("admin:phrases_phrase_add"), {
        **_content(topic.pk, shortcut="/eta", hotkey="Ctrl+Alt+1"), "key": "taker", "keywords": "[]"})
    assert response.status_code == 200
    page = response.content.decode()
    assert SHORTCUT_TAKEN in page and HOTKEY_TAKEN in page
    assert not Phrase.objects.filter(key="taker").exists()


def test_import_refuses_a_draft_taking_a_trigger_held_by_live_text(live_holder):
    document = {"format": "quickphrases/v1", "phrases": [
        {"key": "taker", **_content("delivery", shortcut="/eta", hotkey="Ctrl+Alt+1"), "status": "draft"}]}
    with pytest.raises(ImportRejected) as refused:
        services.library_import(document)
    assert {"key": "taker", "field": "shortcut", "message": SHORTCUT_TAKEN} in refused.value.problems
    assert {"key": "taker", "field": "hotkey", "message": HOTKEY_TAKEN} in refused.value.problems
    assert not Phrase.objects.filter(key="taker").exists()


def test_a_phrase_may_take_back_the_trigger_its_own_live_text_holds(live_holder, writer):
    services.phrase_update(phrase=live_holder, actor=writer, changes={"shortcut": "/eta"})
    assert Phrase.objects.get(key="holder").shortcut == "/eta"


# -- can() answers without raising, as check() decides ------------------------------------------

def test_can_answers_what_check_decides_without_raising(make_phrase, make_live_phrase, writer, reviewer, topic):
    draft, live = make_phrase(), make_live_phrase()
    assert ApproveAction(draft, actor=reviewer).can() is False  # a draft is not in review
    assert ConfirmAction(live, actor=reviewer).can() is True
    assert ConfirmAction(live, actor=writer).can() is False  # reviewers only
    assert RevertAction(live, actor=writer).can() is False
    assert CreateAction(actor=writer, key="new", content=_content(topic)).can() is False
    assert CreateAction(actor=writer, key="fine-key", content=_content(topic)).can() is True
    assert not Phrase.objects.filter(key="fine-key").exists()  # asking changes nothing


def test_each_version_records_its_action_as_data(make_phrase, writer, reviewer):
    phrase = make_phrase()
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_reject(phrase=phrase, actor=reviewer, comment="Уточните сроки.")
    actions = [version.version_action for version in phrase.history.order_by("history_id")]
    assert actions == [{"action": "create"}, {"action": "submit"},
                       {"action": "reject", "comment": "Уточните сроки."}]
