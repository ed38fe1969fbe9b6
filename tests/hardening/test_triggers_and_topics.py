"""Triggers are matched whole at every door, and topic trees have a depth limit that every door
enforces while every reader walks them without recursion."""
import json
import time

import pytest
from django.urls import reverse

from phrases.exporters.quickphrases import topic_entries
from phrases.models import MAX_TOPIC_DEPTH, LivePhrase, Phrase, Topic
from phrases.validation import validate_hotkey, validate_shortcut

pytestmark = pytest.mark.django_db


def _library(topics, phrases=()):
    return json.dumps({"format": "quickphrases/v1", "topics": topics, "phrases": list(phrases)})


def _phrase(key, **extra):
    return {"key": key, "title": f"Заголовок {key}", "body": "Заказ {order_id} в пути.", "topic": "delivery",
            "language": "ru", "status": "approved", **extra}


DELIVERY = {"slug": "delivery", "name": "Доставка", "parent": None}


@pytest.mark.parametrize("field, taken, sneaky", [("shortcut", "/rtnl", "/rtnl\n"),
                                                  ("hotkey", "Ctrl+Alt+Shift+9", "Ctrl+Alt+Shift+9\n")])
def test_the_import_refuses_a_trigger_with_a_trailing_newline_beside_the_live_one(api, topic, field, taken, sneaky):
    imported = api["reviewer"].post("/api/v1/library/import/", _library([DELIVERY], [_phrase("a", **{field: taken})]),
                                    content_type="application/json")
    assert imported.status_code == 200, imported.content[:300]
    response = api["reviewer"].post("/api/v1/library/import/", _library([DELIVERY], [_phrase("b", **{field: sneaky})]),
                                    content_type="application/json")
    assert response.status_code == 400
    assert [(p["key"], p["field"]) for p in response.json()["problems"]] == [("b", field)]
    assert list(LivePhrase.objects.values_list("key", flat=True)) == ["a"]


@pytest.mark.parametrize("value", ["/eta\n", "/eta ", "\n/eta", "/eta\r", "/e\u200bta"])
def test_a_shortcut_is_matched_whole(value):
    with pytest.raises(Exception, match="Shortcut"):
        validate_shortcut(value)


@pytest.mark.parametrize("value", ["Ctrl+Alt+1\n", "Ctrl+Alt+1 ", "Ctrl+Alt+1\u200b"])
def test_a_hotkey_is_matched_whole(value):
    with pytest.raises(Exception, match="Hotkey"):
        validate_hotkey(value)


def test_api_page_and_admin_refuse_a_trigger_with_a_trailing_newline(api, client, writer, topic):
    fields = {name: value for name, value in _phrase("api").items() if name != "status"}
    response = api["writer"].post("/api/v1/phrases/", {**fields, "hotkey": "Ctrl+Alt+2\n"}, format="json")
    assert response.status_code == 400 and "hotkey" in response.json()
    client.force_login(writer)
    page = client.post("/phrases/new/", {"title": "Т", "body": "Текст.", "topic": topic.pk, "language": "ru",
                                         "shortcut": "/eta\n", "hotkey": "", "keywords": [], "note": "", "save": "1"})
    assert page.status_code == 400 and 'id="id_shortcut-errors"' in page.content.decode()
    writer.is_staff = True
    writer.save()
    admin = client.post(reverse("admin:phrases_phrase_add"), {
        "key": "adm", "title": "Т", "body": "Текст.", "topic": topic.pk, "language": "ru", "shortcut": "/eta\n",
        "hotkey": "", "keywords": "[]"})
    assert admin.status_code == 200 and "Shortcut" in admin.content.decode()
    assert not Phrase.objects.exists()


# --- topic depth ----------------------------------------------------------------------------------

def _chain(count, root="delivery"):
    return [{"slug": f"t{i}", "name": f"Тема {i}", "parent": root if i == 0 else f"t{i - 1}"} for i in range(count)]


def test_an_import_of_1500_nested_topics_is_refused_quickly_and_changes_nothing(api, topic):
    started = time.perf_counter()
    response = api["reviewer"].post("/api/v1/library/import/", _library([DELIVERY, *_chain(1500)]),
                                    content_type="application/json")
    seconds = time.perf_counter() - started
    assert response.status_code == 400
    problems = response.json()["problems"]
    assert [(p["key"], p["field"]) for p in problems] == [(f"t{MAX_TOPIC_DEPTH - 1}", "parent")]
    assert f"at most {MAX_TOPIC_DEPTH} levels" in problems[0]["message"]
    assert Topic.objects.count() == 1
    print(f"1,500 nested topics refused in {seconds * 1000:.0f} ms")


def test_an_import_up_to_the_depth_limit_is_accepted(api, topic):
    response = api["reviewer"].post("/api/v1/library/import/", _library([DELIVERY, *_chain(MAX_TOPIC_DEPTH - 1)]),
                                    content_type="application/json")
    assert response.status_code == 200, response.content[:300]


def test_an_import_may_not_push_stored_topics_below_the_limit(api, topic):
    parent = topic
    for i in range(3):  # delivery > s0 > s1 > s2 stored
        parent = Topic.objects.create(slug=f"s{i}", name=f"S{i}", parent=parent)
    chain = _chain(MAX_TOPIC_DEPTH - 3, root=None)  # t0 … t4, a root chain of five levels
    chain[0]["parent"] = None
    moved = {"slug": "delivery", "name": "Доставка", "parent": chain[-1]["slug"]}  # delivery under t4: level 6
    response = api["reviewer"].post("/api/v1/library/import/", _library([*chain, moved]),
                                    content_type="application/json")
    assert response.status_code == 400
    assert [(p["key"], p["field"]) for p in response.json()["problems"]] == [("s2", "parent")]


def test_an_import_may_not_hang_new_topics_under_a_stored_tree_already_too_deep(api, topic):
    parent = topic
    for i in range(MAX_TOPIC_DEPTH + 2):  # written past the doors: levels 2 … 11
        parent = Topic.objects.create(slug=f"s{i}", name=f"S{i}", parent=parent)
    response = api["reviewer"].post("/api/v1/library/import/", _library(
        [{"slug": "new-leaf", "name": "Лист", "parent": parent.slug}]), content_type="application/json")
    assert response.status_code == 400
    assert [(p["key"], p["field"]) for p in response.json()["problems"]] == [("new-leaf", "parent")]


def test_the_admin_refuses_a_topic_past_the_depth_limit(client, superuser, topic):
    parent = topic
    for i in range(MAX_TOPIC_DEPTH - 1):
        parent = Topic.objects.create(slug=f"s{i}", name=f"S{i}", parent=parent)
    client.force_login(superuser)
    response = client.post(reverse("admin:phrases_topic_add"), {"slug": "deeper", "name": "Deeper",
                                                                "parent": parent.pk, "order": 0})
    assert response.status_code == 200 and f"at most {MAX_TOPIC_DEPTH} levels" in response.content.decode()
    # moving a subtree under it is refused as well
    other = Topic.objects.create(slug="other", name="Other")
    Topic.objects.create(slug="other-child", name="Other child", parent=other)
    response = client.post(reverse("admin:phrases_topic_change", args=[other.pk]),
                           {"slug": "other", "name": "Other", "parent": Topic.objects.get(slug="s5").pk, "order": 0})
    assert response.status_code == 200 and f"at most {MAX_TOPIC_DEPTH} levels" in response.content.decode()
    assert not Topic.objects.filter(slug="deeper").exists()


@pytest.fixture
def deep_tree(topic, make_phrase):
    """1,500 nested topics written straight to the database, past every door, with a phrase at the bottom."""
    parent = topic
    for i in range(1500):
        parent = Topic.objects.create(slug=f"deep-{i}", name=f"Глубина {i}", parent=parent)
    make_phrase(key="bottom", topic=parent)
    return parent


def test_pages_and_api_stay_up_over_a_deep_tree_already_in_the_database(client, api, writer, deep_tree):
    client.force_login(writer)
    for path in ("/phrases/", "/phrases/new/", "/phrases/bottom/", f"/phrases/?topic={deep_tree.slug}"):
        assert client.get(path).status_code == 200, path
    response = api["writer"].get("/api/v1/topics/")
    assert response.status_code == 200
    node, levels = response.json()[0], 1
    while node["children"]:
        node, levels = node["children"][0], levels + 1
    assert levels == MAX_TOPIC_DEPTH  # nested to the limit; the rest listed there, each naming its parent
    assert len(json.dumps(response.json())) > 1500 * 20
    assert api["writer"].get("/api/v1/export/quickphrases/").status_code == 200
    assert len(topic_entries(Topic.objects.all())) == 1501
