"""A writer writes a phrase in the browser: findings as they type, a one-click fix, save, submit."""
import pytest

from phrases.models import Phrase, PhraseStatus
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_writer_sees_findings_in_place_applies_a_fix_saves_and_submits(page, writer, topic):
    log_in(page, writer.username, "pw-" + writer.username)
    page.goto("/phrases/new/")
    page.fill("#id_title", "Спасибо за ожидание")
    page.select_option("#id_language", "ru")
    page.select_option("#id_topic", str(topic.pk))
    page.click("#id_body")
    page.keyboard.type("{client_name}, спс за ожидание, вы получите заказ {date}.")

    # Both words are marked behind the text, each with its message and fix in the list.
    page.locator(".lint-backdrop mark", has_text="спс").wait_for()
    assert page.locator(".lint-backdrop mark", has_text="вы").count() == 1
    assert page.locator(".lint-backdrop mark.error").count() >= 2
    fix = page.locator("#findings-list .finding", has_text="«спс»").locator("button.apply")
    assert "спасибо" in fix.inner_text()
    fix.click()
    assert "спасибо за ожидание" in page.input_value("#id_body")
    page.wait_for_function("!document.querySelector('.lint-backdrop').textContent.includes('спс')")
    page.wait_for_function("document.querySelectorAll('.lint-backdrop mark').length === 1")  # only «вы» left

    # The key is made from the title; keywords become chips; the hotkey is captured by pressing it.
    page.locator("#key-suggestion", has_text="spasibo-za-ozhidanie-ru").wait_for()
    page.fill("#keyword-input", "ожидание")
    page.keyboard.press("Enter")
    page.focus("#id_hotkey")
    page.keyboard.press("Control+Alt+7")
    assert page.input_value("#id_hotkey") == "Ctrl+Alt+7"
    page.locator("#hotkey-status", has_text="Free").wait_for()

    page.click("button[name=save]")
    page.locator(".message", has_text="Draft saved").wait_for()
    phrase = Phrase.objects.get()
    assert phrase.key == "spasibo-za-ozhidanie-ru" and phrase.status == PhraseStatus.DRAFT
    assert phrase.keywords == ["ожидание"] and phrase.hotkey == "Ctrl+Alt+7"
    assert "спасибо за ожидание, вы получите" in phrase.body

    page.fill("#id_note", "Проверьте, пожалуйста, обращение.")
    page.click("button[name=submit]")
    page.locator(".message", has_text="Sent for review with 1 brand-voice error").wait_for()
    phrase.refresh_from_db()
    assert phrase.status == PhraseStatus.IN_REVIEW
    assert phrase.submit_note == "Проверьте, пожалуйста, обращение."


def test_a_russian_browser_gets_the_russian_interface(browser, live_server, writer):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="ru-RU",
                                  extra_http_headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    page = context.new_page()
    try:
        page.goto("/login/")
        assert page.locator("html").get_attribute("lang") == "ru"
        assert page.locator("h1").inner_text() == "Войти"
        log_in(page, writer.username, "pw-" + writer.username)
        page.goto("/phrases/new/")
        assert page.locator("nav.site-nav").inner_text().count("Библиотека") == 1
        assert page.locator("button[name=submit]").inner_text() == "Отправить на проверку"
        assert page.locator("label[for=id_title]").inner_text() == "Заголовок"
    finally:
        context.close()


def test_an_operator_gets_no_draft_text_from_any_page(page, operator, make_phrase, make_live_phrase, writer):
    from phrases import services

    live = make_live_phrase(key="live-ru", body="Одобренный текст, {client_name}.")
    services.phrase_update(phrase=live, actor=writer, changes={"body": "Правка в работе, {client_name}."})
    draft = make_phrase(key="draft-ru", body="Черновик не для операторов, {client_name}.")
    operator.is_staff = True  # even an operator given admin access by hand
    operator.save()
    log_in(page, operator.username, "pw-" + operator.username)
    page.locator("#results [role=option]").first.wait_for()
    pages = ["/", "/phrases/", f"/phrases/{draft.key}/", f"/phrases/{live.key}/", "/phrases/?status=draft",
             "/admin/", "/admin/phrases/phrase/", f"/admin/phrases/phrase/{draft.pk}/change/",
             f"/admin/phrases/phrase/{live.pk}/history/", "/admin/phrases/livephrase/"]
    for path in pages:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        content = page.content()
        assert "Черновик не для операторов" not in content, path
        assert "Правка в работе" not in content, path
    page.goto("/")
    page.fill("#q", "правка")
    page.wait_for_load_state("networkidle")
    assert "Правка в работе" not in page.content()
