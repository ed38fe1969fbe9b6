"""Serving: the index is made ready once (snapshot or build) before a server's workers start, stays
consistent with the database, and scores only the phrases a query matched."""
import shutil
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command

from phrases import services
from phrases.models import LiveChange, LivePhrase, Phrase
from phrases.search import search_phrases
from phrases.search.live_index import KEEP_GENERATIONS, LiveIndex, live_index, snapshot_path
from phrases.search.segment import ARRAYS
from phrases.selectors import topic_and_descendants
from tests.search.conftest import LIBRARY

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _snapshot_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("QUICKPHRASES_SEARCH_SNAPSHOT_DIR", str(tmp_path / "snapshots"))


def _keys(index, query, **kwargs):
    return [hit.key for hit in index.search(query, **kwargs)]


def _current_name():
    return (snapshot_path() / "CURRENT").read_text().strip()


def _generations():
    return sorted(p.name for p in snapshot_path().iterdir() if p.is_dir() and p.name.startswith("g"))


def _settle(live):
    """Let the background work a revision check started (adopting or compacting) finish."""
    if live._background is not None:
        live._background.join(timeout=120)
        assert not live._background.is_alive()


def _check(live):
    """One revision check now, as the next search after FRESHNESS would make, and its background work."""
    live.refresh_now()
    live.current()
    _settle(live)
    return live.index


def _mapped_from(index):
    """The generation folder name every segment array of `index` is mapped from (asserting they all are)."""
    folders = set()
    for name in ARRAYS:
        array = getattr(index.segment, name)
        assert isinstance(array, np.memmap), name
        folders.add(Path(array.filename).parent)
    assert len(folders) == 1
    folder = folders.pop()
    assert folder.parent == snapshot_path()
    return folder.name


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


def _truncate_arrays(generation):
    for array in generation.glob("*.npy"):
        data = array.read_bytes()
        array.write_bytes(data[:-8])  # the header still parses; the data is short


def _garbage_vocabulary(generation):
    (generation / "vocabulary.pickle").write_bytes(b"not a pickle")


def _garbage_everywhere(generation):
    for file in generation.iterdir():
        file.write_bytes(b"not a snapshot")


def _missing_generation(generation):
    shutil.rmtree(generation)


@pytest.mark.parametrize("damage", [_truncate_arrays, _garbage_vocabulary, _garbage_everywhere, _missing_generation],
                         ids=["truncated-arrays", "garbage-vocabulary", "garbage-files", "missing-folder"])
def test_an_unreadable_snapshot_is_rebuilt_not_fatal(library, damage):
    """CURRENT naming a torn or vanished generation: the server builds, writes a fresh generation (which
    CURRENT then names) and the next start loads that one."""
    LiveIndex().preload(for_fork=False)
    damaged = _current_name()
    damage(snapshot_path() / damaged)
    restarted = LiveIndex()
    assert "built" in restarted.preload(for_fork=False)
    assert _keys(restarted.current(), "пвз", language="ru")[0] == "pickup-ru"
    assert _current_name() not in ("", damaged)
    assert restarted.generation == _current_name()
    again = LiveIndex()
    assert "loaded from the snapshot" in again.preload(for_fork=False)
    assert _keys(again.current(), "пвз", language="ru")[0] == "pickup-ru"
    assert _keys(again.current(), "рассрочка", language="ru")[0] == "installment-ru"


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


# -- the snapshot is mapped, not copied ----------------------------------------------------------

QUERIES = [("рассрочка", {}), ("привет", {}), ("zwrot pieniedzy", {}), ("/hi", {}), ("/re", {}),
           ("ghbdtn", {}), ("dostavka", {}), ("достафка", {}), ("refund", {"language": "en"}),
           ("заказ", {"language": "ru"}), ("Курьер опаздывает", {"prefer_languages": ["pl", "ru"]})]


def _answers(index, topic_ids):
    answers = [[hit.as_dict() for hit in index.search(query, **kwargs)] for query, kwargs in QUERIES]
    answers.append([hit.as_dict() for hit in index.search("заказ", topic_ids=topic_ids)])
    answers.append([hit.as_dict() for hit in index.most_used(["lift-ru", "no-such-key"], limit=50)])
    answers.append([hit.as_dict() for hit in index.most_used([], language="pl", limit=5)])
    answers.append([hit.as_dict() for hit in index.most_used([], topic_ids=topic_ids, limit=5)])
    return answers


def test_the_snapshot_is_memory_mapped_and_answers_as_the_built_index(library):
    """Every segment array of a preloaded index is a read-only map of the generation CURRENT names (also
    right after the first build, which maps back what it wrote); a second start answers every query exactly
    as the first and as an index built in memory."""
    first = LiveIndex()
    first.preload(for_fork=False)
    assert _mapped_from(first.index) == first.generation == _current_name()
    assert not first.index.segment.post_slot.flags.writeable
    second = LiveIndex()
    assert "loaded from the snapshot" in second.preload(for_fork=False)
    assert _mapped_from(second.index) == _current_name()
    in_memory = LiveIndex()
    in_memory.preload(use_snapshot=False, for_fork=False)
    assert not isinstance(in_memory.index.segment.post_slot, np.memmap)
    delivery = topic_and_descendants("delivery")
    expected = _answers(in_memory.index, delivery)
    assert expected[0][0]["key"] == "installment-ru"
    assert {hit["key"] for hit in expected[-1]} == {"courier-late-ru", "delivery-eta-ru", "lift-ru", "pickup-ru"}
    assert _answers(first.index, delivery) == expected
    assert _answers(second.index, delivery) == expected
    assert _answers(second.index, delivery) == expected  # and again: reading the map changes nothing


# -- generations: `search_index`, adoption, clean-up ---------------------------------------------


def test_search_index_command_writes_a_generation_a_running_server_adopts(make_live_phrase):
    """`manage.py search_index` writes a new generation and points CURRENT at it; a server preloaded from
    the previous one switches to it at its next revision check (its overlay of approvals is then empty),
    and applies what was approved after the command on top."""
    make_live_phrase(key="old-ru", title="Старая фраза", body="Она была до снимка.", shortcut="/old")
    running = LiveIndex()
    running.preload(for_fork=False)
    first = running.generation
    make_live_phrase(key="fresh-ru", title="Свежая новинка", body="Новинка уже на складе.", shortcut="/fresh")
    index = _check(running)
    assert [document.key for document, _, _ in index.added] == ["fresh-ru"]  # in the overlay for now
    assert running.generation == first

    output = StringIO()
    call_command("search_index", stdout=output)
    assert "2 phrases" in output.getvalue()
    written = _current_name()
    assert written != first and written in _generations()
    make_live_phrase(key="late-ru", title="Поздняя новинка", body="Одобрена после снимка.", shortcut="/late")

    index = _check(running)
    assert running.generation == written
    assert _mapped_from(index) == written
    assert index.segment.slot_of("fresh-ru") is not None  # now in the adopted segment
    assert [document.key for document, _, _ in index.added] == ["late-ru"]  # approved after the command
    assert sorted(_keys(index, "новинка")) == ["fresh-ru", "late-ru"]
    assert _keys(index, "/fresh") == ["fresh-ru"]
    assert _keys(index, "старая фраза")[0] == "old-ru"
    assert sorted(hit.key for hit in index.most_used([], limit=10)) == ["fresh-ru", "late-ru", "old-ru"]


def test_only_the_two_newest_generations_are_kept(make_live_phrase):
    """Each `search_index` run removes all but the newest generations (the current one and the one
    before); a server still mapping a removed one keeps answering from it."""
    make_live_phrase(key="kept-ru", title="Хранимая фраза", body="Живёт во всех поколениях.", shortcut="/kept")
    running = LiveIndex()
    running.preload(for_fork=False)
    written = [running.generation]
    for _ in range(3):
        call_command("search_index", stdout=StringIO())
        written.append(_current_name())
    assert len(set(written)) == 4
    assert KEEP_GENERATIONS == 2
    assert _generations() == sorted(written[-2:])
    assert _current_name() == written[-1]
    assert not (snapshot_path() / written[0]).exists()
    assert running.generation == written[0]  # not checked since: still on its (removed) files
    assert _keys(running.index, "хранимая") == ["kept-ru"]
    _check(running)
    assert running.generation == written[-1]
    assert _keys(running.index, "хранимая") == ["kept-ru"]


# -- a preloaded index follows the live library --------------------------------------------------


def test_a_preloaded_index_follows_approvals_edits_and_removals(keys, make_live_phrase, writer, reviewer,
                                                                superuser):
    """Phrases approved after the snapshot are found at the next search; phrases archived, deleted or edited
    after it, though still in the mapped segment, are not found by their old text, shortcut or in the A–Z
    list."""
    archived = make_live_phrase(key="archived-ru", title="Архивная справка", body="Справка о возврате.",
                                shortcut="/arch")
    deleted = make_live_phrase(key="deleted-ru", title="Удаляемая справка", body="Справка о доставке.",
                               shortcut="/del")
    edited = make_live_phrase(key="edited-ru", title="Справка о графике", body="Работаем по будням.",
                              shortcut="/hours")
    make_live_phrase(key="stays-ru", title="Постоянная справка", body="Справка о гарантии.", shortcut="/stay")
    live_index.preload(for_fork=False)
    assert _mapped_from(live_index.index) == _current_name()
    assert sorted(keys("справка")) == ["archived-ru", "deleted-ru", "edited-ru", "stays-ru"]

    make_live_phrase(key="approved-ru", title="Новая справка", body="Справка о скидках.", shortcut="/new")
    services.phrase_archive(phrase=archived, actor=reviewer)
    services.phrase_delete(phrase=deleted, actor=superuser)
    services.phrase_update(phrase=Phrase.objects.get(pk=edited.pk), actor=writer,
                           changes={"title": "Расписание работы", "body": "Работаем без выходных."})
    services.phrase_submit(phrase=Phrase.objects.get(pk=edited.pk), actor=writer)
    services.phrase_approve(phrase=Phrase.objects.get(pk=edited.pk), actor=reviewer, acknowledge_warnings=True)

    # No refresh_now() here: each commit announces the change, so the next search checks the revision.
    assert sorted(keys("справка")) == ["approved-ru", "stays-ru"]
    assert keys("/arch") == [] and keys("/del") == []
    assert keys("/new") == ["approved-ru"]
    assert keys("расписание") == ["edited-ru"]
    assert keys("будням") == []
    assert keys("", limit=10) == ["approved-ru", "edited-ru", "stays-ru"]
    index = live_index.index
    assert index.segment.slot_of("archived-ru") is not None  # still in the mapped arrays…
    assert index.slot_of("archived-ru") is None and index.slot_of("deleted-ru") is None  # …but dead
    assert [hit.key for hit in index.most_used(["archived-ru", "edited-ru"], limit=10)] == [
        "edited-ru", "approved-ru", "stays-ru"]
    assert index.alive_count == LivePhrase.objects.count() == 3


def test_many_changes_compact_into_a_new_generation(library):
    """More than a thousand approvals since the snapshot (and more than a quarter of it): the server writes
    a fresh generation in the background and switches to it, leaving no overlay."""
    live = LiveIndex()
    live.preload(for_fork=False)
    first = live.generation
    services.library_import(_bulk_library(1001))
    index = _check(live)
    assert live.generation != first
    assert live.generation == _current_name()
    assert _mapped_from(index) == live.generation
    assert index.added == [] and index.dead_count == 0
    assert index.segment.size == index.alive_count == LivePhrase.objects.count() == 13 + 1001
    assert _keys(index, "метка1000") == ["bulk-1000"]
    assert _keys(index, "рассрочка", language="ru")[0] == "installment-ru"


def _bulk_library(count, answer="заказ уже в пути"):
    """A library file with `count` approved phrases bulk-0000…, each with a keyword of its own."""
    return {"format": "quickphrases/v1", "topics": LIBRARY["topics"], "phrases": [
        {"key": f"bulk-{n:04d}", "title": f"Массовая фраза номер {n}", "topic": "delivery", "language": "ru",
         "body": f"Пакетный ответ {n}: {answer}.", "status": "approved", "keywords": [f"метка{n}"]}
        for n in range(count)]}


# -- starts with many changes, and a library that went back -------------------------------------


def test_a_preload_with_many_changes_leaves_no_background_work_before_the_fork(library):
    """A start that applies more than a thousand changes writes the fresh snapshot itself; nothing may still
    be running in the master when gunicorn forks (a thread holding a lock or the build file lock then would
    leave it held in every worker)."""
    LiveIndex().preload(for_fork=False)
    services.library_import(_bulk_library(1001))
    restarted = LiveIndex()
    assert "1001 changes applied" in restarted.preload(for_fork=False)
    written = restarted.generation
    still_running = restarted._background is not None and restarted._background.is_alive()
    _settle(restarted)  # (so that a failure here leaves no thread behind for the next test)
    assert not still_running
    assert written == _current_name() and restarted.index.added == []
    assert restarted.generation == written  # no second build wrote and adopted another generation


def test_a_start_after_many_edits_writes_a_fresh_snapshot(library):
    """600 edits of snapshot phrases are fewer changes than RESNAPSHOT_AFTER but leave 1,200 slots changed
    (each edit kills a segment slot and adds one): the start writes a fresh generation rather than fork
    workers with a big overlay."""
    services.library_import(_bulk_library(600))
    first = LiveIndex()
    first.preload(for_fork=False)
    services.library_import(_bulk_library(600, answer="курьер уже выехал"))
    restarted = LiveIndex()
    assert "600 changes applied" in restarted.preload(for_fork=False)
    still_running = restarted._background is not None and restarted._background.is_alive()
    _settle(restarted)
    assert not still_running
    assert restarted.generation == _current_name() != first.generation
    assert restarted.index.added == [] and restarted.index.dead_count == 0
    assert _keys(restarted.index, "выехал метка599")[0] == "bulk-0599"
    assert _keys(restarted.index, "пути") == []


def _lift_withdrawn():
    LivePhrase.objects.filter(key="lift-ru").delete()


def _lift_in_an_older_version():
    LivePhrase.objects.filter(key="lift-ru").update(title="Доставка до двери", body="Курьер донесёт до квартиры.")


@pytest.mark.parametrize("restore", [_lift_withdrawn, _lift_in_an_older_version],
                         ids=["phrase-missing", "phrase-older"])
def test_a_library_reset_under_a_snapshot_is_not_undone_by_adopting_it(library, restore):
    """The database goes back to an older state (a restored backup: fewer changes logged, a phrase missing
    or in an older version) while a server runs from a snapshot: the server rebuilds, and the newer text
    must not come back at a later check by adopting the (newer, now foreign) snapshot again."""
    live = LiveIndex()
    live.preload(for_fork=False)
    restore()
    LiveChange.objects.all().delete()
    for _ in range(3):
        index = _check(live)
        assert "lift-ru" not in _keys(index, "подъем на этаж", language="ru")
        assert index.alive_count == LivePhrase.objects.count()
        restored = LivePhrase.objects.filter(key="lift-ru").exists()
        assert _keys(index, "квартиры")[:1] == (["lift-ru"] if restored else [])  # the database's version
