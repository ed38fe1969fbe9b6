"""A brand-new operator's picker in their browser's language: a shared /shortcut + Enter copies their own
language; language chips and Alt+←/→ switch the variant before copying; copying another language once
never makes it first next time."""
import os

import pytest

from phrases.models import PhraseUse
from tests.browser.conftest import log_in
from tests.browser.test_picker import copied_text, search

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fresh_search_index")]

WAIT = {
    "ru": ("Минуту, пожалуйста", "Одну минуту, пожалуйста, я уточню информацию."),
    "en": ("One moment please", "One moment please, I am checking the information."),
    "pl": ("Chwileczkę", "Proszę o chwilę cierpliwości, sprawdzam informacje."),
}
BROWSERS = {"ru": "ru-RU,ru;q=0.9", "pl": "pl-PL,pl;q=0.9", "en": "en-US,en;q=0.9"}
SCREENSHOTS = os.environ.get("QP_SCREENSHOTS")  # a folder: the tests also save what they show there


@pytest.fixture
def wait_family(db):
    """/wait in three languages, one family, imported approved (the import sets `family`)."""
    from phrases import services

    services.library_import({"format": "quickphrases/v1", "topics": [{"slug": "waiting", "name": "Ожидание",
                                                                        "parent": None}],
                             "phrases": [{"key": f"wait-{code}", "title": title, "body": body, "topic": "waiting",
                                          "language": code, "shortcut": "/wait", "keywords": [],
                                          "status": "approved", "family": "wait"}
                                         for code, (title, body) in WAIT.items()]})


def browser_page(browser, live_server, language, width=1280, height=800):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale=BROWSERS[language].split(",")[0],
                                  extra_http_headers={"Accept-Language": BROWSERS[language]},
                                  viewport={"width": width, "height": height})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    return context, context.new_page()


def logged_in(page, user):
    log_in(page, user.username, "pw-" + user.username)
    page.wait_for_url("**/")


@pytest.mark.parametrize("language", ["ru", "pl", "en"])
def test_a_new_operator_gets_their_browser_language_for_a_shared_shortcut(browser, live_server, operator,
                                                                         wait_family, language):
    context, page = browser_page(browser, live_server, language)
    try:
        logged_in(page, operator)
        search(page, "/wait")
        assert page.locator("#results [role=option]").count() == 1  # the family once
        page.press("#q", "Enter")
        assert copied_text(page) == WAIT[language][1]
    finally:
        context.close()


@pytest.mark.parametrize("width, height", [(1280, 800), (400, 700)])
def test_chips_and_alt_arrows_switch_the_variant_and_russian_stays_first(browser, live_server, operator,
                                                                        wait_family, width, height):
    context, page = browser_page(browser, live_server, "ru", width, height)
    try:
        logged_in(page, operator)
        search(page, "/wait")
        option = page.locator("#results [role=option]").first
        assert option.get_attribute("lang") == "ru"
        chips = option.locator(".variant")
        assert chips.all_inner_texts() == ["RU", "EN", "PL"]
        # The option tells a screen reader which languages there are and how to switch.
        assert "Alt+←" in option.inner_text()
        page.press("#q", "Alt+ArrowRight")
        page.wait_for_function("document.querySelector('#results [role=option]').lang === 'en'")
        assert option.locator(".variant.on").inner_text() == "EN"
        assert page.url.endswith("/")  # Alt+→ switched the variant, not the browser's history
        page.press("#q", "Alt+ArrowLeft")
        page.wait_for_function("document.querySelector('#results [role=option]').lang === 'ru'")
        page.press("#q", "Alt+ArrowLeft")  # wraps round to the last language
        page.wait_for_function("document.querySelector('#results [role=option]').lang === 'pl'")
        if SCREENSHOTS:
            page.screenshot(path=os.path.join(SCREENSHOTS, f"picker-variants-{width}.png"))
        page.locator("#results .variant", has_text="EN").click()
        page.wait_for_function("document.querySelector('#results [role=option]').lang === 'en'")
        assert page.evaluate("document.activeElement.id") == "q"
        with page.expect_response(lambda response: "/wait-en/used/" in response.url) as used:
            page.press("#q", "Enter")
        assert used.value.ok
        assert copied_text(page) == WAIT["en"][1]
        page.wait_for_function("document.querySelector('#status').textContent.includes('One moment')")
        assert PhraseUse.objects.filter(phrase__key="wait-en").count() == 1

        # Next time (a new page, the English copy recorded), Russian is still first, typed or empty.
        page.reload()
        search(page, "/wait")
        assert page.locator("#results [role=option]").first.get_attribute("data-key") == "wait-ru"
        page.press("#q", "Enter")
        assert copied_text(page) == WAIT["ru"][1]
        search(page, "")
        assert page.locator("#results [role=option]").first.get_attribute("data-key") == "wait-ru"
    finally:
        context.close()
