"""A mail server that refuses or stays silent: reported with the recipient, nothing logged as sent,
the next run sends it; one failure does not stop the other digests."""
import socket
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from reminders.models import ReminderDigest
from reminders.services import send_review_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now: connections are refused
    return port


@pytest.fixture
def silent_server():
    """Accepts TCP connections and never says a word (a hung mail server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


def _smtp(settings, port, timeout=0.5):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, timeout
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""


def test_refused_connection_records_nothing_and_the_next_run_sends(make_live_phrase, writer_with_address, due_day,
                                                                  settings, closed_port):
    make_live_phrase()
    _smtp(settings, closed_port)

    run = send_review_reminders(as_of=due_day)

    assert run.sent == [] and len(run.failed) == 1
    digest, reason = run.failed[0]
    assert digest.recipient == writer_with_address and "ConnectionRefusedError" in reason
    assert not ReminderDigest.objects.exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry = send_review_reminders(as_of=due_day)
    assert len(retry.sent) == 1 and [m.to for m in mail.outbox] == [["wanda@example.com"]]
    assert ReminderDigest.objects.filter(sent_at__isnull=False).count() == 1


def test_silent_server_times_out_and_is_reported(make_live_phrase, writer_with_address, due_day, settings,
                                                 silent_server):
    make_live_phrase()
    _smtp(settings, silent_server)

    run = send_review_reminders(as_of=due_day)

    assert len(run.failed) == 1 and "timed out" in run.failed[0][1]
    assert not ReminderDigest.objects.exists()


def test_one_refused_recipient_does_not_stop_the_others(make_live_phrase, make_phrase, writer_with_address,
                                                        reviewer, django_user_model, due_day, settings):
    from django.contrib.auth.models import Group

    from phrases import services

    refused = django_user_model.objects.create_user("rex", "rex@refused.example", "pw")
    refused.groups.add(Group.objects.get(name="writers"))
    make_live_phrase(key="wandas")
    theirs = make_phrase(key="rexs", shortcut="/rx", actor=refused)
    services.phrase_submit(phrase=theirs, actor=refused)
    services.phrase_approve(phrase=theirs, actor=reviewer, acknowledge_warnings=True)
    settings.EMAIL_BACKEND = "tests.reminders.mail_backends.RefusingSomeRecipientsBackend"

    run = send_review_reminders(as_of=due_day)

    assert [d.recipient for d in run.sent] == [writer_with_address]
    assert [d.recipient for d, _ in run.failed] == [refused]
    assert "SMTPRecipientsRefused" in run.failed[0][1]
    assert list(ReminderDigest.objects.filter(sent_at__isnull=False).values_list("email", flat=True)) == [
        "wanda@example.com"]
    assert "550" in ReminderDigest.objects.get(email="rex@refused.example").refusal  # refused for good: kept

    refused.email = "rex@example.com"
    refused.save()
    retry = send_review_reminders(as_of=due_day)
    assert [d.recipient for d in retry.sent] == [refused]
    assert "/phrases/rexs/" in mail.outbox[-1].body and "/phrases/wandas/" not in mail.outbox[-1].body


def test_command_names_the_failed_recipient_and_exits_non_zero(make_live_phrase, writer_with_address, due_day,
                                                               settings, closed_port):
    make_live_phrase()
    _smtp(settings, closed_port)
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="1 review reminder digest"):
        call_command("send_review_reminders", "--as-of", due_day.isoformat(), stdout=out, stderr=err)

    assert "FAILED to send to wanda-writer <wanda@example.com>: ConnectionRefusedError" in err.getvalue()
    assert "0 digest(s) sent, 1 failed" in out.getvalue()


def test_a_run_that_died_mid_send_leaves_a_claim_the_next_run_releases(make_live_phrase, writer_with_address,
                                                                      due_day):
    from datetime import timedelta

    from django.utils import timezone

    make_live_phrase()
    ReminderDigest.objects.create(recipient=writer_with_address, email=writer_with_address.email, language="en",
                                  period=due_day, subject="…")
    assert send_review_reminders(as_of=due_day).sent == [], "a fresh claim means another run is sending"
    ReminderDigest.objects.update(created_at=timezone.now() - timedelta(hours=2))

    assert len(send_review_reminders(as_of=due_day).sent) == 1
