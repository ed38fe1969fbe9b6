"""Language families in search: the operator's language first, a family once, recency and usage by family."""
import pytest

from phrases.search.index import PhraseIndex
from tests.search.conftest import document


def wait_family(hotkey=""):
    """The same reply in three languages, sharing the shortcut /wait and one keyword."""
    return [
        document("wait-ru", "Минуту, пожалуйста", "Одну минуту, я уточню информацию.", language="ru",
                 shortcut="/wait", hotkey=hotkey, keywords=("sekunda",), family="wait"),
        document("wait-en", "One moment please", "Just a moment, I am checking this for you.", language="en",
                 shortcut="/wait", keywords=("sekunda",), family="wait"),
        document("wait-pl", "Chwileczkę", "Proszę chwilę poczekać, sprawdzam informacje.", language="pl",
                 shortcut="/wait", keywords=("sekunda",), family="wait"),
    ]


@pytest.fixture
def index():
    return PhraseIndex.build(wait_family() + [
        document("late-ru", "Курьер опаздывает", "Курьер немного задерживается.", language="ru", shortcut="/late"),
        document("late-en", "Courier is late", "The courier is running a little late.", language="en",
                 shortcut="/late"),
    ])


def keys(hits):
    return [hit.key for hit in hits]


@pytest.mark.parametrize("first", ["ru", "en", "pl"])
def test_a_shared_shortcut_shows_the_family_once_in_the_operator_first_language(index, first):
    hits = index.search("/wait", prefer_languages=[first])
    assert keys(hits) == [f"wait-{first}"]
    assert sorted(v["language"] for v in hits[0].variants) == sorted({"ru", "en", "pl"} - {first})
    assert hits[0].family == "wait"


def test_variants_come_in_the_operator_order_with_their_text(index):
    hit = index.search("/wait", prefer_languages=["ru", "pl", "en"])[0]
    assert [v["key"] for v in hit.variants] == ["wait-pl", "wait-en"]
    assert hit.variants[1]["body"] == "Just a moment, I am checking this for you."
    assert hit.as_dict()["variants"][0] == {"key": "wait-pl", "language": "pl", "title": "Chwileczkę",
                                             "body": "Proszę chwilę poczekać, sprawdzam informacje.",
                                             "shortcut": "/wait", "hotkey": None}


def test_phrases_outside_a_family_keep_one_hit_per_language(index):
    assert keys(index.search("/late", prefer_languages=["en"])) == ["late-en", "late-ru"]
    assert index.search("/late")[0].variants == ()


def test_words_of_one_language_find_that_variant_whatever_the_operator_language(index):
    assert keys(index.search("moment please", prefer_languages=["ru"]))[:1] == ["wait-en"]
    assert keys(index.search("chwileczke", prefer_languages=["ru"]))[:1] == ["wait-pl"]
    # Russian typed on the English layout ("минуту") finds the Russian variant for an English operator.
    assert keys(index.search("vbyene", prefer_languages=["en"]))[:1] == ["wait-ru"]


def test_a_keyword_all_variants_carry_shows_the_first_language(index):
    for first in ("pl", "ru"):
        assert keys(index.search("sekunda", prefer_languages=[first])) == [f"wait-{first}"]


def test_a_shared_hotkey_names_the_family_in_the_operator_language():
    index = PhraseIndex.build([d if d.language != "en" else d.__class__(**{**d.__dict__, "hotkey": "Ctrl+Alt+1"})
                               for d in wait_family(hotkey="Ctrl+Alt+1")])
    assert keys(index.search("Ctrl+Alt+1", prefer_languages=["en"])) == ["wait-en"]
    assert keys(index.search("Ctrl+Alt+1", prefer_languages=["ru"])) == ["wait-ru"]


def test_usage_of_one_variant_never_promotes_its_language(index):
    index.usage = {"wait-en": 50, "late-ru": 1}
    assert keys(index.search("/wait", prefer_languages=["ru"])) == ["wait-ru"]
    # …but it does count for the family against other phrases.
    assert keys(index.most_used(["wait-en"], prefer_languages=["ru"], limit=1)) == ["wait-ru"]


def test_recent_and_pinned_keys_rank_the_family_and_the_language_order_picks_the_variant(index):
    hits = index.most_used(["wait-en", "wait-pl", "late-en"], prefer_languages=["ru"], limit=3)
    assert keys(hits) == ["wait-ru", "late-en", "late-ru"]


def test_a_language_filter_shows_that_language_and_still_lists_the_others(index):
    hits = index.search("/wait", language="en", prefer_languages=["ru"])
    assert keys(hits) == ["wait-en"]
    assert {v["language"] for v in hits[0].variants} == {"ru", "pl"}


def test_the_empty_query_lists_each_family_once(index):
    listed = keys(index.most_used([], prefer_languages=["pl"], limit=10))
    assert listed.count("wait-pl") == 1 and not {"wait-en", "wait-ru"} & set(listed)


def test_approvals_since_the_build_join_and_leave_their_family(index):
    index.remove("wait-ru")
    assert keys(index.search("/wait", prefer_languages=["ru"])) == ["wait-en"]
    index.add(document("wait-ru", "Минуту", "Одну минуту.", language="ru", shortcut="/wait", family="wait"))
    hits = index.search("/wait", prefer_languages=["ru"])
    assert keys(hits) == ["wait-ru"] and len(hits[0].variants) == 2
    index.add(document("hold-ru", "Подождите", "Подождите, пожалуйста.", language="ru", shortcut="/hold",
                       family="hold"))
    index.add(document("hold-en", "Please hold", "Please hold on.", language="en", shortcut="/hold", family="hold"))
    assert keys(index.search("/hold", prefer_languages=["en"])) == ["hold-en"]


def test_a_saved_index_keeps_its_families(index, tmp_path):
    PhraseIndex.build(wait_family()).save(tmp_path)
    loaded = PhraseIndex.load(tmp_path)
    hits = loaded.search("/wait", prefer_languages=["pl"])
    assert keys(hits) == ["wait-pl"] and len(hits[0].variants) == 2
