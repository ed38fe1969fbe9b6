"""A writer hears by e-mail when a reviewer approves or sends back their phrase."""
import logging

import pytest
from django.core import mail

from accounts.models import Profile
from phrases import services
from phrases.models import Phrase

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(make_phrase, writer_with_address):
    phrase = make_phrase(key="eta-ru", title="Сроки доставки")
    return services.phrase_submit(phrase=phrase, actor=writer_with_address)


def _approve(phrase, actor, capture):
    with capture(execute=True):
        return services.phrase_approve(phrase=phrase, actor=actor, acknowledge_warnings=True)


def _reject(phrase, actor, capture, comment="Уточните срок: «до 3 дней».\nИ без «щас»."):
    with capture(execute=True):
        return services.phrase_reject(phrase=phrase, actor=actor, comment=comment)


def test_approval_mail_reaches_the_writer_with_a_link(in_review, reviewer, django_capture_on_commit_callbacks):
    reviewer.first_name, reviewer.last_name = "Roman", "Reviewer"
    reviewer.save()
    _approve(in_review, reviewer, django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == ["wanda@example.com"]
    assert message.subject == "Approved: “Сроки доставки”"
    assert "was approved by Roman Reviewer" in message.body
    assert "https://phrases.example.com/phrases/eta-ru/" in message.body
    assert 'href="https://phrases.example.com/phrases/eta-ru/"' in message.alternatives[0][0]


def test_rejection_mail_carries_the_reviewers_comment(in_review, reviewer, django_capture_on_commit_callbacks):
    _reject(in_review, reviewer, django_capture_on_commit_callbacks, comment="Уточните срок.\nИ без <b>«щас»</b>.")

    [message] = mail.outbox
    assert message.subject == "Sent back for changes: “Сроки доставки”"
    assert "Уточните срок.\nИ без <b>«щас»</b>." in message.body
    assert "Уточните срок.\nИ без &lt;b&gt;«щас»&lt;/b&gt;." in message.alternatives[0][0]


def test_outcome_mail_is_in_the_writers_language(in_review, writer_with_address, reviewer,
                                                 django_capture_on_commit_callbacks):
    Profile.objects.create(user=writer_with_address, interface_language="pl")
    _reject(in_review, reviewer, django_capture_on_commit_callbacks)
    assert mail.outbox[0].subject == "Odesłano do poprawy: „Сроки доставки”"
    assert "Komentarz recenzenta:" in mail.outbox[0].body


def test_writer_who_switched_outcome_mail_off_gets_none(in_review, writer_with_address, reviewer,
                                                        django_capture_on_commit_callbacks):
    Profile.objects.create(user=writer_with_address, review_emails=False)
    _approve(in_review, reviewer, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_reviewer_deciding_on_their_own_phrase_gets_no_mail(make_phrase, reviewer,
                                                            django_capture_on_commit_callbacks):
    reviewer.email = "roman@example.com"
    reviewer.save()
    phrase = services.phrase_submit(phrase=make_phrase(actor=reviewer), actor=reviewer)
    _approve(phrase, reviewer, django_capture_on_commit_callbacks)
    assert mail.outbox == []


@pytest.mark.parametrize("change", [{"is_active": False}, {"email": ""}])
def test_inactive_or_addressless_writers_get_no_mail(in_review, writer_with_address, reviewer, change,
                                                     django_capture_on_commit_callbacks):
    for name, value in change.items():
        setattr(writer_with_address, name, value)
    writer_with_address.save()
    _reject(in_review, reviewer, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_a_failing_mail_server_never_undoes_the_decision(in_review, reviewer, settings, caplog,
                                                         django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.reminders.mail_backends.RefusingSomeRecipientsBackend"
    writer = in_review.owner
    writer.email = "wanda@refused.example"
    writer.save()

    with caplog.at_level(logging.ERROR, logger="reminders.services"):
        _approve(in_review, reviewer, django_capture_on_commit_callbacks)

    assert Phrase.objects.get(pk=in_review.pk).status == "approved"
    assert "Review-outcome mail to wanda-writer <wanda@refused.example> about eta-ru was not sent" in caplog.text


def test_no_mail_when_the_decision_rolls_back(in_review, reviewer, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        services.phrase_approve(phrase=in_review, actor=reviewer, acknowledge_warnings=True)
        raise RuntimeError("rolled back")
    assert mail.outbox == []
