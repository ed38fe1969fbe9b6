"""Serving: the index is made ready once (snapshot or build) before a server's workers start, stays
consistent with the database, and scores only the phrases a query matched."""
import pytest

from phrases.search import search_phrases
from phrases.search.live_index import LiveIndex, live_index, snapshot_path

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _snapshot_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("QUICKPHRASES_SEARCH_SNAPSHOT_DIR", str(tmp_path / "snapshots"))


def _keys(index, query, **kwargs):
    return [hit.key for hit in index.search(query, **kwargs)]


def test_first_preload_builds_and_writes_a_snapshot_the_next_start_loads(library):
    first = LiveIndex()
    assert "built" in first.preload(for_fork=False)
    assert snapshot_path().exists()
    second = LiveIndex()
    assert "loaded from the snapshot" in second.preload(for_fork=False)
    assert _keys(second.current(), "рассрочка", language="ru") == _keys(first.current(), "рассрочка", language="ru")
    assert _keys(second.current(), "рассрочка", language="ru")[0] == "installment-ru"


def test_preload_applies_changes_approved_after_the_snapshot(make_live_phrase):
    make_live_phrase(key="old-ru", title="Старая фраза", body="Она была до снимка.", shortcut="/old")
    LiveIndex().preload(for_fork=False)
    make_live_phrase(key="fresh-ru", title="Свежая новинка", body="Новинка уже на складе.", shortcut="/fresh")
    restarted = LiveIndex()
    assert "1 changes applied" in restarted.preload(for_fork=False)
    assert _keys(restarted.current(), "новинка", language="ru")[0] == "fresh-ru"


def test_a_snapshot_of_another_library_is_rebuilt(library):
    LiveIndex().preload(for_fork=False)
    from phrases.models import LiveChange, LivePhrase

    LivePhrase.objects.filter(key="lift-ru").delete()  # behind the change log's back: counts differ
    LiveChange.objects.all().delete()
    restarted = LiveIndex()
    assert "built" in restarted.preload(for_fork=False)
    assert "lift-ru" not in _keys(restarted.current(), "подъем на этаж", language="ru")


def test_an_unreadable_snapshot_is_rebuilt_not_fatal(library):
    path = snapshot_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a snapshot")
    restarted = LiveIndex()
    assert "built" in restarted.preload(for_fork=False)
    assert _keys(restarted.current(), "пвз", language="ru")[0] == "pickup-ru"


def test_without_preload_the_first_search_builds_lazily(library):
    live_index.reset()
    assert live_index.index is None
    assert search_phrases("пвз", language="ru")[0].key == "pickup-ru"
    assert not snapshot_path().exists()  # runserver and tests never write snapshots


def test_two_whole_words_in_the_body_beat_one_word_in_the_title(make_live_phrase):
    make_live_phrase(key="one-in-title", title="Ноутбук", body="Срок указан в чеке.", shortcut="/a1")
    make_live_phrase(key="both-in-body", title="Сроки сервиса", body="Ремонт ноутбука занимает две недели.",
                     shortcut="/a2")
    make_live_phrase(key="filler", title="Ремонт техники", body="Мастер приедет завтра.", shortcut="/a3")
    assert search_phrases("ремонт ноутбука")[0].key == "both-in-body"


def test_scores_do_not_leak_between_queries(library):
    """The scratch buffers are zeroed after each query: the same query twice ranks and scores the same."""
    index = live_index.current()
    first = [(h.key, h.score) for h in index.search("заказ доставка", limit=10)]
    index.search("рассрочка оплата", limit=10)
    index.search("zwrot pieniedzy", limit=10)
    assert [(h.key, h.score) for h in index.search("заказ доставка", limit=10)] == first
