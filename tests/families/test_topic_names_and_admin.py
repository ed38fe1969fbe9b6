"""Topics named in the reader's interface language everywhere; the admin in the team's language."""
import pytest
from django.core.exceptions import ValidationError

from phrases.models import Topic

pytestmark = pytest.mark.django_db

NAMES = {"ru": "Ожидание", "en": "Please wait", "pl": "Proszę czekać"}


@pytest.fixture
def waiting(db):
    return Topic.objects.create(slug="holding", name="Ожидание", names=NAMES)


def test_display_name_follows_the_language_and_falls_back(waiting):
    assert waiting.display_name("pl") == "Proszę czekać"
    waiting.names = {"en": "Please wait"}
    assert waiting.display_name("pl") == "Ожидание"  # no Polish name: `name`
    waiting.name, waiting.names = "", {"en": "Please wait"}
    assert waiting.display_name("pl") == "Please wait"  # nothing else: another language


def test_names_are_validated_on_the_model(waiting):
    waiting.names = {"de": "Warten"}
    with pytest.raises(ValidationError) as error:
        waiting.full_clean()
    assert "names" in error.value.message_dict


@pytest.mark.parametrize("language, name", [("pl", "Proszę czekać"), ("en", "Please wait"), ("ru", "Ожидание")])
def test_pages_show_the_topic_in_the_interface_language(client, writer, waiting, make_phrase, language, name):
    make_phrase(key="hold-ru", topic=waiting)
    client.force_login(writer)
    listed = client.get("/phrases/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f"<td>{name}</td>" in listed
    assert f">{name}</option>" in listed  # the topic filter too
    search = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f">{name}</option>" in search  # the operator page's topic filter


def test_the_admin_speaks_russian_and_polish(client, superuser, make_phrase):
    make_phrase()  # the action menu shows only over a list with rows
    client.force_login(superuser)
    index = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Библиотека фраз" in index and "Правила стиля" in index and "Фразы" in index
    phrases = client.get("/admin/phrases/phrase/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "Zatwierdź wybrane frazy" in phrases
    groups = client.get("/admin/auth/group/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "recenzenci" in groups and "konsultanci" in groups
    rules = client.get("/admin/lint/rulesetting/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Проверка орфографии" in rules and "Настройки правил" in rules


def test_the_admin_edits_topic_names_as_three_fields(client, superuser, waiting):
    client.force_login(superuser)
    answer = client.post(f"/admin/phrases/topic/{waiting.pk}/change/", {
        "slug": "holding", "name": "Ожидание", "order": 0, "name_ru": "Ожидание", "name_en": "Hold on",
        "name_pl": ""})
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert Topic.objects.get(pk=waiting.pk).names == {"ru": "Ожидание", "en": "Hold on"}
