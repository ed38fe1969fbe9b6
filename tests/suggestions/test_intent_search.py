"""Intent search: a paraphrase whose words barely match finds its phrase through the sentence model, while
shortcuts and well-matching words rank exactly as the word search alone ranks them."""
from phrases.search import search_phrases
from phrases.search.live_index import live_index


def _keys(query, **kwargs):
    return [hit.key for hit in search_phrases(query, **kwargs)]


def _words_only(query, language):
    return [hit.key for hit in live_index.current().search(query, language=language, limit=10)]


def test_a_paraphrase_finds_its_phrase(starter, model):
    query = "посылка опаздывает уже на три дня"
    assert _keys(query, language="ru")[0] == "delivery-delay-ru"


def test_shortcuts_and_good_word_matches_are_left_as_they_were(starter, model):
    for query, language in (("/sorry", "ru"), ("Извинение ошибка в заказе", "ru"), ("refund status", "en"),
                            ("ghbdtn", "ru")):
        assert _keys(query, language=language) == _words_only(query, language)
