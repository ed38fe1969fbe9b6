"""Races replayed on PostgreSQL: a request that waits on a phrase's row lock must judge the phrase
by the state that holds once it has the lock, and never answer 500 (issue 14, items 1 and 2)."""
import pytest

from phrases import services
from phrases.models import LivePhrase, Phrase, PhraseStatus, Topic
from tests.races.conftest import postgres_only

pytestmark = [postgres_only, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def in_review(make_phrase, writer):
    return services.phrase_submit(phrase=make_phrase(key="eta"), actor=writer)


@pytest.fixture
def other_topic(db):
    return Topic.objects.create(slug="payment", name="Оплата")


def _fresh(phrase):
    return Phrase.objects.get(pk=phrase.pk)


def test_writers_archive_waiting_on_an_approval_is_refused_as_the_phrase_is_then_live(
        api, in_review, reviewer, hold_row_lock):
    def approve():
        services.phrase_approve(phrase=_fresh(in_review), actor=reviewer, acknowledge_warnings=True)

    response = hold_row_lock(in_review, approve, lambda: api["writer"].delete("/api/v1/phrases/eta/"))
    assert response.status_code == 403
    assert _fresh(in_review).status == PhraseStatus.APPROVED
    assert LivePhrase.objects.filter(key="eta").exists()


def test_edit_waiting_on_a_topic_move_applies_to_the_moved_phrase(api, in_review, writer, other_topic,
                                                                    hold_row_lock):
    def move():
        services.phrase_update(phrase=_fresh(in_review), actor=writer, changes={"topic": other_topic})

    response = hold_row_lock(in_review, move, lambda: api["writer"].patch(
        "/api/v1/phrases/eta/", {"title": "Срок доставки"}, format="json"))
    assert response.status_code == 200
    phrase = _fresh(in_review)
    assert (phrase.topic, phrase.title) == (other_topic, "Срок доставки")


def test_archive_waiting_on_a_topic_move_archives_the_moved_phrase(api, in_review, writer, other_topic,
                                                                   hold_row_lock):
    def move():
        services.phrase_update(phrase=_fresh(in_review), actor=writer, changes={"topic": other_topic})

    response = hold_row_lock(in_review, move, lambda: api["reviewer"].delete("/api/v1/phrases/eta/"))
    assert response.status_code == 200 and response.json()["topic"] == "payment"
    assert _fresh(in_review).status == PhraseStatus.ARCHIVED


@pytest.mark.parametrize("action, body", [("approve", {"acknowledge_warnings": True}), ("submit", {}),
                                          ("reject", {"comment": "Короче."})])
def test_workflow_steps_waiting_on_a_topic_move_judge_the_moved_phrase(api, in_review, writer, other_topic,
                                                                       hold_row_lock, action, body):
    # The writer's move returns the phrase to draft: approve and reject then refuse (409), submit
    # goes ahead; none of them answers 500.
    def move():
        services.phrase_update(phrase=_fresh(in_review), actor=writer, changes={"topic": other_topic})

    response = hold_row_lock(in_review, move, lambda: api["reviewer"].post(
        f"/api/v1/phrases/eta/{action}/", body, format="json"))
    assert response.status_code == (200 if action == "submit" else 409)
    if action != "submit":
        assert "is draft; only a phrase in review" in response.json()["detail"]
    assert _fresh(in_review).topic == other_topic


def test_revert_waiting_on_a_topic_move_succeeds(api, in_review, writer, other_topic, hold_row_lock):
    first = in_review.history.last().history_id

    def move():
        services.phrase_update(phrase=_fresh(in_review), actor=writer, changes={"topic": other_topic})

    response = hold_row_lock(in_review, move, lambda: api["reviewer"].post(
        "/api/v1/phrases/eta/revert/", {"version": first}, format="json"))
    assert response.status_code == 200 and response.json()["topic"] == "delivery"
