"""Search sees only the live (approved) text, and follows approvals without a rebuild."""
import pytest

from phrases import services
from phrases.models import Phrase
from phrases.search.live_index import live_index

# Real commits, so the on-commit refresh runs as in production (the flush after each test is
# followed by post_migrate, which brings back the role groups and the default lint rules).
pytestmark = pytest.mark.django_db(transaction=True)


def test_drafts_and_phrases_in_review_are_never_found(keys, make_phrase, writer):
    phrase = make_phrase(key="draft-only", title="Секретный черновик", body="Черновик ответа.")
    assert "draft-only" not in keys("черновик")
    services.phrase_submit(phrase=phrase, actor=writer)
    assert "draft-only" not in keys("черновик")


def test_approval_is_searchable_without_a_rebuild(keys, make_phrase, writer, reviewer):
    keys("прогрев")  # build the index first
    index = live_index.index
    phrase = make_phrase(key="warmup", title="Прогрев", body="Прогреваем ответ.")
    services.phrase_approve(phrase=services.phrase_submit(phrase=phrase, actor=writer), actor=reviewer)
    assert keys("прогрев")[0] == "warmup"
    assert live_index.index is index  # patched in place, not rebuilt


def test_unapproved_edit_keeps_old_text_until_approval(keys, make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(key="wait", title="Ожидание", body="Одну минуту, пожалуйста.")
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Пауза", "body": "Секунду, пожалуйста."})
    assert keys("ожидание") == ["wait"]
    assert keys("пауза") == []
    services.phrase_approve(phrase=services.phrase_submit(phrase=Phrase.objects.get(key="wait"), actor=writer),
                            actor=reviewer)
    assert keys("пауза") == ["wait"]
    assert keys("ожидание") == []


def test_archive_and_delete_remove_the_phrase(keys, make_live_phrase, reviewer, superuser):
    archived = make_live_phrase(key="old-greeting", title="Старое приветствие", shortcut="/old")
    deleted = make_live_phrase(key="gone-greeting", title="Удалённое приветствие", shortcut="/gone")
    assert {"old-greeting", "gone-greeting"} <= set(keys("приветствие"))
    services.phrase_archive(phrase=archived, actor=reviewer)
    services.phrase_delete(phrase=deleted, actor=superuser)
    assert keys("приветствие") == []
    assert keys("/old") == []


def test_search_makes_at_most_two_queries_when_nothing_changed(keys, make_live_phrase,
                                                               django_assert_max_num_queries):
    make_live_phrase(key="wait", title="Ожидание", body="Одну минуту, пожалуйста.")
    keys("ожидание")
    live_index.refresh_now()
    with django_assert_max_num_queries(2):
        assert keys("ожидание") == ["wait"]
