"""POST /api/v1/suggest/ and /suggest/feedback/: shape, abstaining, languages, permissions, live text only,
and bad input answered with 400 naming the field."""
import pytest

from phrases import services
from phrases.models import Phrase, Topic
from suggestions.models import SuggestionFeedback

SUGGEST, FEEDBACK = "/api/v1/suggest/", "/api/v1/suggest/feedback/"


def test_suggestions_are_search_hits_with_score_and_why(api, starter, model):
    response = api["operator"].post(SUGGEST, {"message": "мне привезли не тот товар, заказывал белый чайник, а пришёл "
                                                         "синий", "language": "ru"}, format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["language"] == "ru"
    assert 1 <= len(data["results"]) <= 3
    first = data["results"][0]
    assert first["key"] == "apology-wrong-item-ru"
    assert set(first) >= {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "score", "why"}
    assert 0 < first["score"] <= 1 and first["why"]
    scores = [hit["score"] for hit in data["results"]]
    assert scores == sorted(scores, reverse=True)


def test_limit_bounds_the_number_of_suggestions(api, starter, model):
    message = "добрый день, спасибо, всего доброго, до свидания"
    one = api["operator"].post(SUGGEST, {"message": message, "language": "ru", "limit": 1}, format="json").json()
    assert len(one["results"]) <= 1


def test_nothing_fitting_gives_an_empty_list(api, starter, model):
    response = api["operator"].post(SUGGEST, {"message": "zxqv wrrrt plmkj", "language": "en"}, format="json")
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize("language, message", [
    ("en", "track 5 on the album is my favourite song"),   # shares "track" with the tracking phrase
    ("ru", "номер телефона пиццерии на углу"),              # shares «номер» with the order-number phrase
])
def test_shared_words_without_shared_meaning_give_an_empty_list(api, starter, model, language, message):
    """Word overlap alone is no evidence: a message about something else gets no suggestion."""
    response = api["operator"].post(SUGGEST, {"message": message, "language": language}, format="json")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_a_close_paraphrase_still_gets_suggestions(api, starter, model):
    data = api["operator"].post(SUGGEST, {"message": "where is my parcel? it should have arrived yesterday",
                                          "language": "en"}, format="json").json()
    assert data["results"]


def test_language_is_detected_when_not_given(api, starter, model):
    data = api["operator"].post(SUGGEST, {"message": "paczka miała być wczoraj, a dalej jej nie ma"},
                                format="json").json()
    assert data["language"] == "pl"
    assert data["results"] and all(hit["language"] == "pl" for hit in data["results"])
    data = api["operator"].post(SUGGEST, {"message": "my parcel is late, it was due on monday"}, format="json").json()
    assert data["language"] == "en"
    assert all(hit["language"] == "en" for hit in data["results"])


def test_given_language_limits_suggestions_to_it(api, starter, model):
    data = api["operator"].post(SUGGEST, {"message": "my parcel is late, it was due on monday", "language": "pl"},
                                format="json").json()
    assert data["language"] == "pl"
    assert all(hit["language"] == "pl" for hit in data["results"])


@pytest.mark.parametrize("role", ["operator", "writer", "reviewer", "superuser", "tool"])
def test_every_role_and_chat_tools_may_ask(api, starter, role):
    response = api[role].post(SUGGEST, {"message": "where is my refund", "language": "en"}, format="json")
    assert response.status_code == 200


def test_users_with_no_role_are_refused(client_for, django_user_model, starter):
    nobody = client_for(django_user_model.objects.create_user(username="no-role", password="x"))
    assert nobody.post(SUGGEST, {"message": "where is my refund", "language": "en"}, format="json").status_code == 403
    assert nobody.post(FEEDBACK, {"message": "where is my refund", "language": "en"},
                       format="json").status_code == 403
    assert not SuggestionFeedback.objects.exists()


def test_feedback_without_a_language_takes_the_message_s_own(api, starter):
    response = api["operator"].post(FEEDBACK, {"message": "gdzie jest mój zwrot pieniędzy", "chosen": "refund-status-pl"},
                                    format="json")
    assert response.status_code == 201
    assert SuggestionFeedback.objects.get().language == "pl"


def test_anonymous_callers_are_refused(api, starter):
    assert api["anonymous"].post(SUGGEST, {"message": "hi"}, format="json").status_code == 401
    assert api["anonymous"].post(FEEDBACK, {"message": "hi", "language": "en"}, format="json").status_code == 401
    assert not SuggestionFeedback.objects.exists()


def test_only_live_text_is_suggested(api, starter, model, writer, reviewer):
    phrase = Phrase.objects.get(key="apology-wrong-item-ru")
    live_body = phrase.live.body
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Черновик: мы всё перепутали, {client_name}."})
    services.phrase_create(actor=writer, key="draft-wrong-item-ru", title="Не тот товар (черновик)",
                           body="Прислали не тот товар? Заменим.", topic=phrase.topic, language="ru")
    data = api["operator"].post(SUGGEST, {"message": "прислали не тот товар, заказывал белый чайник а пришёл синий",
                                          "language": "ru", "limit": 5}, format="json").json()
    keys = [hit["key"] for hit in data["results"]]
    assert "draft-wrong-item-ru" not in keys
    assert "apology-wrong-item-ru" in keys
    hit = next(hit for hit in data["results"] if hit["key"] == "apology-wrong-item-ru")
    assert hit["body"] == live_body


@pytest.mark.parametrize("payload, field", [
    ({}, "message"),
    ({"message": ""}, "message"),
    ({"message": "   "}, "message"),
    ({"message": 5}, "message"),
    ({"message": "x" * 2001}, "message"),
    ({"message": "hello", "language": "de"}, "language"),
    ({"message": "hello", "limit": 0}, "limit"),
    ({"message": "hello", "limit": 6}, "limit"),
    ({"message": "hello", "limit": "many"}, "limit"),
    ({"message": "hello", "colour": "red"}, "colour"),
])
def test_bad_suggest_input_is_a_400_naming_the_field(api, starter, payload, field):
    response = api["operator"].post(SUGGEST, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


@pytest.mark.parametrize("payload, field", [
    ({"language": "en", "chosen": "refund-status-en"}, "message"),
    ({"message": "where is my money", "language": "en", "chosen": None, "source": "chat"}, "source"),
    ({"message": "where is my money", "language": "xx"}, "language"),
    ({"message": "where is my money", "language": "en", "chosen": "no-such-phrase"}, "chosen"),
    ({"message": "where is my money", "language": "en", "dismissed": ["no-such-phrase"]}, "dismissed"),
    ({"message": "where is my money", "language": "en", "dismissed": "refund-status-en"}, "dismissed"),
    ({"message": "where is my money", "language": "en", "chosen": "refund-status-en",
      "dismissed": ["refund-status-en"]}, "dismissed"),
])
def test_bad_feedback_is_a_400_naming_the_field_and_stores_nothing(api, starter, payload, field):
    response = api["operator"].post(FEEDBACK, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not SuggestionFeedback.objects.exists()


def test_feedback_is_stored_masked(api, starter, operator):
    response = api["operator"].post(FEEDBACK, {
        "message": "заказ 123456 не пришёл, пишите на anna.k@example.com или звоните +7 (912) 345-67-89",
        "language": "ru", "chosen": "delivery-delay-ru", "dismissed": ["refund-status-ru"]}, format="json")
    assert response.status_code == 201
    stored = SuggestionFeedback.objects.get()
    assert stored.user == operator
    assert stored.chosen_key == "delivery-delay-ru" and stored.dismissed_keys == ["refund-status-ru"]
    for secret in ("123456", "anna.k", "example.com", "912", "345"):
        assert secret not in stored.message
    assert "[email]" in stored.message and "[phone]" in stored.message and "[number]" in stored.message


def test_feedback_to_a_phrase_that_is_not_live_is_refused(api, starter, writer):
    services.phrase_create(actor=writer, key="only-a-draft", title="Черновик", body="Текст.",
                           topic=Topic.objects.first(), language="ru")
    response = api["operator"].post(FEEDBACK, {"message": "привет", "language": "ru", "chosen": "only-a-draft"},
                                    format="json")
    assert response.status_code == 400 and "chosen" in response.json()
