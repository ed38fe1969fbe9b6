"""GET /api/v1/search/: the contract's shape, clear 400s, and a pinned query count."""
import pytest

from phrases.search.live_index import live_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index():
    live_index.reset()
    yield
    live_index.reset()


def test_results_in_contract_shape_best_first(api, make_live_phrase):
    make_live_phrase(key="greeting-ru", title="Приветствие", body="Здравствуйте! Чем могу помочь?", shortcut="/hi")
    make_live_phrase(key="wait-ru", title="Ожидание", body="Одну минуту, пожалуйста.", shortcut="/wait")
    results = api["tool"].get("/api/v1/search/", {"q": "ghbdtn", "language": "ru"}).json()["results"]
    assert results[0]["key"] == "greeting-ru"
    assert set(results[0]) == {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "score",
                               "topic_name", "highlights", "match"}  # the contract's keys, plus why it matched
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
