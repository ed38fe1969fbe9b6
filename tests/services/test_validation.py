"""Validation at the model/service level: every rejection names the phrase and the field."""
import pytest

from phrases import services
from phrases.errors import PhraseValidationError
from phrases.models import Phrase

pytestmark = pytest.mark.django_db


def _rejected(make_phrase, **fields):
    count = Phrase.objects.count()
    with pytest.raises(PhraseValidationError) as error:
        make_phrase(**fields)
    assert Phrase.objects.count() == count
    return error.value


@pytest.mark.parametrize("key", ["Has Spaces", "кириллица", "", "x" * 101])
def test_key_must_be_a_slug(make_phrase, key):
    error = _rejected(make_phrase, key=key)
    assert "key" in error.message_dict


def test_key_is_unique(make_phrase):
    make_phrase(key="greeting-ru")
    error = _rejected(make_phrase, key="greeting-ru")
    assert "key" in error.message_dict
    assert "greeting-ru" in str(error)


def test_shortcut_is_unique_per_language_only(make_phrase):
    make_phrase(shortcut="/eta", language="ru")
    make_phrase(shortcut="/eta", language="en", body="Your order arrives {date}.")
    error = _rejected(make_phrase, shortcut="/eta", language="ru", key="eta-again")
    assert "eta-again" in str(error)
    assert "shortcut" in str(error)


@pytest.mark.parametrize("shortcut", ["/e", "/waytoolongshortcut", "/eta!", "/eta\n", "/e ta", "/\u212aey"])
def test_shortcut_form(make_phrase, shortcut):
    assert "shortcut" in _rejected(make_phrase, shortcut=shortcut).message_dict


@pytest.mark.parametrize("shortcut", ["eta", "/ETA", "Eta"])
def test_shortcut_is_stored_lower_case_with_its_slash(make_phrase, shortcut):
    """The one normalisation at every door (README): case and the leading "/" do not matter."""
    assert make_phrase(shortcut=shortcut).shortcut == "/eta"


@pytest.mark.parametrize("hotkey", ["Ctrl+Alt+1", "Ctrl+Shift+7", "Alt+F5", "Ctrl+Win+K", "Ctrl+Alt+Shift+Win+Z"])
def test_hotkey_accepts_contract_form(make_phrase, hotkey):
    assert make_phrase(hotkey=hotkey).hotkey == hotkey


@pytest.mark.parametrize("hotkey", ["ctrl+alt+1", "Ctrl+Alt", "Alt+Ctrl+1", "Ctrl+Alt+12", "Shift+A", "1", "Ctrl+Alt+a"])
def test_hotkey_form(make_phrase, hotkey):
    assert "hotkey" in _rejected(make_phrase, hotkey=hotkey).message_dict


def test_hotkey_unique_across_languages(make_phrase):
    make_phrase(hotkey="Ctrl+Alt+1", language="ru")
    error = _rejected(make_phrase, hotkey="Ctrl+Alt+1", language="en", key="hello-en")
    assert "hotkey" in str(error) and "hello-en" in str(error)


@pytest.mark.parametrize("body, fragment", [
    ("{client_name}, заказ {tracking} уже в пути.", "{tracking}"),
    ("{client_name, заказ в пути.", "unbalanced"),
    ("Заказ в пути}.", "unbalanced"),
    ("{{client_name}}, заказ в пути.", "unbalanced"),
])
def test_placeholders_only_from_configured_list_and_balanced(make_phrase, body, fragment):
    error = _rejected(make_phrase, body=body)
    assert fragment in " ".join(error.message_dict["body"])


def test_placeholder_list_is_configurable(make_phrase, settings):
    settings.QUICKPHRASES_PLACEHOLDERS = ["client_name", "tracking"]
    assert make_phrase(body="{client_name}, трек-номер {tracking}.").pk


@pytest.mark.parametrize("field, value", [
    ("title", ""), ("title", "т" * 121), ("body", ""), ("body", "б" * 2001),
    ("language", "russian"), ("keywords", "не список"), ("keywords", ["ok", 5]),
])
def test_length_and_type_limits(make_phrase, field, value):
    assert field in _rejected(make_phrase, **{field: value}).message_dict


def test_unknown_topic_slug_is_rejected(make_phrase):
    assert "topic" in _rejected(make_phrase, topic="no-such-topic").message_dict


def test_failed_update_changes_nothing(make_phrase, writer):
    phrase = make_phrase(shortcut="/eta")
    with pytest.raises(PhraseValidationError) as error:
        services.phrase_update(phrase=phrase, actor=writer, changes={"shortcut": "/eta!", "title": "Новое"})
    assert "shortcut" in error.value.message_dict
    fresh = Phrase.objects.get(pk=phrase.pk)
    assert (fresh.shortcut, fresh.title, fresh.history.count()) == ("/eta", phrase.title, phrase.history.count())
