"""The review endpoints the pages and tools need: dismiss a finding, list and withdraw dismissals,
"still right", submit with a note, restore-and-publish, and the review fields on phrase responses."""
import pytest

from phrases import services
from phrases.models import FindingDismissal, LivePhrase

pytestmark = pytest.mark.django_db

FLAGGED = "{client_name}, спс за ожидание."


@pytest.fixture
def flagged(make_phrase, writer):
    return services.phrase_submit(phrase=make_phrase(key="eta", body=FLAGGED), actor=writer)


def test_reviewer_dismisses_a_finding_and_the_phrase_shows_it_dismissed(api, flagged, reviewer):
    response = api["reviewer"].post("/api/v1/phrases/eta/dismiss/", {
        "rule": "banned-abbreviation", "text": "спс", "reason": "Цитата клиента."}, format="json")
    assert response.status_code == 200
    finding = next(f for f in response.json()["lint_findings"] if f["rule"] == "banned-abbreviation")
    assert finding["dismissed"]["by"] == reviewer.username and finding["dismissed"]["reason"] == "Цитата клиента."
    assert {"rule", "severity", "message", "start", "end", "suggestion"} <= set(finding)
    approved = api["reviewer"].post("/api/v1/phrases/eta/approve/", {"acknowledge_warnings": True}, format="json")
    assert approved.status_code == 200 and LivePhrase.objects.filter(key="eta").exists()


def test_dismiss_is_for_reviewers_and_needs_a_reason_and_a_real_finding(api, flagged):
    body = {"rule": "banned-abbreviation", "text": "спс", "reason": "Так надо."}
    assert api["writer"].post("/api/v1/phrases/eta/dismiss/", body, format="json").status_code == 403
    assert api["operator"].post("/api/v1/phrases/eta/dismiss/", body, format="json").status_code == 403
    no_reason = api["reviewer"].post("/api/v1/phrases/eta/dismiss/", {**body, "reason": ""}, format="json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()
    wrong_words = api["reviewer"].post("/api/v1/phrases/eta/dismiss/", {**body, "text": "ожидание"}, format="json")
    assert wrong_words.status_code == 400 and "text" in wrong_words.json()
    bad_span = api["reviewer"].post("/api/v1/phrases/eta/dismiss/", {**body, "start": -1, "end": "x"}, format="json")
    assert bad_span.status_code == 400 and {"start", "end"} <= set(bad_span.json())
    assert api["reviewer"].post("/api/v1/phrases/nope/dismiss/", body, format="json").status_code == 404
    assert not FindingDismissal.objects.exists()


def test_dismissals_are_listed_and_can_be_withdrawn(api, flagged, reviewer):
    api["reviewer"].post("/api/v1/phrases/eta/dismiss/", {
        "rule": "banned-abbreviation", "text": "спс", "reason": "Цитата."}, format="json")
    listed = api["writer"].get("/api/v1/phrases/eta/dismissals/").json()
    assert [(d["rule"], d["text"], d["by"], d["in_force"]) for d in listed] == [
        ("banned-abbreviation", "спс", reviewer.username, True)]
    assert api["writer"].delete(f"/api/v1/phrases/eta/dismissals/{listed[0]['id']}/").status_code == 403
    withdrawn = api["reviewer"].delete(f"/api/v1/phrases/eta/dismissals/{listed[0]['id']}/")
    assert withdrawn.status_code == 200
    assert all(f["dismissed"] is None for f in withdrawn.json()["lint_findings"])
    assert api["reviewer"].delete(f"/api/v1/phrases/eta/dismissals/{listed[0]['id']}/").status_code == 400


def test_phrase_responses_carry_the_review_fields(api, make_phrase):
    make_phrase(key="eta")
    submitted = api["writer"].post("/api/v1/phrases/eta/submit/", {"note": "Проверьте срок."}, format="json")
    assert submitted.json()["submit_note"] == "Проверьте срок." and submitted.json()["submitted_at"]
    rejected = api["reviewer"].post("/api/v1/phrases/eta/reject/", {"comment": "Короче."}, format="json")
    assert rejected.json()["changes_requested"] is True


def test_confirm_still_right_is_for_reviewers_on_approved_phrases(api, make_live_phrase, make_phrase):
    make_live_phrase(key="eta")
    make_phrase(key="draft")
    assert api["writer"].post("/api/v1/phrases/eta/confirm/", {}, format="json").status_code == 403
    confirmed = api["reviewer"].post("/api/v1/phrases/eta/confirm/", {}, format="json")
    assert confirmed.status_code == 200 and confirmed.json()["review_due_at"]
    assert api["reviewer"].post("/api/v1/phrases/draft/confirm/", {}, format="json").status_code == 409


def test_revert_with_publish_rolls_back_the_live_text(api, make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(key="eta", body="Одну минуту, пожалуйста.")
    first = phrase.history.filter(status="approved").first().history_id
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Одну секунду, пожалуйста."})
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)
    response = api["reviewer"].post("/api/v1/phrases/eta/revert/", {"version": first, "publish": True,
                                                                     "acknowledge_warnings": True}, format="json")
    assert response.status_code == 200 and response.json()["live"]["body"] == "Одну минуту, пожалуйста."
