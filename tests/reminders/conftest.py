"""Reminder tests run the cycle on chosen days with `as_of`: phrases approved today fall due
after QUICKPHRASES_REVIEW_INTERVAL_DAYS (30 here)."""
from datetime import timedelta

import pytest
from django.utils import timezone

INTERVAL = 30


@pytest.fixture(autouse=True)
def _review_cycle_settings(settings):
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = INTERVAL
    settings.QUICKPHRASES_REMINDER_REPEAT_DAYS = 7
    settings.QUICKPHRASES_SITE_URL = "https://phrases.example.com"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def due_day():
    """The day phrases approved today fall due."""
    return timezone.localdate() + timedelta(days=INTERVAL)


@pytest.fixture
def writer_with_address(writer):
    writer.email = "wanda@example.com"
    writer.first_name = "Wanda"
    writer.save()
    return writer


@pytest.fixture
def reviewer_with_address(reviewer):
    reviewer.email = "roman@example.com"
    reviewer.save()
    return reviewer
