"""An operator finds a phrase from a few mistyped letters, copies it, and the use is recorded."""
import pytest

from phrases.models import PhraseUse
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_types_in_wrong_layout_and_copies_the_phrase(page, operator, make_live_phrase):
    operator.first_name = "Ольга"  # the name clients see (never the login name)
    operator.save()
    make_live_phrase(key="greeting-ru", title="Приветствие", shortcut="/hi",
                     body="Здравствуйте, {client_name}! Меня зовут {operator_name}, чем могу помочь?")
    make_live_phrase(key="wait-ru", title="Ожидание", shortcut="/wait", body="Одну минуту, пожалуйста.")
    log_in(page, operator.username, "pw-" + operator.username)

    page.locator("#results [role=option]").first.wait_for()  # the page opens on the live library
    # «привет» typed on the English layout, and Enter pressed before the results caught up:
    # the copy must answer what is typed now, not the list shown a moment ago.
    page.fill("#q", "ghbdtn")
    page.press("#q", "Enter")
    # The phrase has placeholders: the picker asks for the client's name (the operator's is known).
    page.locator("#fill input[name=client_name]").wait_for()
    assert page.locator("#results [role=option]").first.get_attribute("data-key") == "greeting-ru"
    page.keyboard.type("Анна")
    # The use is recorded by a request that does not block the copy; wait for its answer before
    # reading the database (under SQLite the live server shares this test's connection).
    with page.expect_response(lambda response: "/greeting-ru/used/" in response.url) as used:
        page.keyboard.press("Enter")
    assert used.value.ok
    page.wait_for_function("document.getElementById('status').textContent.length > 0")
    # Headless Chromium may refuse clipboard access; the page then shows the text to copy by hand.
    status = page.inner_text("#status")
    assert status == "Copied “Приветствие”." or status.startswith(
        "Select the text to copy: Здравствуйте, Анна! Меня зовут Ольга")
    assert PhraseUse.objects.filter(phrase__key="greeting-ru", user=operator, client="web").count() == 1


def test_arrow_keys_choose_another_result(page, operator, make_live_phrase):
    make_live_phrase(key="wait-ru", title="Ожидание", shortcut="/wait", body="Одну минуту, пожалуйста.")
    make_live_phrase(key="wait-long-ru", title="Долгое ожидание", shortcut="/wait2",
                     body="Проверка займёт ещё несколько минут, спасибо за терпение.")
    log_in(page, operator.username, "pw-" + operator.username)
    page.fill("#q", "ожидание")
    page.locator("#results [role=option]").nth(1).wait_for()
    page.wait_for_load_state("networkidle")
    keys = [item.get_attribute("data-key") for item in page.locator("#results [role=option]").all()]
    assert page.locator("#results [role=option][aria-selected=true]").get_attribute("data-key") == keys[0]
    page.press("#q", "ArrowDown")
    assert page.locator("#results [role=option][aria-selected=true]").get_attribute("data-key") == keys[1]


def test_drafts_never_reach_the_operator(page, operator, make_phrase):
    make_phrase(key="draft-ru", title="Черновик приветствия", body="Привет, это черновик.")
    log_in(page, operator.username, "pw-" + operator.username)
    page.fill("#q", "черновик")
    page.wait_for_function("document.getElementById('status').textContent.length > 0")
    assert page.locator("#results [role=option]").count() == 0


def test_anonymous_visitor_is_sent_to_log_in(page):
    page.goto("/")
    assert "/login/" in page.url
