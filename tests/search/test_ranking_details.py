"""How the index orders what it finds, on libraries built in memory: equal matches come in key order
however many tie, each keyboard reading of a query keeps its best phrases when the other reading matches
many more, and special letters fold the same way in the index, the query and the highlights."""
import random
from functools import partial

from phrases.search.index import PhraseIndex
from phrases.search.normalize import fold_letters
from tests.search.conftest import document

_doc = partial(document, language="en")


def test_equal_matches_come_in_key_order_even_when_more_tie_than_are_shown():
    same = [_doc(f"parcel-{n:02d}", "Parcel", "Your parcel is on its way.") for n in range(15)]
    random.Random(3).shuffle(same)  # built in no particular order
    index = PhraseIndex.build([*same, _doc("zz-parcel-lost", "Parcel lost", "We are looking for your parcel.")])

    hits = index.search("parcel", limit=5)

    assert [hit.key for hit in hits] == ["parcel-00", "parcel-01", "parcel-02", "parcel-03", "parcel-04"]
    assert len({hit.score for hit in hits}) == 1


def test_a_better_match_is_not_held_back_by_key_order():
    index = PhraseIndex.build([
        _doc("a-refund", "Refund", "The refund is on its way."),
        _doc("b-refund", "Refund", "The refund is on its way."),
        _doc("z-refund-card", "Refund to the card", "The refund to your card takes five days."),
    ])

    assert [hit.key for hit in index.search("refund card", limit=3)] == ["z-refund-card", "a-refund", "b-refund"]


def test_each_keyboard_reading_keeps_its_best_when_the_other_matches_many_more():
    # "руддщ" is "hello" typed on the Russian layout; "order" alone matches sixty other phrases.
    orders = [_doc(f"order-{n:02d}", f"Order {n}", f"Your order number {n} is ready.") for n in range(60)]
    index = PhraseIndex.build([*orders, _doc("hello-order", "Hello", "Hello! Your order is ready.")])

    keys = [hit.key for hit in index.search("руддщ order", limit=10)]

    assert keys[0] == "hello-order"
    assert all(key.startswith("order-") for key in keys[1:]) and len(keys) == 10


def test_every_special_letter_folds_and_keeps_the_length():
    assert fold_letters("zażółć gęślą jaźń, ёлка, łódź") == "zazolc gesla jazn, елка, lodz"
    assert fold_letters("plain ascii") == "plain ascii"


def test_polish_and_yo_words_are_found_without_their_marks_and_highlighted_as_written():
    body = "Źdźbło, łódź i żółć: zwrot w ciągu 5 dni. Ёлку привезём завтра."
    index = PhraseIndex.build([_doc("mixed", "Zażółć gęślą jaźń", body, language="pl")])

    (hit,) = index.search("zazolc lodz")

    assert [hit.title[a:b] for a, b in hit.highlights["title"]] == ["Zażółć"]
    assert [hit.body[a:b] for a, b in hit.highlights["body"]] == ["łódź"]
    (yo,) = index.search("елку привезем")
    assert [yo.body[a:b] for a, b in yo.highlights["body"]] == ["Ёлку", "привезём"]
