"""The library over REST: working copies for writers, live text for operators, ETags and If-Match."""
import pytest

from phrases.models import LivePhrase, Phrase

pytestmark = pytest.mark.django_db


def test_create_returns_the_draft_with_an_etag(api, topic):
    response = api["writer"].post("/api/v1/phrases/", {
        "key": "eta-ru", "title": "Сроки", "body": "Заказ будет у Вас {date}.", "topic": "delivery",
        "language": "ru", "shortcut": "/eta", "keywords": ["когда"], "reason": "Частый вопрос"}, format="json")
    assert response.status_code == 201
    assert response["ETag"] == '"eta-ru-r1"'
    body = response.json()
    assert (body["status"], body["live"], body["owner"]) == ("draft", None, "wanda-writer")
    assert Phrase.objects.get(key="eta-ru").history.first().history_change_reason == "Частый вопрос"


def test_validation_errors_name_the_field_and_the_phrase(api, topic):
    response = api["writer"].post("/api/v1/phrases/", {
        "key": "eta-ru", "title": "Сроки", "body": "Заказ {tracking}.", "topic": "delivery", "language": "ru",
        "hotkey": "Meta+1"}, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert {"body", "hotkey"} <= set(errors) and "eta-ru" in errors["detail"]
    assert not Phrase.objects.exists()


def test_operators_see_live_text_only_and_never_drafts(api, make_live_phrase, make_phrase, writer):
    from phrases import services

    phrase = make_live_phrase(key="wait", body="Одну минуту, пожалуйста.")
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Черновик правки."})
    make_phrase(key="secret-draft")
    listed = api["operator"].get("/api/v1/phrases/").json()["results"]
    assert [(p["key"], p["body"], p["status"]) for p in listed] == [("wait", "Одну минуту, пожалуйста.", "approved")]
    assert api["operator"].get("/api/v1/phrases/secret-draft/").status_code == 404
    detail = api["operator"].get("/api/v1/phrases/wait/")
    live_version = LivePhrase.objects.get(key="wait").version
    assert detail.json()["body"] == "Одну минуту, пожалуйста." and detail["ETag"] == f'"wait-v{live_version}"'
    working = api["writer"].get("/api/v1/phrases/wait/").json()
    assert (working["body"], working["live"]["body"], working["status"]) == (
        "Черновик правки.", "Одну минуту, пожалуйста.", "draft")


def test_patch_with_a_stale_if_match_gets_412_and_changes_nothing(api, make_phrase):
    make_phrase(key="eta")
    first = api["writer"].get("/api/v1/phrases/eta/")
    etag = first["ETag"]
    assert api["reviewer"].patch("/api/v1/phrases/eta/", {"title": "Правка рецензента"}, format="json",
                                 HTTP_IF_MATCH=etag).status_code == 200
    stale = api["writer"].patch("/api/v1/phrases/eta/", {"title": "Моя правка"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and "changed by someone else" in stale.json()["detail"]
    assert Phrase.objects.get(key="eta").title == "Правка рецензента"
    deleted = api["writer"].delete("/api/v1/phrases/eta/", HTTP_IF_MATCH=etag)
    assert deleted.status_code == 412 and Phrase.objects.get(key="eta").status == "draft"


def test_if_match_of_another_phrase_never_matches(api, make_phrase):
    make_phrase(key="eta")
    make_phrase(key="other")
    other_tag = api["writer"].get("/api/v1/phrases/other/")["ETag"]
    response = api["writer"].patch("/api/v1/phrases/eta/", {"title": "Правка"}, format="json", HTTP_IF_MATCH=other_tag)
    assert response.status_code == 412


def test_two_writers_without_if_match_both_keep_their_edits(api, make_phrase):
    make_phrase(key="eta")
    api["writer"].patch("/api/v1/phrases/eta/", {"title": "Новый заголовок"}, format="json")
    api["reviewer"].patch("/api/v1/phrases/eta/", {"keywords": ["когда привезут"]}, format="json")
    phrase = Phrase.objects.get(key="eta")
    assert (phrase.title, phrase.keywords) == ("Новый заголовок", ["когда привезут"])
    versions = api["writer"].get("/api/v1/phrases/eta/history/").json()
    assert [v["author"] for v in versions[:2]] == ["roman-reviewer", "wanda-writer"]


def test_delete_archives_and_hard_delete_removes(api, make_live_phrase):
    make_live_phrase(key="gone")
    make_live_phrase(key="archived", shortcut="/arch")
    assert api["reviewer"].delete("/api/v1/phrases/archived/").json()["status"] == "archived"
    assert not LivePhrase.objects.filter(key="archived").exists()
    assert api["superuser"].delete("/api/v1/phrases/gone/?hard=true").status_code == 204
    assert not Phrase.objects.filter(key="gone").exists()


def test_list_filters(api, make_live_phrase, make_phrase):
    from datetime import timedelta

    from django.utils import timezone

    make_live_phrase(key="ru-live")
    make_phrase(key="en-draft", language="en", body="Your order arrives {date}.")
    writer = api["writer"]
    assert [p["key"] for p in writer.get("/api/v1/phrases/?status=draft").json()["results"]] == ["en-draft"]
    assert [p["key"] for p in writer.get("/api/v1/phrases/?language=en").json()["results"]] == ["en-draft"]
    future = (timezone.now() + timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    assert writer.get("/api/v1/phrases/", {"updated_since": future}).json()["results"] == []
    assert writer.get("/api/v1/phrases/?due_for_review=true").json()["results"] == []
    assert writer.get("/api/v1/phrases/?updated_since=yesterday").status_code == 400
    assert writer.get("/api/v1/phrases/?status=published").status_code == 400


def test_usage_counts_for_7_and_30_days(api, make_live_phrase):
    make_live_phrase(key="popular")
    for _ in range(3):
        assert api["operator"].post("/api/v1/phrases/popular/used/", {"client": "widget"}, format="json").status_code == 204
    for role in ("operator", "writer"):
        row = api[role].get("/api/v1/phrases/?usage=1").json()["results"][0]
        assert (row["uses_7d"], row["uses_30d"]) == (3, 3)


@pytest.mark.parametrize("role", ["writer", "operator"])
def test_list_page_query_count_does_not_grow_with_the_page(api, make_live_phrase, role,
                                                           django_assert_max_num_queries):
    for number in range(12):
        make_live_phrase(key=f"p{number}", shortcut=f"/p{number}")
    api[role].get("/api/v1/phrases/")  # warm the session/user caches
    with django_assert_max_num_queries(6):
        response = api[role].get("/api/v1/phrases/?usage=1")
    assert response.json()["count"] == 12
