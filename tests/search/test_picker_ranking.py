"""Ranking for the operator's picker: shortcut completion, hotkeys, language preference, why a phrase
matched, and what an empty query lists."""
import pytest

from phrases import services
from phrases.models import Phrase
from phrases.search import search_phrases
from tests.search.conftest import LIBRARY

pytestmark = pytest.mark.django_db

HOTKEYS = {"greeting-ru": "Ctrl+Alt+1", "delivery-eta-ru": "Ctrl+Alt+2", "refund-timing-en": "Ctrl+Shift+1"}
EXTRA = [
    {"key": "apology-en", "title": "Apology", "topic": "refunds", "language": "en", "shortcut": "/sorry",
     "body": "We are truly sorry for the delay.", "keywords": []},
    {"key": "sorting-en", "title": "Sorting the catalogue", "topic": "payment", "language": "en",
     "shortcut": "/catalog", "body": "You can sort goods by price, so the cheapest come first.", "keywords": []},
    {"key": "returns-en", "title": "How to return an item", "topic": "refunds", "language": "en",
     "shortcut": "/return", "body": "Send the item back within 14 days.", "keywords": []},
    {"key": "welcome-back-en", "title": "Welcome back", "topic": "greeting", "language": "en",
     "shortcut": "/returning", "body": "Nice to see a returning client again!", "keywords": []},
    {"key": "order-status-en", "title": "Where is my order", "topic": "delivery", "language": "en",
     "shortcut": "/where", "body": "Your order {order_id} is on its way.", "keywords": []},
    {"key": "mir-ru", "title": "Мир и порядок", "topic": "delivery", "language": "ru",
     "shortcut": "/mir", "body": "Мы за мир и ордер на доставку.", "keywords": []},
]


@pytest.fixture
def picker_library(db):
    phrases = [{**p, "hotkey": HOTKEYS.get(p["key"]), "status": "approved"} for p in LIBRARY["phrases"] + EXTRA]
    services.library_import({**LIBRARY, "phrases": phrases})


def keys_of(query, **kwargs):
    return [hit.key for hit in search_phrases(query, **kwargs)]


@pytest.mark.parametrize("query, language, expected", [
    ("/ret", "en", "returns-en"),      # /return before the longer /returning
    ("/retu", None, "returns-en"),
    ("/sor", "en", "apology-en"),      # before the phrase whose body says "sort"
    ("/so", "en", "apology-en"),
    ("/cr", "ru", "installment-ru"),   # /credit
    (".скув", "ru", "installment-ru"),  # "/cred" typed on the Russian layout
    (".ыщ", "en", "apology-en"),       # "/so" on the Russian layout
    ("/RET", "en", "returns-en"),
])
def test_typed_shortcut_prefix_ranks_its_phrase_first(picker_library, query, language, expected):
    assert keys_of(query, language=language)[0] == expected


def test_shortcut_completions_come_shortest_first_and_before_any_text_match(picker_library):
    ranked = search_phrases("/ret", language="en")
    assert [h.key for h in ranked[:2]] == ["returns-en", "welcome-back-en"]
    assert [h.match for h in ranked[:2]] == ["shortcut", "shortcut"]
    assert all(h.match == "text" for h in ranked[2:])


def test_shortcut_prefix_respects_the_language_filter(picker_library):
    assert keys_of("/ref", language="pl") == ["refund-timing-pl"] + [
        k for k in keys_of("/ref", language="pl")[1:] if k.endswith("-pl")]
    assert "refund-timing-en" not in keys_of("/ref", language="pl")


def test_a_lone_slash_lists_shortcuts_shortest_first(picker_library):
    hits = search_phrases("/", language="ru", limit=3)
    assert [h.shortcut for h in hits] == ["/hi", "/eta", "/mir"]  # 2 letters, then 3 (A–Z by key)
    assert all(h.match == "shortcut" for h in hits)


def test_exact_shortcut_still_beats_a_longer_completion(picker_library):
    assert keys_of("/return", language="en")[:2] == ["returns-en", "welcome-back-en"]


def test_preferred_language_wins_among_equal_matches(picker_library):
    assert keys_of(".рш", prefer_languages=["ru"])[0] == "greeting-ru"
    assert keys_of("/hi", prefer_languages=["pl", "en"])[:3] == ["greeting-pl", "greeting-en", "greeting-ru"]
    assert keys_of("/ref", prefer_languages=["pl"])[0] == "refund-timing-pl"


def test_an_explicit_language_filter_overrides_the_preference(picker_library):
    assert keys_of("/hi", language="en", prefer_languages=["ru"]) == ["greeting-en"]


def test_latin_words_found_as_typed_beat_their_transliteration(picker_library):
    # "mir" is also «мир» transliterated, "order" also «ордер»; the English words as typed win.
    assert keys_of("my order")[0] == "order-status-en"


@pytest.mark.parametrize("query", ["Ctrl+Alt+1", "ctrl+alt+1", "CTRL + ALT + 1", "ctrl alt 1", "^!1"])
def test_hotkey_query_finds_exactly_that_hotkeys_phrase(picker_library, query):
    hits = search_phrases(query)
    assert [h.key for h in hits] == ["greeting-ru"]
    assert hits[0].match == "hotkey"


def test_hotkey_query_other_modifiers_find_their_own_phrase(picker_library):
    assert keys_of("ctrl+shift+1") == ["refund-timing-en"]
    assert keys_of("Ctrl+Alt+2")[0] == "delivery-eta-ru"


def test_modifiers_being_typed_list_the_phrases_with_those_hotkeys(picker_library):
    assert set(keys_of("Ctrl+Alt+")[:2]) == {"greeting-ru", "delivery-eta-ru"}


def test_hit_carries_topic_name_and_why_it_matched(picker_library):
    hit = search_phrases("рассрочку", language="ru")[0]
    assert (hit.key, hit.topic, hit.topic_name, hit.match) == ("installment-ru", "payment", "Оплата", "text")
    # «Рассрочка» in the title and «рассрочку» in the body, found through the stem.
    assert [hit.title[a:b] for a, b in hit.highlights["title"]] == ["Рассрочка"]
    assert [hit.body[a:b] for a, b in hit.highlights["body"]] == ["рассрочку"]


@pytest.mark.parametrize("query, language, key, title_words, body_words", [
    ("рассро", "ru", "installment-ru", ["Рассрочка"], ["рассрочку"]),                   # prefix
    ("расрочка", "ru", "installment-ru", ["Рассрочка"], []),                             # typo
    ("hfcchjxrf", "ru", "installment-ru", ["Рассрочка"], ["рассрочку"]),                 # layout, then stem
    ("rassrochka", "ru", "installment-ru", ["Рассрочка"], []),                           # transliteration
    ("zwrot pieniedzy", "pl", "refund-timing-pl", ["zwrotu", "pieniędzy"], ["Zwrot", "pieniędzy"]),
    ("подъем на этаж", "ru", "lift-ru", ["Подъём", "на", "этаж"], ["Подъём", "на", "этаж"]),
])
def test_highlights_point_at_the_matched_words_in_the_original_text(picker_library, query, language, key,
                                                                      title_words, body_words):
    hit = next(h for h in search_phrases(query, language=language) if h.key == key)
    assert [hit.title[a:b] for a, b in hit.highlights["title"]] == title_words
    assert [hit.body[a:b] for a, b in hit.highlights["body"]] == body_words


def test_highlights_skip_placeholders(picker_library):
    hit = next(h for h in search_phrases("order", language="en") if h.key == "order-status-en")
    assert [hit.body[a:b] for a, b in hit.highlights["body"]] == ["order"]  # not the {order_id} placeholder


def test_shortcut_and_hotkey_hits_say_how_they_matched(picker_library):
    assert search_phrases("/eta", language="ru")[0].match == "shortcut"
    assert search_phrases("Ctrl+Alt+2")[0].match == "hotkey"


def test_empty_query_lists_pinned_then_recent_then_most_used(picker_library, operator, writer):
    def use(key, user, times=1):
        for _ in range(times):
            services.phrase_record_use(phrase=Phrase.objects.get(key=key), user=user, client="test")

    use("lift-ru", operator, times=5)      # the operator's most used, but long ago in this list
    use("pickup-ru", operator)
    use("greeting-en", operator)           # the most recent use
    use("apology-en", writer, times=9)     # everyone's most used
    hits = search_phrases("", user=operator, pinned_keys=["refund-timing-pl", "cancel-order-en"], limit=6)
    assert [h.key for h in hits] == ["refund-timing-pl", "cancel-order-en", "greeting-en", "pickup-ru",
                                     "lift-ru", "apology-en"]


def test_empty_query_respects_filters_and_skips_unknown_pins(picker_library, operator):
    services.phrase_record_use(phrase=Phrase.objects.get(key="greeting-ru"), user=operator, client="test")
    hits = search_phrases("", user=operator, language="en", pinned_keys=["no-such-key", "lift-ru", "apology-en"],
                          limit=2)
    assert hits[0].key == "apology-en"
    assert all(h.language == "en" for h in hits)


def test_empty_query_for_a_new_operator_prefers_their_languages(picker_library, operator):
    hits = search_phrases("", user=operator, prefer_languages=["pl"], limit=3)
    assert all(h.language == "pl" for h in hits)
