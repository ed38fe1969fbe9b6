"""Monthly review reminders go to owners by e-mail, with usage figures."""
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from phrases import services

pytestmark = pytest.mark.django_db


def test_due_phrases_are_mailed_to_their_owner_with_usage(make_live_phrase, writer, operator, settings):
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 30
    writer.email = "wanda@example.com"
    writer.save()
    used = make_live_phrase(key="used-phrase")
    make_live_phrase(key="unused-phrase", shortcut="/un")
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 60
    make_live_phrase(key="not-due-yet", shortcut="/nd")
    for _ in range(3):
        services.phrase_record_use(phrase=used, user=operator, client="test")
    due_day = timezone.localdate() + timedelta(days=30)

    sent = services.send_review_reminders(today=due_day)

    assert sent == 1
    message = mail.outbox[0]
    assert message.to == ["wanda@example.com"]
    assert "2 phrase(s) due" in message.subject
    assert "used-phrase" in message.body and "unused-phrase" in message.body
    assert "not-due-yet" not in message.body
    unused_section = message.body.split("Not used at all")[1].split("All phrases due")[0]
    assert "unused-phrase" in unused_section and "- used-phrase" not in unused_section
    assert "used-phrase [ru, delivery] Сроки доставки: 3 / 3" in message.body


def test_phrases_without_owner_address_go_to_reviewers(make_live_phrase, reviewer, settings):
    reviewer.email = "roman@example.com"
    reviewer.save()
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 0
    make_live_phrase()
    call_command("send_review_reminders")
    assert [m.to for m in mail.outbox] == [["roman@example.com"]]


def test_nothing_due_sends_nothing(make_live_phrase):
    make_live_phrase()
    assert services.send_review_reminders() == 0
    assert mail.outbox == []
