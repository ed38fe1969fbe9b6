"""The review cycle around a decision: changes requested, the writer's note, reviewer's fixes,
"still right", restore-and-publish, and the signal the review-outcome mail listens to."""
from datetime import timedelta

import pytest
from django.utils import timezone

from phrases import services
from phrases.errors import IllegalTransition
from phrases.models import PhraseStatus
from phrases.signals import phrase_reviewed


@pytest.fixture
def decisions():
    received = []

    def receiver(sender, phrase, actor, outcome, comment, **kwargs):
        received.append((phrase.key, actor.username, outcome, comment))

    phrase_reviewed.connect(receiver, dispatch_uid="test-decisions")
    yield received
    phrase_reviewed.disconnect(dispatch_uid="test-decisions")


def test_rejected_phrase_stays_changes_requested_with_comment_until_resubmitted(make_phrase, writer, reviewer):
    phrase = make_phrase()
    services.phrase_submit(phrase=phrase, actor=writer, note="Проверьте, пожалуйста, срок.")
    phrase.refresh_from_db()
    assert phrase.submit_note == "Проверьте, пожалуйста, срок." and phrase.submitted_at is not None
    services.phrase_reject(phrase=phrase, actor=reviewer, comment="Уберите слово «заказ».")
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Срок доставки"})
    phrase.refresh_from_db()
    assert phrase.changes_requested and phrase.review_comment == "Уберите слово «заказ»."
    services.phrase_submit(phrase=phrase, actor=writer)
    phrase.refresh_from_db()
    assert not phrase.changes_requested and phrase.review_comment == "" and phrase.status == PhraseStatus.IN_REVIEW


def test_reviewers_own_fix_keeps_the_phrase_in_review(make_phrase, writer, reviewer):
    phrase = make_phrase()
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_update(phrase=phrase, actor=reviewer, changes={"body": "{client_name}, заказ будет у Вас {date}."})
    phrase.refresh_from_db()
    assert phrase.status == PhraseStatus.IN_REVIEW


def test_writers_edit_in_review_returns_it_to_draft(make_phrase, writer):
    phrase = make_phrase()
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Другое"})
    phrase.refresh_from_db()
    assert phrase.status == PhraseStatus.DRAFT


@pytest.mark.django_db(transaction=True)
def test_decisions_are_announced_after_commit(make_phrase, writer, reviewer, decisions):
    phrase = make_phrase(key="eta-ru")
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_reject(phrase=phrase, actor=reviewer, comment="Короче, пожалуйста.")
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_approve(phrase=phrase, actor=reviewer)
    assert decisions == [("eta-ru", reviewer.username, "rejected", "Короче, пожалуйста."),
                         ("eta-ru", reviewer.username, "approved", "")]


def test_still_right_restarts_the_clock_and_is_recorded(make_live_phrase, reviewer, topic):
    topic.review_interval_days = 14
    topic.save()
    phrase = make_live_phrase()
    phrase.review_due_at = timezone.localdate() - timedelta(days=3)
    phrase.save()
    services.phrase_confirm_current(phrase=phrase, actor=reviewer)
    phrase.refresh_from_db()
    assert phrase.review_due_at == timezone.localdate() + timedelta(days=14)
    latest = phrase.history.first()
    assert latest.history_change_reason == "Reviewed, still right" and latest.history_user == reviewer
    assert phrase.live.body == phrase.body


def test_still_right_needs_an_approved_phrase_without_pending_edit(make_live_phrase, writer, reviewer):
    phrase = make_live_phrase()
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Новое название"})
    with pytest.raises(IllegalTransition):
        services.phrase_confirm_current(phrase=phrase, actor=reviewer)


def test_reviewer_restores_and_publishes_an_older_version_in_one_step(make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    first = phrase.history.filter(status=PhraseStatus.APPROVED).first().history_id
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Одну секунду, пожалуйста."})
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_approve(phrase=phrase, actor=reviewer)
    services.phrase_revert(phrase=phrase, actor=reviewer, version_id=first, publish=True)
    phrase.refresh_from_db()
    assert phrase.status == PhraseStatus.APPROVED and phrase.live.body == "Одну минуту, пожалуйста."
    assert phrase.history.first().history_change_reason == f"Restored version {first} and published"
