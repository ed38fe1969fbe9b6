"""History and review actions over REST, with clean 409s for illegal steps."""
import pytest

from phrases.models import LivePhrase, PhraseUse

pytestmark = pytest.mark.django_db


def test_submit_approve_makes_text_live(api, make_phrase):
    make_phrase(key="eta")
    submitted = api["writer"].post("/api/v1/phrases/eta/submit/", {}, format="json")
    assert submitted.status_code == 200 and submitted.json()["status"] == "in_review"
    approved = api["reviewer"].post("/api/v1/phrases/eta/approve/", {}, format="json")
    assert approved.status_code == 200 and approved.json()["live"]["body"] == approved.json()["body"]
    assert LivePhrase.objects.filter(key="eta").exists()


def test_illegal_transition_is_a_clean_409(api, make_phrase):
    make_phrase(key="eta")
    response = api["reviewer"].post("/api/v1/phrases/eta/approve/", {}, format="json")
    assert response.status_code == 409 and "only a phrase in review" in response.json()["detail"]


def test_reject_needs_a_comment(api, make_phrase, writer):
    from phrases import services

    services.phrase_submit(phrase=make_phrase(key="eta"), actor=writer)
    missing = api["reviewer"].post("/api/v1/phrases/eta/reject/", {}, format="json")
    assert missing.status_code == 400 and "comment" in missing.json()
    done = api["reviewer"].post("/api/v1/phrases/eta/reject/", {"comment": "Короче, пожалуйста."}, format="json")
    assert done.json()["review_comment"] == "Короче, пожалуйста." and done.json()["status"] == "draft"


def test_lint_errors_block_approval_with_the_issues(api, make_phrase, writer):
    from phrases import services

    services.phrase_submit(phrase=make_phrase(key="eta", body="Не знаю, когда привезут."), actor=writer)
    response = api["reviewer"].post("/api/v1/phrases/eta/approve/", {"acknowledge_warnings": True}, format="json")
    assert response.status_code == 409
    assert "i-dont-know" in {issue["rule"] for issue in response.json()["issues"]}


def test_history_and_revert(api, make_live_phrase, writer):
    from phrases import services

    phrase = make_live_phrase(key="eta", title="Сроки")
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Когда привезут"})
    versions = api["writer"].get("/api/v1/phrases/eta/history/").json()
    assert sorted(versions[0]["changes"], key=lambda c: c["field"]) == [
        {"field": "status", "old": "approved", "new": "draft"},
        {"field": "title", "old": "Сроки", "new": "Когда привезут"}]
    assert versions[0]["author"] == "wanda-writer" and versions[-1]["type"] == "created"
    first = versions[-1]["version"]
    reverted = api["reviewer"].post("/api/v1/phrases/eta/revert/", {"version": first}, format="json")
    assert reverted.status_code == 200 and reverted.json()["title"] == "Сроки"
    assert len(api["writer"].get("/api/v1/phrases/eta/history/").json()) == len(versions) + 1
    assert api["reviewer"].post("/api/v1/phrases/eta/revert/", {"version": 999999}, format="json").status_code == 400


def test_used_records_who_when_and_which_client(api, make_live_phrase, make_phrase, operator):
    make_live_phrase(key="eta")
    make_phrase(key="draft")
    assert api["operator"].post("/api/v1/phrases/eta/used/", {}, format="json", HTTP_X_CLIENT="web").status_code == 204
    assert api["tool"].post("/api/v1/phrases/eta/used/", {}, format="json").status_code == 204
    uses = list(PhraseUse.objects.order_by("id").values_list("user__username", "client"))
    assert uses == [(operator.username, "web"), (None, "Helpdesk widget")]
    assert api["operator"].post("/api/v1/phrases/draft/used/", {}, format="json").status_code == 404


def test_lint_endpoint(api):
    response = api["writer"].post("/api/v1/lint/", {"body": "спс, щас проверю", "language": "ru"}, format="json")
    issues = response.json()["issues"]
    assert {"banned-abbreviation", "sentence-start-lowercase", "missing-terminal-punctuation"} <= {i["rule"] for i in issues}
    first = issues[0]
    assert set(first) == {"rule", "severity", "message", "start", "end", "suggestion"}
    assert api["writer"].post("/api/v1/lint/", {"body": "x"}, format="json").status_code == 400


@pytest.mark.parametrize("language", ["0", "russian", "RU", "r"])
def test_lint_endpoint_rejects_a_language_that_is_not_a_tag(api, language):
    response = api["writer"].post("/api/v1/lint/", {"body": "Спасибо.", "language": language}, format="json")
    assert response.status_code == 400
    assert "BCP 47" in response.json()["language"][0]


def test_lint_endpoint_runs_the_other_rules_for_a_language_without_a_dictionary(api):
    response = api["writer"].post("/api/v1/lint/", {"body": "спс", "language": "de"}, format="json")
    assert response.status_code == 200
    assert response.json()["unavailable"] == ["spelling"]
    assert "missing-terminal-punctuation" in {issue["rule"] for issue in response.json()["issues"]}


def test_topics_tree(api, topic):
    from phrases.models import Topic

    Topic.objects.create(slug="pickup", name="Самовывоз", parent=topic)
    tree = api["operator"].get("/api/v1/topics/").json()
    assert tree == [{"slug": "delivery", "name": "Доставка", "names": {}, "parent": None, "order": 0, "children": [
        {"slug": "pickup", "name": "Самовывоз", "names": {}, "parent": "delivery", "order": 0, "children": []}]}]
