"""search(..., lazy=True): the same hits as a plain search, their texts and highlights built only on demand."""
import pytest

from phrases.search.index import PhraseIndex, ScoredHit
from tests.search.conftest import document
from tests.search.test_families import wait_family


@pytest.fixture
def index():
    return PhraseIndex.build(wait_family() + [
        document("late-ru", "Курьер опаздывает", "Курьер немного задерживается, извините.", language="ru",
                 shortcut="/late"),
        document("late-en", "Courier is late", "The courier is running a little late.", language="en",
                 shortcut="/late"),
        document("parcel-en", "Where is my parcel", "Your parcel is on its way; the courier calls before.",
                 language="en", keywords=("delivery",)),
        document("refund-en", "Refund", "The refund reaches your card within five days.", language="en"),
    ])


@pytest.mark.parametrize("query, language", [
    ("the courier is late with my parcel", "en"),
    ("курьер опаздывает", "ru"),
    ("/late", None),
    ("/wa", None),
    ("refnd card", "en"),
])
def test_lazy_hits_have_the_keys_scores_and_matches_of_a_plain_search_and_build_the_same_hits(index, query,
                                                                                            language):
    plain = index.search(query, language=language, limit=40)
    lazy = index.search(query, language=language, limit=40, lazy=True)
    assert plain, query
    assert all(isinstance(scored, ScoredHit) for scored in lazy)
    assert [(s.key, s.score, s.match) for s in lazy] == [(h.key, h.score, h.match) for h in plain]
    assert [s.hit() for s in lazy] == plain


def test_a_lazy_hit_keeps_the_highlights_of_the_words_the_query_matched(index):
    [scored, *_] = index.search("courier late", language="en", lazy=True)
    hit = scored.hit()
    assert hit.key == "late-en"
    assert [hit.title[start:end] for start, end in hit.highlights["title"]] == ["Courier", "late"]
