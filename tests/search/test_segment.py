"""The frozen segment and the overlay: stored text comes back as it went in, a saved index answers as the
built one, approvals and removals after the build keep every phrase found once, and the word lookups
(typos, prefixes) see words added after the build as if they had been there from the start."""
import pickle
import random
from dataclasses import replace

import numpy as np
import pytest
from rapidfuzz.distance import OSA

from phrases.search.index import PhraseIndex
from phrases.search.segment import ARRAYS
from phrases.search.vocabulary import MIN_TYPO_LENGTH, FormIndex
from tests.search.conftest import document as _doc


def _keys(index, query, **kwargs):
    return [hit.key for hit in index.search(query, **kwargs)]


def _listed(index, pinned=(), **kwargs):
    return [hit.key for hit in index.most_used(list(pinned), limit=kwargs.pop("limit", 50), **kwargs)]


AWKWARD = [
    _doc("thanks-en", "Thanks a lot 🎉", "We appreciate 👍 your patience, {client_name}! 🙏🏽", language="en",
         topic="greeting", topic_id=1, shortcut="/thx", keywords=("gratitude 💐", "merci"), topic_name="Greeting"),
    _doc("zwrot-pl", "Zwrot pieniędzy", "Źdźbło, łódź i żółć: zwrot {amount} zł w ciągu 5 dni.", language="pl",
         topic="refunds", topic_id=2, hotkey="Ctrl+Alt+1", keywords=("zażółć gęślą jaźń",), topic_name="Zwroty"),
    _doc("lift-ru", "Подъём на этаж", "Ёлку поднимем за 150 ₽ — {date}.\n\tСпасибо!", topic="delivery", topic_id=3,
         shortcut="/lift", keywords=("подъем", "ЭТАЖ"), topic_name="Доставка"),
    _doc("unit-separator", "Title with \x1f inside", "The body keeps \x1f as it is", language="en", topic_id=4),
    _doc("no-body", "Семья 👩‍👩‍👧 ЁЖ Gdańsk", "", topic_id=5),
]


# -- stored text -------------------------------------------------------------------------------


@pytest.mark.parametrize("mmap", [None, True, False], ids=["built", "mapped", "read"])
def test_stored_text_round_trips_through_the_segment(tmp_path, mmap):
    """Emoji (with joiners and skin tones), placeholders, Polish and Russian letters, line breaks, a unit
    separator outside the keywords and an empty body come back exactly, also from a saved index."""
    index = PhraseIndex.build(AWKWARD)
    if mmap is not None:
        index.save(tmp_path)
        index = PhraseIndex.load(tmp_path, mmap=mmap)
    assert index.segment.size == len(AWKWARD)
    for document in AWKWARD:
        slot = index.slot_of(document.key)
        assert slot is not None and slot < index.segment.size
        assert index.document(slot) == document
    assert sorted(index.live_keys()) == sorted(document.key for document in AWKWARD)


def test_separators_inside_fields_are_stored_as_spaces():
    """NUL (the field separator) anywhere and the unit separator inside a keyword become spaces: the
    keywords keep their count and the neighbouring records are untouched."""
    document = _doc("separators", "Title\x00with NUL", "Body\x00with NUL", language="en",
                    keywords=("unit\x1fsep", "nul\x00byte", "both\x1f\x00"))
    neighbours = [_doc("aa-before", "Before", "x\x1fy"), _doc("zz-after", "After", keywords=("after",))]
    index = PhraseIndex.build([neighbours[0], document, neighbours[1]])
    assert index.document(index.slot_of("separators")) == replace(
        document, title="Title with NUL", body="Body with NUL", keywords=("unit sep", "nul byte", "both  "))
    for neighbour in neighbours:
        assert index.document(index.slot_of(neighbour.key)) == neighbour
    assert _keys(index, "byte") == ["separators"]
    hit = index.search("title nul")[0]
    assert (hit.key, hit.title, hit.body) == ("separators", "Title with NUL", "Body with NUL")


def test_hits_carry_the_stored_text_and_highlight_it_in_place():
    """A hit read from the segment has the phrase's original text, and its highlight spans index that
    text (after emoji and placeholders)."""
    index = PhraseIndex.build(AWKWARD)
    hit = index.search("patience")[0]
    body = AWKWARD[0].body
    assert (hit.key, hit.title, hit.body, hit.shortcut, hit.hotkey, hit.topic_name) == (
        "thanks-en", "Thanks a lot 🎉", body, "/thx", None, "Greeting")
    start = body.index("patience")
    assert hit.highlights == {"title": [], "body": [[start, start + len("patience")]]}
    hit = index.search("zwrot")[0]
    assert (hit.key, hit.hotkey, hit.language) == ("zwrot-pl", "Ctrl+Alt+1", "pl")
    assert hit.highlights["title"] == [[0, 5]]
    assert hit.highlights["body"] == [[AWKWARD[1].body.index("zwrot"), AWKWARD[1].body.index("zwrot") + 5]]
    assert _keys(index, "podjem") == ["lift-ru"]       # transliterated
    assert _keys(index, "елку") == ["lift-ru"]         # ё folded
    assert _keys(index, "zazolc") == ["zwrot-pl"]      # keyword, diacritics folded
    assert _keys(index, "gdansk") == ["no-body"]
    assert _keys(index, "Ctrl+Alt+1") == ["zwrot-pl"]
    assert _keys(index, "/thx") == ["thanks-en"]
    assert _keys(index, "client_name") == []           # placeholders are not words


# -- save and load -----------------------------------------------------------------------------

WORDS = ["доставка", "заказ", "курьер", "возврат", "оплата", "карта", "скидка", "адрес", "склад", "привет",
         "delivery", "order", "refund", "payment", "card", "discount", "address", "hello", "zwrot", "płatność",
         "pieniędzy", "zamówienie", "dostawa", "kurier"]


def _corpus(count, seed=7):
    rng = random.Random(seed)
    documents = list(AWKWARD)
    for n in range(count):
        language = rng.choice(["ru", "en", "pl"])
        title = " ".join(rng.sample(WORDS, 2)) + f" {rng.choice(WORDS)}{n}"
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
        shortcut = f"/s{n}" if n % 3 == 0 else ""
        hotkey = f"Ctrl+Alt+F{n % 12 + 1}" if n < 12 and n % 2 else ""
        documents.append(_doc(f"p-{rng.randrange(10**6):06d}-{n}", title, body, language=language,
                              topic_id=rng.randint(1, 6), shortcut=shortcut, hotkey=hotkey,
                              keywords=rng.sample(WORDS, rng.randint(0, 2))))
    return documents


QUERIES = [("доставка", {}), ("заказ курьер", {}), ("достафка", {}), ("платнос", {}), ("dostawa", {}),
           ("lfcnfdrf", {}), ("zakaz", {}), ("pieniedzy", {"language": "pl"}), ("order", {"topic_ids": [2, 3]}),
           ("/s1", {}), ("/s", {"limit": 20}), ("s3", {}), ("Ctrl+Alt+F2", {}), ("Ctrl+Alt+", {}),
           ("card refund", {"prefer_languages": ["en"]}), ("скидка47", {}), ("🎉", {}), ("", {})]


def _answers(index):
    answers = [[hit.as_dict() for hit in index.search(query, **kwargs)] for query, kwargs in QUERIES]
    answers.append([hit.as_dict() for hit in index.most_used(["lift-ru", "zwrot-pl", "missing"], limit=30)])
    answers.append([hit.as_dict() for hit in index.most_used([], language="en", topic_ids=[1, 2], limit=30)])
    answers.append([hit.as_dict() for hit in index.most_used([], prefer_languages=["pl", "en"], limit=30)])
    return answers


def _changes(index):
    """The same approvals and removals, applied to any index built from _corpus()."""
    keys = sorted(index.live_keys())
    for key in keys[5:40:3]:
        index.remove(key)
    for key in keys[41:60:4]:  # an edit: the new version replaces the segment's
        document = index.document(index.slot_of(key))
        index.add(replace(document, title="Обновлённая " + document.title, body=document.body + " холодильник"))
    index.add(_doc("added-ru", "Новинка холодильник", "Заказ доставка возврат", shortcut="/s0new", topic_id=2))
    index.add(_doc("added-en", "Brand new fridge", "order delivery", language="en", hotkey="Ctrl+Alt+F12"))
    index.remove(keys[45])  # an edited one: its overlay slot dies too


def test_a_saved_index_answers_as_the_built_one(tmp_path):
    """Saved and loaded (mapped or read), the index gives the same hits, scores and highlights for text,
    typo, layout, transliteration, shortcut and hotkey queries with every filter, and the same A–Z list."""
    built = PhraseIndex.build(_corpus(400))
    expected = _answers(built)
    assert all(expected[:3]) and expected[9] and expected[12]  # the queries do find something
    built.save(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [f"{name}.npy" for name in ARRAYS] + ["vocabulary.pickle"])
    mapped = PhraseIndex.load(tmp_path)
    assert all(isinstance(getattr(mapped.segment, name), np.memmap) for name in ARRAYS)
    read = PhraseIndex.load(tmp_path, mmap=False)
    assert not any(isinstance(getattr(read.segment, name), np.memmap) for name in ARRAYS)
    assert _answers(mapped) == expected
    assert _answers(read) == expected


def test_a_loaded_index_takes_approvals_and_removals_like_the_built_one(tmp_path):
    """The mapped arrays are read-only: approvals and removals on a loaded index change only its own
    per-process state, and it then answers as the built index given the same changes."""
    documents = _corpus(400)
    built = PhraseIndex.build(documents)
    built.save(tmp_path)
    mapped = PhraseIndex.load(tmp_path)
    assert not mapped.segment.df.flags.writeable
    _changes(built)
    _changes(mapped)
    assert _answers(mapped) == _answers(built)
    assert _keys(mapped, "холодильник", limit=50) == _keys(built, "холодильник", limit=50)
    assert "added-ru" in _keys(mapped, "холодильник", limit=50)
    assert PhraseIndex.load(tmp_path).live_keys() == [document.key for document in documents]  # files untouched


def test_only_a_freshly_built_index_can_be_saved(tmp_path):
    index = PhraseIndex.build(AWKWARD)
    index.remove("lift-ru")
    with pytest.raises(ValueError):
        index.save(tmp_path / "removed")
    index = PhraseIndex.build(AWKWARD)
    index.add(_doc("new", "Новая"))
    with pytest.raises(ValueError):
        index.save(tmp_path / "added")


def test_an_empty_index_saves_loads_and_grows(tmp_path):
    """An empty library maps (zero-length arrays) and takes its first approval, found by prefix and typo."""
    PhraseIndex.build([]).save(tmp_path)
    index = PhraseIndex.load(tmp_path)
    assert index.segment.size == 0 and index.search("заказ") == [] and index.most_used([]) == []
    index.add(_doc("first", "Холодильник", "Доставка холодильника"))
    assert _keys(index, "холодильник") == ["first"]
    assert _keys(index, "холод") == ["first"]
    assert _keys(index, "холодилник") == ["first"]
    assert _listed(index) == ["first"]


# -- slots -------------------------------------------------------------------------------------


def test_slot_of_finds_live_keys_only():
    """A built key has its slot; an unknown key, a key's prefix or extension, and a removed key have none
    (though the segment still holds the removed one's record)."""
    documents = [_doc(key, f"Фраза {key}") for key in ("a", "a-1", "ab", "b", "delivery-eta-ru")]
    index = PhraseIndex.build(documents)
    for slot, document in enumerate(documents):
        assert index.slot_of(document.key) == slot
    for key in ("", "a-", "a-11", "abc", "delivery-eta", "delivery-eta-ru ", "c"):
        assert index.slot_of(key) is None
    index.remove("ab")
    assert index.slot_of("ab") is None
    assert index.segment.slot_of("ab") == 2
    assert [index.slot_of(key) for key in ("a", "a-1", "b")] == [0, 1, 3]
    index.remove("ab")  # removing again is harmless
    index.remove("never-there")
    assert index.alive_count == 4 and index.dead_count == 1


def test_a_key_re_added_after_removal_lives_in_the_overlay_and_is_found_once():
    """Removed from the segment and approved again (twice), a phrase has one live slot past the segment:
    search, shortcut, hotkey and the A–Z list show it once, with its newest text only."""
    documents = [_doc("courier", "Курьер опаздывает", "Курьер будет через час", shortcut="/late",
                      hotkey="Ctrl+Alt+2"),
                 _doc("pickup", "Курьер не нужен", "Заберите заказ сами"),
                 _doc("zz-last", "Последняя", "Курьер")]
    index = PhraseIndex.build(documents)
    index.remove("courier")
    assert _keys(index, "опаздывает") == [] and _keys(index, "/late") == []
    index.add(replace(documents[0], body="Курьер будет через два часа"))
    index.add(replace(documents[0], title="Курьер задерживается", body="Курьер будет вечером"))
    slot = index.slot_of("courier")
    assert slot >= index.segment.size
    assert index.document(slot).title == "Курьер задерживается"
    assert sorted(_keys(index, "курьер")) == ["courier", "pickup", "zz-last"]
    assert _keys(index, "задерживается") == ["courier"]
    assert _keys(index, "опаздывает") == [] and _keys(index, "вечером") == ["courier"]
    assert _keys(index, "/late") == ["courier"] and _keys(index, "Ctrl+Alt+2") == ["courier"]
    assert _listed(index) == ["courier", "pickup", "zz-last"]
    assert _listed(index, ["courier", "courier", "pickup"]) == ["courier", "pickup", "zz-last"]
    assert index.alive_count == 3


def test_replacing_a_segment_phrase_without_removing_it_first_keeps_one_copy():
    """add() with a key the segment holds is an edit: the old version stops matching."""
    index = PhraseIndex.build([_doc("wait", "Ожидание", "Одну минуту", shortcut="/wait"), _doc("other", "Другое")])
    index.add(_doc("wait", "Пауза", "Секунду", shortcut="/pause"))
    assert _keys(index, "ожидание") == [] and _keys(index, "/wait") == []
    assert _keys(index, "пауза") == ["wait"] and _keys(index, "/pause") == ["wait"]
    assert _listed(index) == ["other", "wait"]
    assert index.alive_count == 2 and index.size == 3


# -- the empty query's A–Z tail ------------------------------------------------------------------

LISTED = [("b-ru", "ru", 1), ("d-en", "en", 2), ("f-ru", "ru", 2), ("h-pl", "pl", 1), ("j-en", "en", 1)]
APPROVED = [("a-en", "en", 1), ("c-ru", "ru", 2), ("g-pl", "pl", 2), ("i-ru", "ru", 1), ("k-en", "en", 2)]


def _listing_index():
    index = PhraseIndex.build([_doc(key, f"Фраза {key}", language=language, topic_id=topic)
                               for key, language, topic in LISTED])
    for key, language, topic in APPROVED:
        index.add(_doc(key, f"Фраза {key}", language=language, topic_id=topic))
    index.remove("f-ru")    # from the segment
    index.remove("k-en")    # from the overlay
    return index


def test_the_a_to_z_tail_merges_segment_and_overlay_in_key_order():
    index = _listing_index()
    assert _listed(index) == ["a-en", "b-ru", "c-ru", "d-en", "g-pl", "h-pl", "i-ru", "j-en"]
    assert _listed(index, limit=3) == ["a-en", "b-ru", "c-ru"]
    assert _listed(index, ["i-ru", "f-ru", "missing", "b-ru"], limit=4) == ["i-ru", "b-ru", "a-en", "c-ru"]


@pytest.mark.parametrize("filters, expected", [
    ({"language": "ru"}, ["b-ru", "c-ru", "i-ru"]),
    ({"language": "en"}, ["a-en", "d-en", "j-en"]),
    ({"topic_ids": [2]}, ["c-ru", "d-en", "g-pl"]),
    ({"language": "en", "topic_ids": [1]}, ["a-en", "j-en"]),
    ({"language": "de"}, []),
    ({"prefer_languages": ["pl", "en"]}, ["g-pl", "h-pl", "a-en", "d-en", "j-en", "b-ru", "c-ru", "i-ru"]),
    ({"prefer_languages": ["en"], "topic_ids": [1]}, ["a-en", "j-en", "b-ru", "h-pl", "i-ru"]),
])
def test_the_a_to_z_tail_honours_language_and_topic_filters(filters, expected):
    assert _listed(_listing_index(), **filters) == expected


def test_the_a_to_z_tail_reaches_past_a_long_run_of_filtered_out_phrases():
    """The segment's A–Z order is read in chunks: 2,500 Russian phrases before the English ones must not
    hide them, nor the approvals between them."""
    documents = [_doc(f"k-{n:05d}", f"Фраза {n}", language="ru" if n < 2500 else "en") for n in range(2510)]
    index = PhraseIndex.build(documents)
    index.add(_doc("k-02504a", "Added", language="en"))
    index.add(_doc("k-00001a", "Добавлена", language="ru"))
    assert _listed(index, language="en", limit=7) == [
        "k-02500", "k-02501", "k-02502", "k-02503", "k-02504", "k-02504a", "k-02505"]
    assert _listed(index, ["k-02509"], language="en", limit=3) == ["k-02509", "k-02500", "k-02501"]
    assert _listed(index, limit=4) == ["k-00000", "k-00001", "k-00001a", "k-00002"]


# -- word lookups: typos and prefixes, before and after the first sort -----------------------------

ALPHABET = "abcdeрстуё"  # few letters, so random words have many neighbours within one edit


def _random_words(rng, count, shortest=MIN_TYPO_LENGTH, longest=8):
    return list(dict.fromkeys("".join(rng.choice(ALPHABET) for _ in range(rng.randint(shortest, longest)))
                              for _ in range(count)))


def _typo(rng, word):
    """`word` with one random edit: a deletion, insertion, substitution or swap of neighbours."""
    position = rng.randrange(len(word))
    edit = rng.choice("disw" if len(word) > 1 else "is")
    if edit == "d":
        return word[:position] + word[position + 1:]
    if edit == "i":
        return word[:position] + rng.choice(ALPHABET) + word[position:]
    if edit == "s":
        return word[:position] + rng.choice(ALPHABET) + word[position + 1:]
    position = min(position, len(word) - 2)
    return word[:position] + word[position + 1] + word[position] + word[position + 2:]


def _forms(first, later=()):
    """A FormIndex of `first` sorted in (and pickled, as a snapshot is), then `later` added one by one."""
    forms = FormIndex()
    for token, word in enumerate(first):
        forms.add(word, token)
    forms.prepare()
    forms = pickle.loads(pickle.dumps(forms))
    for token, word in enumerate(later, start=len(first)):
        forms.add(word, token)
    return forms


def _within_one(word, vocabulary):
    """Every form at OSA distance exactly 1 (long enough to be looked up by typo), nearest then A–Z."""
    return sorted((form, 1) for form in vocabulary
                  if len(form) >= MIN_TYPO_LENGTH and OSA.distance(word, form) == 1)


def _queries(rng, vocabulary, count):
    queries = []
    for _ in range(count):
        kind = rng.randrange(3)
        if kind == 0:
            queries.append(rng.choice(vocabulary))
        elif kind == 1:
            queries.append(_typo(rng, rng.choice(vocabulary)))
        else:
            queries.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(3, 6))))
    return [query for query in queries if len(query) >= MIN_TYPO_LENGTH]


@pytest.mark.parametrize("later_share", [0.0, 0.1, 0.5], ids=["all-built", "some-later", "half-later"])
def test_one_typo_finds_exactly_every_form_within_one_edit(later_share):
    """For words of 3–6 letters, near(word, 1) is exactly the forms at one insertion, deletion,
    substitution or swap of neighbours (the word itself excluded), whether they were in the first sort or
    added since (checked against OSA distance over the whole vocabulary)."""
    rng = random.Random(20240611)
    vocabulary = _random_words(rng, 2500)
    cut = int(len(vocabulary) * (1 - later_share))
    forms = _forms(vocabulary[:cut], vocabulary[cut:])
    found_any = 0
    for query in _queries(rng, vocabulary, 400):
        if len(query) > 6:
            continue
        expected = _within_one(query, vocabulary)
        assert forms.near(query, 1, limit=10_000) == expected, query
        assert forms.near(query, 1) == expected[:12]
        found_any += bool(expected)
    assert found_any > 100


@pytest.mark.parametrize("later_share", [0.0, 0.3], ids=["all-built", "some-later"])
def test_two_typos_keep_every_form_within_one_edit_and_report_true_distances(later_share):
    """near(word, 2): every form one edit away is among the results; each result's distance is its OSA
    distance; the order is nearest first, then A–Z; when nothing is one edit away, every form two edits
    away of about the same length that shares the first letter or the last two is found."""
    rng = random.Random(99)
    vocabulary = _random_words(rng, 2500, longest=10)
    cut = int(len(vocabulary) * (1 - later_share))
    forms = _forms(vocabulary[:cut], vocabulary[cut:])
    only_far = 0
    for query in _queries(rng, vocabulary, 300):
        if len(query) < 4:
            continue
        found = forms.near(query, 2, limit=10_000)
        assert found == sorted(found, key=lambda item: (item[1], item[0])), query
        assert all(0 < OSA.distance(query, form) == distance <= 2 for form, distance in found), query
        ones = _within_one(query, vocabulary)
        assert [item for item in found if item[1] == 1] == ones, query
        if not ones:
            only_far += 1
            alike = {form for form in vocabulary if len(form) >= MIN_TYPO_LENGTH and OSA.distance(query, form) == 2
                     and abs(len(form) - len(query)) <= 2 and (form[0] == query[0] or form[-2:] == query[-2:])}
            assert alike <= {form for form, _ in found}, query
    assert only_far > 20


def test_typo_lookup_is_the_same_for_forms_added_after_the_first_sort():
    """A running server's approvals add forms after the first sort: near() answers as an index sorted with
    every form from the start."""
    rng = random.Random(5)
    vocabulary = _random_words(rng, 2000, longest=9)
    incremental = _forms(vocabulary[:1500], vocabulary[1500:])
    fresh = _forms(vocabulary)
    incremental.prepare()
    fresh.prepare()
    assert len(incremental._later) == len(vocabulary) - 1500 and not fresh._later  # the two paths differ
    for query in _queries(rng, vocabulary, 300):
        for distance in (1, 2):
            assert incremental.near(query, distance) == fresh.near(query, distance), (query, distance)


def test_forms_shorter_than_three_letters_are_never_typo_matches_even_when_added_later():
    """MIN_TYPO_LENGTH: a two-letter form is not filed for typo lookup at the first sort; one added later
    must not be found either (the answer must not depend on when the word was approved)."""
    built = _forms(["abcd", "xyz", "ab"])
    later = _forms(["abcd", "xyz"], ["ab"])
    assert built.near("abd", 1) == [("abcd", 1)]
    assert later.near("abd", 1) == built.near("abd", 1)


def test_prefixes_after_later_additions_match_a_fresh_index():
    """prefixed() merges the first sort with the forms added since: the same completions, shortest first
    (among the first limit × 4 A–Z), as an index sorted with every form from the start."""
    rng = random.Random(11)
    vocabulary = _random_words(rng, 3000, shortest=1, longest=8)
    incremental = _forms(vocabulary[:2000], vocabulary[2000:])
    fresh = _forms(vocabulary)
    prefixes = {word[:length] for word in rng.sample(vocabulary, 200) for length in (1, 2, 3, 5)}
    prefixes |= set(ALPHABET) | {"", "zz", "ёё", "abcdeр"}
    checked = 0
    for prefix in sorted(prefixes):
        for limit in (1, 3, 12, 60):
            expected = fresh.prefixed(prefix, limit)
            assert incremental.prefixed(prefix, limit) == expected, (prefix, limit)
            candidates = sorted(form for form in vocabulary if form.startswith(prefix))[:limit * 4]
            assert expected == sorted((form for form in candidates if form != prefix), key=len)[:limit]
            checked += bool(expected)
    assert checked > 300


def test_words_first_seen_in_an_approval_are_found_by_prefix_typo_and_transliteration(tmp_path):
    """A loaded index's vocabulary was sorted when it was built; words approved later are looked up too."""
    PhraseIndex.build(AWKWARD).save(tmp_path)
    index = PhraseIndex.load(tmp_path)
    index.add(_doc("fridge", "Холодильник доставлен", "Морозильная камера включена"))
    assert _keys(index, "холодильн") == ["fridge"]       # prefix
    assert _keys(index, "холодилник") == ["fridge"]      # one typo
    assert _keys(index, "морозилная камира") == ["fridge"]  # a typo in each word
    assert _keys(index, "holodilnik") == ["fridge"]      # transliterated
    assert _keys(index, "[jkjlbkmybr") == ["fridge"]     # typed on the English layout
    assert _keys(index, "доставлена") == ["fridge"]      # another form of the word
    assert "холодильник" in index.forms._later           # the new words took the "added later" path
