"""Intent search: a paraphrase whose words barely match finds its phrase through the sentence model, while
shortcuts and well-matching words rank exactly as the word search alone ranks them; the team's picks from
searches and suggestions pull a phrase up for a similar weak search, one operator at most half way."""
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


SEARCHED = "клиент требует позвать руководителя"        # what operators searched, then used the phrase
SIMILAR_SEARCH = "клиент хочет поговорить с руководством"  # a colleague's later search
PICKED = "complaint-empathy-ru"                         # fourth for SIMILAR_SEARCH before anyone picks it


def _search_pick(user, times=1):
    from suggestions import services
    from suggestions.learning import learned_cache
    from suggestions.models import SuggestionFeedback

    for _ in range(times):
        services.feedback_record(user=user, message=SEARCHED, language="ru", chosen=PICKED, dismissed=[],
                                 source=SuggestionFeedback.Source.SEARCH)
    learned_cache.reset()


def test_the_teams_search_picks_bring_their_phrase_first_for_a_similar_search(starter, model, operators):
    assert _keys(SIMILAR_SEARCH, language="ru")[0] != PICKED
    unrelated = _keys("пусть подождёт ещё немного", language="ru")
    for user in operators[:2]:
        _search_pick(user)
    assert _keys(SIMILAR_SEARCH, language="ru")[0] == PICKED
    assert _keys("пусть подождёт ещё немного", language="ru") == unrelated


def test_one_operators_repeated_search_picks_do_not_put_a_phrase_first(starter, model, operators):
    _search_pick(operators[0], times=6)
    assert _keys(SIMILAR_SEARCH, language="ru")[0] != PICKED


def test_picks_leave_shortcuts_and_good_word_matches_as_they_were(starter, model, operators):
    from suggestions import services
    from suggestions.learning import learned_cache

    queries = (("/sorry", "ru"), ("Извинение ошибка в заказе", "ru"), ("refund status", "en"))
    for user in operators[:2]:
        for query, language in queries:
            services.feedback_record(user=user, message=query, language=language, chosen=f"farewell-{language}",
                                     dismissed=[], source="search")
    learned_cache.reset()
    for query, language in queries:
        assert _keys(query, language=language) == _words_only(query, language)


def _dev_library():
    import json
    from pathlib import Path

    from django.conf import settings

    from phrases import services

    root = Path(settings.BASE_DIR)
    services.library_import(json.loads((root / "tests" / "data" / "dev_library.json").read_text(encoding="utf-8")))
    return root


def test_a_phrase_clearly_closest_in_meaning_comes_before_one_sharing_a_word(db, model):
    _dev_library()
    query = "money taken two times"
    assert _words_only(query, "en")[:1] != ["payment-double-en"]
    assert _keys(query, language="en")[0] == "payment-double-en"


def test_own_intent_queries_find_their_phrase_first(db, model):
    """16 operator paraphrases written for the development library (suggestions/eval/own_intent_queries.jsonl;
    15 first, README)."""
    import json

    root = _dev_library()
    rows = [json.loads(line) for line in (root / "suggestions" / "eval" / "own_intent_queries.jsonl")
            .read_text(encoding="utf-8").splitlines() if line]
    first = sum(_keys(row["q"], language=row["lang"])[:1] in ([key] for key in row["expect"]) for row in rows)
    assert first >= 15
