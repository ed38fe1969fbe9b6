"""A reviewer opens /health/ and confirms an overdue phrase as still right with one click."""
from datetime import timedelta

import pytest
from django.utils import timezone

from phrases.models import Phrase
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_confirms_an_overdue_phrase_from_the_health_page(page, reviewer, make_live_phrase, settings):
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 0  # approved today, due today
    make_live_phrase(key="eta-ru", title="Сроки доставки")
    make_live_phrase(key="refund-ru", title="Возврат", shortcut="/ref")
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 30
    log_in(page, reviewer.username, "pw-" + reviewer.username)

    page.goto("/health/")
    assert page.inner_text(".health-figures li:first-child .figure-number") == "2"
    page.get_by_role("button", name="Still right: Сроки доставки").click()

    page.wait_for_url("**/health/")
    assert "“Сроки доставки” is confirmed as still right" in page.inner_text(".health-messages")
    assert page.inner_text(".health-figures li:first-child .figure-number") == "1"
    assert page.get_by_role("button", name="Still right: Сроки доставки").count() == 0
    assert Phrase.objects.get(key="eta-ru").review_due_at == timezone.localdate() + timedelta(days=30)
