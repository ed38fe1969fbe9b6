"""A review digest lists at most QUICKPHRASES_DIGEST_MAX_PHRASES phrases, counts the rest and links
to them, so its size does not grow with the library; a digest the mail server refuses for good is
not retried every day."""
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from phrases.models import LivePhrase, Phrase, PhraseStatus
from reminders.models import ReminderDigest, ReminderEntry
from reminders.services import send_review_reminders

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.QUICKPHRASES_SITE_URL = "https://phrases.example.com"
    settings.QUICKPHRASES_DIGEST_MAX_PHRASES = 50
    settings.QUICKPHRASES_REMINDER_REPEAT_DAYS = 7


@pytest.fixture
def owner(writer):
    writer.email = "wanda@example.com"
    writer.save()
    return writer


def _due_library(count, owner, topic, *, start=0):
    """`count` approved, live phrases owned by `owner`, overdue by 1…count days (written in bulk)."""
    phrases = Phrase.objects.bulk_create([
        Phrase(key=f"due-{n}", title=f"Сроки доставки {n}", body="Заказ {order_id} в пути.", topic=topic,
               language="ru", owner=owner, status=PhraseStatus.APPROVED, reviewed_at=timezone.now(),
               review_due_at=TODAY - timedelta(days=1 + n % 400))
        for n in range(start, start + count)], batch_size=1000)
    LivePhrase.objects.bulk_create([
        LivePhrase(phrase=p, key=p.key, title=p.title, body=p.body, topic=topic, language="ru", keywords=[],
                   version=1, approved_at=timezone.now()) for p in phrases], batch_size=1000)


def _digest_size():
    message = mail.outbox[-1]
    return len(message.body.encode()) + sum(len(content.encode()) for content, _ in message.alternatives)


def test_a_digest_stays_small_however_many_phrases_are_due(owner, topic):
    _due_library(60, owner, topic)
    send_review_reminders(as_of=TODAY)
    small = _digest_size()
    message = mail.outbox[-1]
    assert "60 phrases are due" in message.subject.replace("Quickphrases: ", "") or "60" in message.subject
    assert "…and 10 more" in message.body and "https://phrases.example.com/phrases/?overdue=1" in message.body
    assert ReminderEntry.objects.count() == 50  # only what it named counts as reminded

    ReminderDigest.objects.all().delete()
    _due_library(2940, owner, topic, start=60)
    send_review_reminders(as_of=TODAY)
    large = _digest_size()
    assert "3000" in mail.outbox[-1].subject.replace(",", "").replace("\u00a0", "")
    assert "…and 2950 more" in mail.outbox[-1].body.replace(",", "")
    assert large < small * 1.1 and large < 100_000, (small, large)
    print(f"digest for 60 due phrases: {small:,} bytes; for 3,000: {large:,} bytes")


def test_the_phrases_not_listed_today_are_listed_by_the_next_digest(owner, topic):
    _due_library(70, owner, topic)
    send_review_reminders(as_of=TODAY)
    send_review_reminders(as_of=TODAY + timedelta(days=1))
    named = [set(digest.entries.values_list("phrase__key", flat=True)) for digest in ReminderDigest.objects.all()]
    assert len(named) == 2 and not named[0] & named[1] and len(named[0] | named[1]) == 70


class _SizeRefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPDataError(552, b"5.3.4 Message size exceeds fixed limit")


def test_a_digest_refused_for_good_is_not_retried_every_day(owner, topic, settings):
    _due_library(3, owner, topic)
    settings.EMAIL_BACKEND = "tests.hardening.test_digest_cap._SizeRefusingBackend"
    first = send_review_reminders(as_of=TODAY)
    assert len(first.failed) == 1 and "552" in first.failed[0][1]
    assert "552" in ReminderDigest.objects.get().refusal
    again = send_review_reminders(as_of=TODAY)  # the same day: not again
    assert again.failed == [] and again.planned == []
    assert send_review_reminders(as_of=TODAY + timedelta(days=1)).planned == []  # nor the next days
    later = send_review_reminders(as_of=TODAY + timedelta(days=7))  # after the repeat interval, once
    assert len(later.failed) == 1


def test_a_temporary_failure_is_retried_by_the_next_run(owner, topic, settings):
    _due_library(3, owner, topic)
    settings.EMAIL_BACKEND = "tests.hardening.test_digest_cap._BusyBackend"
    assert len(send_review_reminders(as_of=TODAY).failed) == 1
    assert not ReminderDigest.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert len(send_review_reminders(as_of=TODAY).sent) == 1


class _BusyBackend(_SizeRefusingBackend):
    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPDataError(451, b"4.3.0 Try again later")
