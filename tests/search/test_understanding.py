"""What the search understands: each kind of operator input finds the right phrase first."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query, language, expected", [
    ("/eta", "ru", "delivery-eta-ru"),
    ("eta", "ru", "delivery-eta-ru"),
    ("/ETA", None, "delivery-eta-ru"),
    (".уеф", None, "delivery-eta-ru"),  # "/eta" typed on the Russian layout
])
def test_exact_shortcut_comes_first_with_or_without_slash(keys, library, query, language, expected):
    assert keys(query, language=language)[0] == expected


def test_shortcut_shared_across_languages_returns_each_language(keys, library):
    assert set(keys("/hi")[:3]) == {"greeting-ru", "greeting-en", "greeting-pl"}
    assert keys("/hi", language="pl")[0] == "greeting-pl"


@pytest.mark.parametrize("query, language, expected", [
    ("рассро", "ru", "installment-ru"),
    ("пункт выд", "ru", "pickup-ru"),
    ("part ref", "en", "partial-refund-en"),
])
def test_last_word_counts_as_a_prefix(keys, library, query, language, expected):
    assert keys(query, language=language)[0] == expected


@pytest.mark.parametrize("query, language, expected", [
    ("расрочка", "ru", "installment-ru"),        # missing letter
    ("сроки доствки", "ru", "delivery-eta-ru"),   # missing letter in the second word
    ("refnud timing", "en", "refund-timing-en"),  # swapped letters
    ("курьер опаздвыает", "ru", "courier-late-ru"),  # two edits in a long word
])
def test_one_or_two_typos_per_word(keys, library, query, language, expected):
    assert keys(query, language=language)[0] == expected


@pytest.mark.parametrize("query, language, expected", [
    ("ghbdtn", "ru", "greeting-ru"),             # «привет» on the English layout
    ("hfcchjxrf", None, "installment-ru"),       # «рассрочка»
    ("зфкешфд каугтв", "en", "partial-refund-en"),  # "partial refund" on the Russian layout
    ("gjl/#v yf 'nf;", "ru", "lift-ru"),          # «подъём на этаж»: ё, ж and э keys too
])
def test_wrong_keyboard_layout_both_ways(keys, library, query, language, expected):
    assert keys(query, language=language)[0] == expected


@pytest.mark.parametrize("query", ["rassrochka", "rassrochku", "rasrochka", "kurer opazdyvaet", "kurjer opazdyvajet"])
def test_russian_in_latin_letters_in_common_transliterations(keys, library, query):
    expected = "installment-ru" if query.startswith("ras") else "courier-late-ru"
    assert keys(query, language="ru")[0] == expected


@pytest.mark.parametrize("query, language, expected", [
    ("рассрочку", "ru", "installment-ru"),
    ("курьеры опаздывали", "ru", "courier-late-ru"),
    ("cancelled orders", "en", "cancel-order-en"),
    ("zwrotu pieniędzy", "pl", "refund-timing-pl"),
])
def test_other_word_forms_through_stems(keys, library, query, language, expected):
    assert keys(query, language=language)[0] == expected


@pytest.mark.parametrize("query, language, expected", [
    ("zwrot pieniedzy", "pl", "refund-timing-pl"),
    ("platnosc nieudana", "pl", "payment-failed-pl"),
    ("подъем на этаж", "ru", "lift-ru"),
    ("ПОДЪЁМ!!! на этаж?", "ru", "lift-ru"),
])
def test_case_punctuation_diacritics_and_yo_are_ignored(keys, library, query, language, expected):
    assert keys(query, language=language)[0] == expected


def test_keywords_find_phrases_their_text_does_not_mention(keys, library):
    assert keys("пвз", language="ru")[0] == "pickup-ru"
    assert keys("money back", language="en")[0] == "refund-timing-en"


def test_title_weighs_more_than_body(keys, make_live_phrase):
    make_live_phrase(key="in-body", title="Сроки", body="Гарантия на товар действует год.", shortcut="/a1")
    make_live_phrase(key="in-title", title="Гарантия", body="Срок указан в чеке.", shortcut="/a2")
    assert keys("гарантия") == ["in-title", "in-body"]


def test_language_and_topic_filters(keys, library):
    assert all(key.endswith("-pl") for key in keys("zwrot", language="pl"))
    assert set(keys("заказ", topic="delivery")) <= {"delivery-eta-ru", "courier-late-ru", "pickup-ru", "lift-ru"}
    assert keys("заказ", topic="delivery-pickup") == ["pickup-ru"]  # a child topic alone
    assert "pickup-ru" in keys("заказ", topic="delivery")          # a parent includes its children


def test_among_equal_matches_the_more_used_phrase_ranks_higher(keys, library, operator):
    from phrases import services
    from phrases.models import Phrase
    from phrases.search.live_index import live_index

    before = keys("/hi")
    least = before[-1]
    phrase = Phrase.objects.get(key=least)
    for _ in range(3):
        services.phrase_record_use(phrase=phrase, user=operator, client="test")
    live_index.reset()
    assert keys("/hi")[0] == least


def test_empty_query_gives_the_operators_recent_phrases_then_everyones_most_used(keys, library, operator, writer):
    from phrases import services
    from phrases.models import Phrase
    from phrases.search import search_phrases

    for key, times in (("lift-ru", 3), ("pickup-ru", 1)):
        for _ in range(times):
            services.phrase_record_use(phrase=Phrase.objects.get(key=key), user=operator, client="test")
    services.phrase_record_use(phrase=Phrase.objects.get(key="greeting-en"), user=writer, client="test")
    hits = search_phrases("", user=operator, limit=3)
    assert [h.key for h in hits] == ["pickup-ru", "lift-ru", "greeting-en"]  # most recent first
    assert [h.key for h in search_phrases("   ", user=operator, language="en", limit=1)] == ["greeting-en"]


def test_hit_has_the_contract_fields(library):
    from phrases.search import search_phrases

    hit = search_phrases("/eta", language="ru")[0].as_dict()
    assert set(hit) >= {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "score"}
    assert set(hit) - {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "score"} == {
        "topic_name", "highlights", "match", "family", "variants"}
    assert (hit["topic"], hit["shortcut"], hit["hotkey"]) == ("delivery", "/eta", None)
    assert 0 < hit["score"] <= 1
