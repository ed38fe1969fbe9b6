"""GET /api/v1/search/: the contract's shape, clear 400s, and a pinned query count."""
import pytest

from phrases.search.live_index import live_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_search_index")]


def test_results_in_contract_shape_best_first(api, make_live_phrase):
    make_live_phrase(key="greeting-ru", title="Приветствие", body="Здравствуйте! Чем могу помочь?", shortcut="/hi")
    make_live_phrase(key="wait-ru", title="Ожидание", body="Одну минуту, пожалуйста.", shortcut="/wait")
    results = api["tool"].get("/api/v1/search/", {"q": "ghbdtn", "language": "ru"}).json()["results"]
    assert results[0]["key"] == "greeting-ru"
    assert set(results[0]) == {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "score",
                               "topic_name", "highlights", "match", "family", "variants"}  # the contract's keys, plus why it matched
    assert results[0]["match"] == "text"
    assert [results[0]["title"][a:b] for a, b in results[0]["highlights"]["title"]] == ["Приветствие"]


@pytest.mark.parametrize("params, field", [
    ({"q": "x" * 201}, "q"), ({"q": "a", "language": "xx"}, "language"), ({"q": "a", "limit": "0"}, "limit"),
    ({"q": "a", "limit": "many"}, "limit"), ({"q": "a", "topic": "nowhere"}, "topic"),
])
def test_bad_input_is_a_clear_400(api, params, field):
    response = api["operator"].get("/api/v1/search/", params)
    assert response.status_code == 400 and field in response.json() and response.json()["detail"]


def test_search_query_count_is_pinned(api, make_live_phrase, django_assert_max_num_queries):
    for number in range(10):
        make_live_phrase(key=f"p{number}", title=f"Фраза {number}", shortcut=f"/p{number}")
    api["operator"].get("/api/v1/search/", {"q": "фраза"})
    live_index.refresh_now()
    with django_assert_max_num_queries(4):  # session user + groups + revision check (+ token)
        assert len(api["operator"].get("/api/v1/search/", {"q": "фраза"}).json()["results"]) == 10


def test_the_operator_phrase_languages_rank_first_without_a_language_filter(api, operator, make_live_phrase):
    from accounts.services import profile_update

    make_live_phrase(key="hello-en", title="Hello", body="Hello!", shortcut="/hi", language="en")
    make_live_phrase(key="hello-pl", title="Hello", body="Hello!", shortcut="/hi", language="pl")
    for first in ("pl", "en"):
        profile_update(user=operator, interface_language="", phrase_languages=[first], display_name="",
                       review_emails=True)
        assert api["operator"].get("/api/v1/search/", {"q": "/hi"}).json()["results"][0]["language"] == first
    # An explicit filter still decides.
    results = api["operator"].get("/api/v1/search/", {"q": "/hi", "language": "pl"}).json()["results"]
    assert [r["key"] for r in results] == ["hello-pl"]


def test_the_empty_query_opens_on_the_operator_pins(api, operator, writer, make_live_phrase):
    from accounts.services import profile_set_pinned

    for key in ("a-ru", "b-ru", "c-ru"):
        make_live_phrase(key=key, title=key, body="Спасибо.")
    profile_set_pinned(user=operator, key="c-ru", pinned=True)
    profile_set_pinned(user=operator, key="b-ru", pinned=True)
    keys = [r["key"] for r in api["operator"].get("/api/v1/search/", {"q": ""}).json()["results"]]
    assert keys[:2] == ["c-ru", "b-ru"]
    # Pins are personal.
    assert [r["key"] for r in api["writer"].get("/api/v1/search/", {"q": ""}).json()["results"]][:2] != ["c-ru", "b-ru"]


def test_empty_query_with_pins_has_a_pinned_query_count(api, operator, make_live_phrase, django_assert_max_num_queries):
    from accounts.services import profile_set_pinned

    for number in range(10):
        make_live_phrase(key=f"p{number}", title=f"Фраза {number}", body="Спасибо.")
        profile_set_pinned(user=operator, key=f"p{number}", pinned=True)
    api["operator"].get("/api/v1/search/", {"q": ""})
    live_index.refresh_now()
    # token user + groups + revision check + the operator's phrase languages, pins, and recent uses
    with django_assert_max_num_queries(7):
        assert len(api["operator"].get("/api/v1/search/", {"q": ""}).json()["results"]) == 10
