"""A reviewer sees a variant marked "may be outdated" with the diff that caused it, and confirms
it is still right from the editor in a real browser."""
import pytest

from phrases import services
from phrases.models import DriftMark, Phrase
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_confirms_a_variant_marked_may_be_outdated(page, writer, reviewer, make_live_phrase):
    ru = make_live_phrase(key="hold-minute-ru", family="hold-minute", title="Минутку", body="Одну минуту, пожалуйста.")
    make_live_phrase(key="hold-minute-en", family="hold-minute", language="en", title="One minute",
                     body="One moment, please.")
    edited = services.phrase_update(phrase=ru, actor=writer, changes={"body": "Одну минуту, я проверю заказ."})
    services.phrase_submit(phrase=edited, actor=writer)
    services.phrase_approve(phrase=Phrase.objects.get(pk=ru.pk), actor=reviewer, acknowledge_warnings=True)
    log_in(page, reviewer.username, "pw-" + reviewer.username)

    page.goto("/phrases/?outdated=1")
    page.get_by_role("link", name="One minute").click()
    drift = page.locator("#drift")
    assert "я проверю заказ" in drift.locator("ins").inner_text()
    drift.get_by_role("button", name="Still right: this variant says the same").click()

    page.wait_for_url("**/phrases/hold-minute-en/")
    assert page.locator("#drift").count() == 0
    assert not DriftMark.objects.exists()
