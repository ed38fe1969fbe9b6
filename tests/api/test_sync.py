"""Incremental sync: a client replaying the changes always holds exactly the live library."""
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from phrases import services
from phrases.models import LivePhrase, Phrase

pytestmark = pytest.mark.django_db


def _replay(client, copy, cursor, limit=None):
    """Apply every page since `cursor` to `copy`; returns the new cursor."""
    while True:
        params = {"since": cursor} if cursor else {}
        if limit:
            params["limit"] = limit
        page = client.get("/api/v1/sync/", params).json()
        for phrase in page["upserts"]:
            copy[phrase["key"]] = phrase
        for key in page["deletes"]:
            copy.pop(key, None)
        cursor = page["cursor"]
        if not page["has_more"]:
            return cursor


def _live_library(client):
    return {p["key"]: p for p in client.get("/api/v1/export/quickphrases/").json()["phrases"]}


def _comparable(copy):
    fields = ("key", "title", "body", "topic", "language", "shortcut", "hotkey", "keywords")
    return {key: {f: p[f] for f in fields} for key, p in copy.items()}


def test_first_sync_gives_everything_then_only_changes(api, make_live_phrase, make_phrase, writer, reviewer):
    make_live_phrase(key="one", shortcut="/one")
    make_live_phrase(key="two", shortcut="/two")
    make_phrase(key="draft")
    tool = api["tool"]
    first = tool.get("/api/v1/sync/").json()
    assert sorted(p["key"] for p in first["upserts"]) == ["one", "two"] and first["deletes"] == []
    services.phrase_archive(phrase=Phrase.objects.get(key="two"), actor=reviewer)
    second = tool.get("/api/v1/sync/", {"since": first["cursor"]}).json()
    assert (second["upserts"], second["deletes"]) == ([], ["two"])


def test_unchanged_library_answers_304_to_if_none_match(api, make_live_phrase):
    make_live_phrase(key="one")
    tool = api["tool"]
    first = tool.get("/api/v1/sync/")
    cursor = first.json()["cursor"]
    again = tool.get("/api/v1/sync/", {"since": cursor})
    unchanged = tool.get("/api/v1/sync/", {"since": cursor}, HTTP_IF_NONE_MATCH=again["ETag"])
    assert unchanged.status_code == 304 and unchanged["ETag"] == again["ETag"]
    make_live_phrase(key="two", shortcut="/two")
    changed = tool.get("/api/v1/sync/", {"since": cursor}, HTTP_IF_NONE_MATCH=again["ETag"])
    assert changed.status_code == 200 and [p["key"] for p in changed.json()["upserts"]] == ["two"]


def test_pages_of_a_large_change_set_add_up(api, make_live_phrase):
    for number in range(7):
        make_live_phrase(key=f"p{number}", shortcut=f"/p{number}")
    copy = {}
    _replay(api["tool"], copy, None, limit=3)
    assert sorted(copy) == [f"p{n}" for n in range(7)]


def test_bad_cursor_and_limit_are_400(api):
    assert api["tool"].get("/api/v1/sync/", {"since": "garbage!"}).status_code == 400
    assert api["tool"].get("/api/v1/sync/", {"limit": 0}).status_code == 400


def test_sync_query_count_is_constant(api, make_live_phrase, django_assert_max_num_queries):
    for number in range(10):
        make_live_phrase(key=f"p{number}", shortcut=f"/p{number}")
    api["tool"].get("/api/v1/sync/")
    with django_assert_max_num_queries(5):
        assert len(api["tool"].get("/api/v1/sync/").json()["upserts"]) == 10


ACTIONS = st.lists(st.tuples(
    st.sampled_from(["create", "edit", "submit", "approve", "reject", "archive", "delete", "revert", "sync"]),
    st.integers(min_value=0, max_value=3)), min_size=1, max_size=25)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=ACTIONS)
def test_replayed_copy_always_equals_the_live_library(api, topic, writer, reviewer, superuser, actions):
    Phrase.objects.all().delete()
    client, copy, cursor = api["tool"], {}, None
    for action, slot in actions:
        key = f"phrase-{slot}"
        phrase = Phrase.objects.filter(key=key).first()
        try:
            if action == "create" and phrase is None:
                services.phrase_create(actor=writer, key=key, title=f"Фраза {slot}", body=f"Текст номер {slot}.",
                                       topic=topic, language="ru")
            elif action == "edit" and phrase:
                services.phrase_update(phrase=phrase, actor=writer,
                                       changes={"body": f"Новый текст {slot} {len(copy)}."})
            elif action == "submit" and phrase:
                services.phrase_submit(phrase=phrase, actor=writer)
            elif action == "approve" and phrase:
                services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)
            elif action == "reject" and phrase:
                services.phrase_reject(phrase=phrase, actor=reviewer, comment="Переписать.")
            elif action == "archive" and phrase:
                services.phrase_archive(phrase=phrase, actor=reviewer)
            elif action == "delete" and phrase:
                services.phrase_delete(phrase=phrase, actor=superuser)
            elif action == "revert" and phrase:
                services.phrase_revert(phrase=phrase, actor=reviewer, version_id=phrase.history.last().history_id)
            elif action == "sync":
                cursor = _replay(client, copy, cursor, limit=2)
                assert _comparable(copy) == _comparable(_live_library(client))
        except Exception as error:  # illegal steps are part of the sequence; they must change nothing
            from phrases.errors import DomainError

            assert isinstance(error, DomainError), error
    cursor = _replay(client, copy, cursor, limit=2)
    assert _comparable(copy) == _comparable(_live_library(client))
    assert set(copy) == set(LivePhrase.objects.values_list("key", flat=True))
    assert all(copy[key]["status"] == "approved" for key in copy)
