"""The operator's language first in the search and suggest APIs: the order comes from the profile's phrase
languages, else the interface language, else Accept-Language; a family shows once with its `variants`."""
import pytest

from phrases.search.live_index import live_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_search_index")]

WAIT = {
    "ru": ("Минуту, пожалуйста", "Одну минуту, пожалуйста, я уточню информацию по заказу."),
    "en": ("One moment please", "One moment please, I am checking the information on your order."),
    "pl": ("Chwileczkę", "Proszę o chwilę cierpliwości, sprawdzam informacje o zamówieniu."),
}


def import_family(family, shortcut, texts, topic="waiting"):
    """Approved phrases of one family through the library import (the path that sets `family` today)."""
    from phrases import services

    services.library_import({"format": "quickphrases/v1", "topics": [{"slug": topic, "name": topic, "parent": None}],
                             "phrases": [{"key": f"{family}-{language}", "title": title, "body": body,
                                          "topic": topic, "language": language, "shortcut": shortcut,
                                          "keywords": [], "status": "approved", "family": family}
                                         for language, (title, body) in texts.items()]})
    live_index.reset()


@pytest.fixture
def wait_family(db):
    import_family("wait", "/wait", WAIT)


def first(client, query="/wait", **headers):
    results = client.get("/api/v1/search/", {"q": query}, **headers).json()["results"]
    return [hit["key"] for hit in results]


def set_profile(user, interface="", languages=()):
    from accounts.services import profile_update

    profile_update(user=user, interface_language=interface, phrase_languages=list(languages), display_name="",
                   review_emails=True)


@pytest.mark.parametrize("accept, expected", [("ru-RU,ru;q=0.9,en;q=0.8", "wait-ru"), ("pl", "wait-pl"),
                                              ("en-GB,en;q=0.9", "wait-en"), ("de-DE,pl;q=0.5", "wait-pl")])
def test_a_new_operator_gets_the_browser_language(api, wait_family, accept, expected):
    assert first(api["operator"], HTTP_ACCEPT_LANGUAGE=accept) == [expected]


def test_the_interface_language_outranks_the_browser(api, operator, wait_family):
    set_profile(operator, interface="pl")
    assert first(api["operator"], HTTP_ACCEPT_LANGUAGE="ru") == ["wait-pl"]


def test_the_profile_phrase_languages_outrank_the_interface_language(api, operator, wait_family):
    set_profile(operator, interface="pl", languages=["en", "ru"])
    results = api["operator"].get("/api/v1/search/", {"q": "/wait"}, HTTP_ACCEPT_LANGUAGE="ru").json()["results"]
    assert [hit["key"] for hit in results] == ["wait-en"]
    assert [(v["key"], v["language"]) for v in results[0]["variants"]] == [("wait-ru", "ru"), ("wait-pl", "pl")]
    assert results[0]["family"] == "wait"


def test_a_chat_tool_gets_the_request_accept_language(api, wait_family):
    assert first(api["tool"], HTTP_ACCEPT_LANGUAGE="pl-PL") == ["wait-pl"]


def test_the_conversation_language_wins_for_the_request(api, operator, wait_family):
    set_profile(operator, languages=["ru"])
    results = api["operator"].get("/api/v1/search/", {"q": "/wait", "prefer": "pl"}).json()["results"]
    assert [hit["key"] for hit in results] == ["wait-pl"]
    response = api["operator"].get("/api/v1/search/", {"q": "/wait", "prefer": "xx"})
    assert response.status_code == 400 and "prefer" in response.json()


def test_english_words_find_the_english_variant_for_a_russian_operator(api, wait_family):
    assert first(api["operator"], "checking information order", HTTP_ACCEPT_LANGUAGE="ru")[:1] == ["wait-en"]


def test_recent_use_of_the_english_variant_keeps_russian_first(api, operator, wait_family, make_live_phrase):
    make_live_phrase(key="thanks-ru", title="Спасибо", body="Спасибо за обращение!", language="ru",
                     shortcut="/thanks")
    live_index.reset()
    for _ in range(3):  # copied the English variant, several times
        assert api["operator"].post("/api/v1/phrases/wait-en/used/").status_code == 204
    live_index.reset()  # the usage counts as the next process start would read them
    assert first(api["operator"], "", HTTP_ACCEPT_LANGUAGE="ru")[:2] == ["wait-ru", "thanks-ru"]
    assert first(api["operator"], "/wait", HTTP_ACCEPT_LANGUAGE="ru") == ["wait-ru"]
    assert first(api["operator"], "/wait", HTTP_ACCEPT_LANGUAGE="pl") == ["wait-pl"]


def test_search_query_count_stays_pinned_with_families(api, wait_family, django_assert_max_num_queries):
    api["operator"].get("/api/v1/search/", {"q": "/wait"})
    live_index.refresh_now()
    with django_assert_max_num_queries(4):  # session user + groups + revision check + profile
        assert first(api["operator"], HTTP_ACCEPT_LANGUAGE="pl") == ["wait-pl"]


def test_suggestions_follow_the_client_language_and_carry_the_variants(api, operator, wait_family):
    set_profile(operator, languages=["ru"])
    response = api["operator"].post("/api/v1/suggest/", {"message": "Proszę sprawdzić informacje o zamówieniu",
                                                         "language": "pl"}, format="json")
    data = response.json()
    assert data["language"] == "pl"
    assert [hit["key"] for hit in data["results"]][:1] == ["wait-pl"]
    assert [v["key"] for v in data["results"][0]["variants"]] == ["wait-ru", "wait-en"]
    assert data["results"][0]["family"] == "wait"
