"""The reminder log in the admin: reviewers read it, nobody edits it."""
import pytest
from django.contrib.auth.models import Group

from reminders.models import ReminderDigest
from reminders.services import send_review_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(make_live_phrase, writer_with_address, due_day):
    make_live_phrase(key="eta-ru")
    send_review_reminders(as_of=due_day)
    return ReminderDigest.objects.get()


@pytest.fixture
def staff_reviewer(reviewer):
    reviewer.is_staff = True
    reviewer.save()
    return reviewer


def test_reviewers_read_the_log_with_its_phrases(client, staff_reviewer, logged):
    client.force_login(staff_reviewer)
    listing = client.get("/admin/reminders/reminderdigest/")
    assert listing.status_code == 200 and "wanda@example.com" in listing.content.decode()
    detail = client.get(f"/admin/reminders/reminderdigest/{logged.pk}/change/")
    assert detail.status_code == 200 and "eta-ru" in detail.content.decode()


def test_nobody_edits_or_adds_log_rows(client, superuser, logged):
    client.force_login(superuser)
    assert client.get("/admin/reminders/reminderdigest/add/").status_code == 403
    response = client.post(f"/admin/reminders/reminderdigest/{logged.pk}/change/", {"email": "x@example.com"})
    assert response.status_code == 403
    logged.refresh_from_db()
    assert logged.email == "wanda@example.com"


def test_staff_writers_do_not_see_the_log(client, writer_with_address, logged):
    writer_with_address.is_staff = True
    writer_with_address.save()
    client.force_login(writer_with_address)
    assert client.get("/admin/reminders/reminderdigest/").status_code == 403
    assert Group.objects.filter(name="writers", user=writer_with_address).exists()
