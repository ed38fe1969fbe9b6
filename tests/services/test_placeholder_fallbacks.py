"""Placeholders with a fallback, `{client_name|there}` (contract section 2): validated like every
placeholder, one grammar for the whole app, used when the operator leaves the placeholder empty."""
import pytest

from phrases.errors import PhraseValidationError
from phrases.lint import lint_text
from phrases.models import Phrase
from phrases.placeholders import Slot, fallbacks_in, fill, placeholders_in, segments

pytestmark = pytest.mark.django_db


def test_a_phrase_with_fallbacks_is_valid_and_keeps_them(make_phrase):
    phrase = make_phrase(body="{client_name|Здравствуйте}, заказ {order_id} будет {date|скоро}.")
    assert Phrase.objects.get(pk=phrase.pk).body.startswith("{client_name|Здравствуйте}")
    assert placeholders_in(phrase.body) == ["client_name", "order_id", "date"]


@pytest.mark.parametrize("body, fragment", [
    ("{client_name|}, заказ в пути.", "is empty"),
    ("{client_name|   }, заказ в пути.", "is empty"),
    ("{client_name|a|b}, заказ в пути.", "more than one"),
    ("{client_name|" + "x" * 61 + "}, заказ в пути.", "too long"),
    ("{tracking|нет}, заказ в пути.", "Unknown placeholder {tracking}"),
    ("{client_name|{date}}, заказ в пути.", "unbalanced"),
])
def test_a_bad_fallback_is_refused_naming_the_body(make_phrase, body, fragment):
    count = Phrase.objects.count()
    with pytest.raises(PhraseValidationError) as error:
        make_phrase(body=body)
    assert fragment in " ".join(error.value.message_dict["body"])
    assert Phrase.objects.count() == count


def test_the_linter_accepts_a_fallback_and_flags_a_bad_one():
    assert not [f for f in lint_text("{client_name|Клиент}, спасибо за ожидание.", "ru")
                if f.rule == "unknown-placeholder"]
    assert [f for f in lint_text("{client_name|}, спасибо за ожидание.", "ru") if f.rule == "unknown-placeholder"]


def test_segments_fallbacks_and_fill_follow_the_grammar():
    body = "Hi {client_name|there}, {client_name|there}! Order {order_id}, {date|soon}; {date}."
    assert segments(body)[1] == Slot("client_name", "there")
    # {date} appears once without a fallback, so it must be filled in.
    assert fallbacks_in(body) == {"client_name": "there"}
    assert fill(body, {"order_id": "42", "date": " "}) == "Hi there, there! Order 42, soon; ."
    assert fill(body, {"client_name": "Anna", "order_id": "42", "date": "May 5"}) == (
        "Hi Anna, Anna! Order 42, May 5; May 5.")


def test_the_editor_explains_a_bad_fallback(client, writer, topic):
    client.force_login(writer)
    response = client.post("/phrases/new/", {"title": "Привет", "body": "{client_name|}, привет.", "topic": topic.pk,
                                             "language": "ru", "key": "hello-ru", "action": "save"})
    assert response.status_code in (200, 400) and "is empty" in response.content.decode()


def test_an_import_with_a_bad_fallback_changes_nothing_and_names_the_phrase_and_field():
    from phrases.errors import ImportRejected
    from phrases.services.library_import import library_import

    document = {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
                "phrases": [{"key": "hi-ru", "title": "Привет", "body": "{client_name|}, привет.", "topic": "delivery",
                             "language": "ru", "status": "approved"},
                            {"key": "ok-ru", "title": "Хорошо", "body": "{client_name|Клиент}, всё хорошо.",
                             "topic": "delivery", "language": "ru", "status": "approved"}]}
    with pytest.raises(ImportRejected) as error:
        library_import(document, actor=None)
    assert [(p["key"], p["field"]) for p in error.value.problems] == [("hi-ru", "body")]
    assert not Phrase.objects.exists()
    document["phrases"] = document["phrases"][1:]
    library_import(document, actor=None)
    assert Phrase.objects.get(key="ok-ru").body == "{client_name|Клиент}, всё хорошо."
