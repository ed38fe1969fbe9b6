"""Searches that ended with no pick: recorded through /suggest/feedback/ (source "search", chosen null) with
the same masking and retention as client messages, counted once per operator and need, and shown among the
missing replies on /health/ with "Draft a phrase for this"."""
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils import timezone

from suggestions import services
from suggestions.models import SuggestionFeedback
from suggestions.selectors import missing_replies
from suggestions.templatetags.suggestions_tags import draft_link

FEEDBACK = "/api/v1/suggest/feedback/"


def _abandon(client, query, **extra):
    return client.post(FEEDBACK, {"message": query, "chosen": None, "source": "search", **extra}, format="json")


def test_a_search_that_ended_with_no_use_is_stored_masked_with_its_language_detected(api, starter, operator):
    response = _abandon(api["operator"], "возврат по заказу 778812 на карту 4276 1234")
    assert response.status_code == 201 and response.json() == {"recorded": True}
    stored = SuggestionFeedback.objects.get()
    assert stored.source == SuggestionFeedback.Source.SEARCH
    assert stored.chosen_key == "" and stored.dismissed_keys == []
    assert stored.language == "ru" and stored.user == operator
    assert "778812" not in stored.message and "4276" not in stored.message
    assert stored.message.startswith("возврат по заказу [number]")


def test_the_language_given_for_a_search_is_kept(api, starter):
    assert _abandon(api["operator"], "refund to card", language="en").status_code == 201
    assert SuggestionFeedback.objects.get().language == "en"


@pytest.mark.parametrize("query", ["/ret", "/", "Ctrl+Alt+1", "ctrl alt 2", "^!3", "ab", "  ok  ", "12345", "!!!"])
def test_shortcuts_hotkeys_and_a_few_letters_are_not_stored(api, starter, query):
    response = _abandon(api["operator"], query)
    assert response.status_code == 200 and response.json() == {"recorded": False}
    assert not SuggestionFeedback.objects.exists()


def test_a_search_ending_in_a_use_is_a_pick_for_its_words(api, starter):
    response = api["operator"].post(FEEDBACK, {"message": "refund card", "language": "en",
                                               "chosen": "refund-status-en", "source": "search"}, format="json")
    assert response.status_code == 201
    assert SuggestionFeedback.objects.get().chosen_key == "refund-status-en"


def test_the_same_unanswered_search_by_the_same_operator_counts_once_for_a_while(api, starter, operator, writer):
    for _ in range(3):
        _abandon(api["operator"], "оплата биткоинами")
    assert SuggestionFeedback.objects.count() == 1
    assert _abandon(api["writer"], "оплата биткоинами").status_code == 201  # another person: another need
    assert SuggestionFeedback.objects.count() == 2
    SuggestionFeedback.objects.filter(user=operator).update(
        created_at=timezone.now() - services.SEARCH_REPEAT_WINDOW - timedelta(seconds=1))
    assert _abandon(api["operator"], "оплата биткоинами").status_code == 201  # later: asked again
    assert SuggestionFeedback.objects.count() == 3


def test_a_client_message_is_never_skipped_as_a_repeat(api, starter):
    for _ in range(2):
        response = api["operator"].post(FEEDBACK, {"message": "оплата биткоинами", "language": "ru", "chosen": None},
                                        format="json")
        assert response.status_code == 201
    assert SuggestionFeedback.objects.count() == 2


@pytest.mark.parametrize("payload, field", [
    ({"message": "оплата биткоинами", "source": "chat"}, "source"),
    ({"message": "оплата биткоинами", "source": "search", "language": "de"}, "language"),
    ({"message": "", "source": "search"}, "message"),
    ({"message": ["оплата"], "source": "search"}, "message"),
    ({"message": "оплата биткоинами", "source": "search", "chosen": 5}, "chosen"),
])
def test_bad_search_feedback_is_a_400_naming_the_field(api, starter, payload, field):
    response = api["operator"].post(FEEDBACK, payload, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not SuggestionFeedback.objects.exists()


def test_abandoned_searches_are_deleted_after_the_retention(starter, operator, settings):
    settings.QUICKPHRASES_SUGGEST_RETENTION_DAYS = 90
    services.feedback_record(user=operator, message="оплата биткоинами", language="ru", chosen=None, dismissed=[],
                             source="search")
    SuggestionFeedback.objects.update(created_at=timezone.now() - timedelta(days=91))
    assert services.purge_expired_suggestion_data() == 1
    assert not SuggestionFeedback.objects.exists()


def test_recurring_abandoned_searches_are_missing_replies_with_counts_and_a_draft_link(starter, model, operator,
                                                                                       writer, reviewer):
    for user, query in [(operator, "оплата биткоинами"), (writer, "можно ли платить биткоинами"),
                        (reviewer, "оплата криптовалютой биткоин")]:
        services.feedback_record(user=user, message=query, language="ru", chosen=None, dismissed=[],
                                 source="search")
    services.feedback_record(user=operator, message="принимаете ли вы оплату биткоинами? заказ 5521", language="ru",
                             chosen=None, dismissed=[])
    (group,) = missing_replies()
    assert group["language"] == "ru" and group["count"] == 4 and group["searches"] == 3
    assert "оплата биткоинами" in group["examples"]
    assert all("5521" not in example for example in group["examples"])
    params = parse_qs(urlparse(draft_link(group)).query)
    assert params["language"] == ["ru"] and params["topic"]
    assert "searches: 3" in params["note"][0] and "оплата биткоинами" in params["note"][0]


def test_health_shows_searches_among_missing_replies_and_drafts_from_them(client, writer, operator, reviewer,
                                                                          starter):
    for user in (operator, reviewer):
        services.feedback_record(user=user, message="оплата биткоинами", language="ru", chosen=None, dismissed=[],
                                 source="search")
    client.force_login(writer)
    response = client.get("/health/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert "оплата биткоинами" in page and "including 2 searches" in page and "Asked 2 times" in page
    (group,) = response.context["groups"]
    assert group["searches"] == 2
    editor = client.get(group["draft_url"])
    assert editor.status_code == 200
    assert editor.context["form"].initial["language"] == "ru"
    note = editor.context["form"].initial["note"]
    assert "Operators searched for this 2 times" in note and "оплата биткоинами" in note
