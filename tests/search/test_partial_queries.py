"""A query where some words match nothing still finds the phrases the other words match, ranked by how
much of the query each phrase matches; "nothing found" only when no word matches anything."""
import pytest

from phrases.search.index import PhraseIndex
from tests.search.conftest import LIBRARY, document


@pytest.fixture(scope="module")
def index():
    documents = [document(p["key"], p["title"], p["body"], language=p["language"], shortcut=p["shortcut"],
                          keywords=p["keywords"]) for p in LIBRARY["phrases"]]
    # A library of realistic size, so a word that matches nothing weighs what it would in production.
    documents += [document(f"filler-{n}", f"Ответ номер {n}", f"Текст ответа {n} про оплату и заказ.")
                  for n in range(3000)]
    return PhraseIndex.build(documents)


def keys(index, query, **filters):
    return [hit.key for hit in index.search(query, limit=5, **filters)]


@pytest.mark.parametrize("query, language", [
    ("курьер опоздал", None),      # the phrase says «опаздывает»
    ("курьер опоздал", "ru"),
    ("kurier", "ru"),              # transliterated, with a Russian filter
    ("kurier opozdal", "ru"),
    ("курьер qwzx", None),         # a word that is no word at all
])
def test_the_words_that_match_still_find_the_phrase(index, query, language):
    assert keys(index, query, language=language)[0] == "courier-late-ru"


def test_a_phrase_matching_more_of_the_query_ranks_first(index):
    assert keys(index, "курьер задерживается qwzx")[0] == "courier-late-ru"
    hits = index.search("курьер немного задерживается", limit=5)
    partial = index.search("курьер qwzx", limit=5)
    assert hits[0].score > partial[0].score  # every word matching beats one of two


def test_nothing_found_only_when_no_word_matches(index):
    assert keys(index, "qwzx vbnmq") == []
