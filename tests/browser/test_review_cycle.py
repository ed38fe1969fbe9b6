"""The whole review cycle in a real browser: a writer's edit with brand-voice findings, a rejection
with a comment, the fix and resubmission, approval from the queue, the operator's search, history
and restore — with the operator never seeing the draft, and the Russian interface for `ru`."""
import re

import pytest

from phrases.models import LivePhrase, Phrase
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE_TEXT = "Спасибо за ожидание."
TYPED = "Спасибо за ожидание, спс что вы с нами."


@pytest.fixture
def session(browser, live_server):
    """A logged-in browser session for a user, in a language (its own cookies)."""
    contexts = []

    def open_as(user, language="en"):
        context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale=language,
                                      extra_http_headers={"Accept-Language": language})
        contexts.append(context)
        page = context.new_page()
        log_in(page, user.username, "pw-" + user.username)
        page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()


def lint_marks(page):
    page.wait_for_function("document.querySelectorAll('.lint-backdrop mark').length >= 1")
    return [mark.inner_text() for mark in page.locator(".lint-backdrop mark").all()]


def operator_sees_no_draft(page, key, draft_words):
    """Every page an operator can open, and the search, keep the draft text away from them."""
    for path in ("/", "/review/", f"/phrases/{key}/", f"/phrases/{key}/history/", "/phrases/",
                 f"/api/v1/phrases/{key}/", f"/api/v1/phrases/{key}/history/"):
        response = page.goto(path)
        assert draft_words not in page.content(), path
        if path not in ("/",) and not path.startswith("/api/"):  # the API serves operators the live text
            assert response.status == 403, path
    page.goto("/")
    page.fill("#q", "с нами")
    page.wait_for_function("document.getElementById('status').textContent.length > 0")
    assert draft_words not in page.inner_text("#results")


def test_whole_review_cycle(session, writer, reviewer, operator, make_live_phrase):
    make_live_phrase(key="thanks-ru", title="Благодарность", body=LIVE_TEXT)
    original_version = Phrase.objects.get(key="thanks-ru").history.first().history_id

    # The writer types «спс» and a lowercase «вы»: both are highlighted; one suggestion is applied.
    writing = session(writer)
    writing.goto("/phrases/thanks-ru/")
    writing.fill("#id_body", TYPED)
    writing.wait_for_function("document.querySelectorAll('.lint-backdrop mark.error').length === 2")
    assert lint_marks(writing) == ["спс", "вы"]
    writing.locator("#findings-list li", has_text="«вы»").locator("button.apply").click()
    writing.wait_for_function("document.getElementById('id_body').value.includes('что Вы с нами')")
    writing.wait_for_function("document.querySelectorAll('.lint-backdrop mark.error').length === 1")
    writing.fill("#id_note", "Тёплее, чем было.")
    writing.click("button[name=submit]")
    writing.wait_for_url("**/phrases/thanks-ru/")
    phrase = Phrase.objects.get(key="thanks-ru")
    assert phrase.status == "in_review" and phrase.body == "Спасибо за ожидание, спс что Вы с нами."

    # The operator never gets the draft, from any page.
    operator_sees_no_draft(session(operator), "thanks-ru", "спс что Вы с нами")

    # The reviewer sees the diff against the live text, with the flagged word, and rejects with a comment.
    reviewing = session(reviewer)
    reviewing.goto("/review/")
    card = reviewing.locator("#phrase-thanks-ru")
    assert "New phrase" not in card.inner_text()
    added = card.locator(".diff.body ins").first.evaluate(
        "el => { const c = el.cloneNode(true); c.querySelectorAll('.visually-hidden, .finding-ref')"
        ".forEach(n => n.remove()); return c.textContent; }")
    assert added == ", спс что Вы с нами"
    assert card.locator("mark.finding-error").inner_text().startswith("спс")
    assert "Тёплее, чем было." in card.inner_text()
    card.locator("summary", has_text="Reject with a comment").click()
    card.locator("textarea[name=comment]").fill("Замените «спс» на «спасибо», пожалуйста.")
    card.locator("button[value=reject]").click()
    reviewing.wait_for_selector(".message.success")
    assert "sent back to the writer" in reviewing.inner_text(".messages")

    # The writer sees "changes requested" with the comment, fixes the word and resubmits.
    writing.goto("/phrases/")
    row = writing.locator("tr", has_text="Благодарность")
    assert "Changes requested" in row.inner_text()
    writing.goto("/phrases/thanks-ru/")
    assert "Замените «спс» на «спасибо», пожалуйста." in writing.inner_text("main")
    writing.wait_for_function("document.querySelectorAll('.lint-backdrop mark.error').length === 1")
    writing.locator("#findings-list li", has_text="«спс»").locator("button.apply").click()
    writing.wait_for_function("document.getElementById('id_body').value.includes('спасибо что')")
    writing.click("button[name=submit]")
    writing.wait_for_url("**/phrases/thanks-ru/")
    assert Phrase.objects.get(key="thanks-ru").status == "in_review"

    # The reviewer approves from the queue: one click.
    reviewing.goto("/review/")
    reviewing.locator("#phrase-thanks-ru button[value=approve]").click()
    reviewing.wait_for_selector(".message.success")
    new_text = "Спасибо за ожидание, спасибо что Вы с нами."
    assert LivePhrase.objects.get(key="thanks-ru").body == new_text

    # The operator's search returns the new text.
    searching = session(operator)
    searching.fill("#q", "с нами")
    searching.wait_for_function("document.querySelector('#results [role=option]') !== null")
    assert new_text in searching.inner_text("#results")

    # History shows every version; restoring (and publishing) the original text works.
    reviewing.goto("/phrases/thanks-ru/history/")
    versions = Phrase.objects.get(key="thanks-ru").history.count()
    assert reviewing.locator("li.version").count() == versions
    assert "Changes requested: Замените «спс»" in reviewing.inner_text("main")
    restore = reviewing.locator(f"form.restore:has(input[name=version][value='{original_version}'])")
    if restore.count() == 0:  # the button sits on the newest version of that text
        restore = reviewing.locator("form.restore").last
    restore.locator("button[name=publish]").click()
    reviewing.locator("#confirm-publish button[type=submit]").click()  # publishing asks to confirm
    reviewing.wait_for_selector(".message.success")
    assert "restored and live" in reviewing.inner_text(".messages")
    assert LivePhrase.objects.get(key="thanks-ru").body == LIVE_TEXT
    assert reviewing.locator("li.version").count() == versions + 1


def test_russian_browser_gets_the_russian_review_pages(session, reviewer, writer, make_phrase):
    from phrases import services

    phrase = make_phrase(key="wait-ru", title="Ожидание", body="Одну минуту, пожалуйста.")
    services.phrase_submit(phrase=phrase, actor=writer)
    page = session(reviewer, "ru")
    page.goto("/review/")
    assert page.get_attribute("html", "lang") == "ru"
    assert page.inner_text("h1") == "Очередь на проверку"
    assert page.locator("#phrase-wait-ru button[value=approve]").inner_text() == "Одобрить"
    assert re.search(r"в очереди|отправлена только что", page.inner_text("#phrase-wait-ru .meta"))
    page.goto("/phrases/wait-ru/history/")
    assert "Отправлена на проверку" in page.inner_text("main")
