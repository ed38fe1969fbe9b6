"""The operator's picker in a real browser, at a desktop width and at 400 px: keyboard first,
placeholders filled before anything is copied, focus kept in the search box."""
import pytest

from accounts.services import profile_get
from phrases.models import PhraseUse
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fresh_search_index")]

WIDTHS = {"desktop": (1280, 800), "narrow": (400, 700)}


@pytest.fixture(params=list(WIDTHS))
def picker(request, browser, live_server, operator):
    width, height = WIDTHS[request.param]
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, viewport={"width": width, "height": height})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.width = width
    yield page
    context.close()


def logged_in(page, user):
    log_in(page, user.username, "pw-" + user.username)
    page.wait_for_url("**/")


def search(page, text):
    """Type into the box and wait until the list answers exactly that text."""
    page.fill("#q", text)
    page.wait_for_function("""(text) => {
        const list = document.getElementById('results');
        return new URLSearchParams(list.dataset.query || '').get('q') === text;
    }""", arg=text)


def copied_text(page):
    """What the picker copied: the clipboard, or the text it asks to copy by hand when refused."""
    page.wait_for_function("document.querySelector('.picker').dataset.copied !== undefined")
    try:
        return page.evaluate("navigator.clipboard.readText()")
    except Exception:  # noqa: BLE001 - the clipboard refused: read what the page reports
        status = page.inner_text("#status")
        assert status.startswith("Select the text to copy: ")
        return status.removeprefix("Select the text to copy: ")


def test_shortcut_pick_fill_client_name_and_copy(picker, operator, make_live_phrase):
    profile = profile_get(user=operator)
    profile.display_name = "Ольга"
    profile.save()
    make_live_phrase(key="welcome-ru", title="Приветствие", shortcut="/wish",
                     body="{client_name}, добрый день! Меня зовут {operator_name}, чем могу помочь?")
    make_live_phrase(key="wait-ru", title="Ожидание", shortcut="/wait", body="Одну минуту, пожалуйста.")
    logged_in(picker, operator)

    search(picker, "/wi")
    options = picker.locator("#results [role=option]")
    assert options.first.get_attribute("data-key") == "welcome-ru"
    picker.keyboard.press("Enter")
    client = picker.locator("#fill input[name=client_name]")
    client.wait_for()
    assert picker.evaluate("document.activeElement.name") == "client_name"  # the one field not known yet
    assert picker.locator("#fill input[name=operator_name]").input_value() == "Ольга"
    picker.keyboard.type("Анна")
    # The use is recorded by a request that does not block the copy; wait for its answer before
    # reading the database (under SQLite the live server shares this test's connection).
    with picker.expect_response(lambda response: "/welcome-ru/used/" in response.url) as used:
        picker.keyboard.press("Enter")
    assert used.value.ok

    finished = copied_text(picker)
    assert finished == "Анна, добрый день! Меня зовут Ольга, чем могу помочь?"
    assert "{" not in finished
    assert picker.locator("#fill").is_hidden()
    assert picker.evaluate("document.activeElement.id") == "q"
    assert PhraseUse.objects.filter(phrase__key="welcome-ru", user=operator).count() == 1
    # The client's name is kept for this conversation, until "New conversation".
    assert "Анна" in picker.inner_text("#conversation")
    search(picker, "/wi")
    picker.keyboard.press("Enter")
    assert picker.locator("#fill input[name=client_name]").input_value() == "Анна"
    picker.keyboard.press("Escape")
    assert picker.locator("#fill").is_hidden() and picker.evaluate("document.activeElement.id") == "q"
    picker.click("#new-conversation")
    assert picker.locator("#conversation").is_hidden()
    picker.keyboard.press("Enter")
    assert picker.locator("#fill input[name=client_name]").input_value() == ""
    if picker.width <= 400:
        assert picker.evaluate("document.documentElement.scrollWidth") <= 400  # nothing overflows sideways


def test_an_empty_field_blocks_the_copy(page, operator, make_live_phrase):
    make_live_phrase(key="eta-ru", title="Сроки доставки", shortcut="/eta",
                     body="{client_name}, заказ {order_id} будет у Вас {date}.")
    logged_in(page, operator)
    search(page, "/eta")
    page.keyboard.press("Enter")
    page.locator("#fill input[name=client_name]").wait_for()
    assert page.locator("#fill input[name=date]").input_value() == ""  # a date is never guessed
    page.fill("#fill input[name=client_name]", "Иван")
    page.focus("#fill input[name=client_name]")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "order_id"
    page.keyboard.press("Enter")
    field = page.locator("#fill input[name=order_id]")
    assert field.get_attribute("aria-invalid") == "true"
    # The error sits under its field and is tied to it.
    error_id = field.get_attribute("aria-describedby")
    assert "Order number" in page.inner_text(f"#{error_id}")
    assert page.evaluate("document.querySelector('.picker').dataset.copied") is None
    page.keyboard.type("A-1024")
    page.keyboard.press("Enter")
    assert "Date" in page.inner_text("#fill-error-date")
    page.locator(".picker-date-choices button").nth(1).click()  # tomorrow, in the phrase's language
    assert page.evaluate("document.activeElement.name") == "date"
    page.keyboard.press("Enter")
    finished = copied_text(page)
    tomorrow = page.evaluate("new Intl.DateTimeFormat('ru', {day: 'numeric', month: 'long'})"
                             ".format(new Date(Date.now() + 864e5))")
    assert finished == f"Иван, заказ A-1024 будет у Вас {tomorrow}."


def test_a_placeholder_with_a_fallback_may_stay_empty(page, operator, make_live_phrase):
    make_live_phrase(key="hi-en", title="Hello", shortcut="/hi", language="en",
                     body="Hi {client_name|there}, your parcel left on {date|Monday}.")
    logged_in(page, operator)
    search(page, "/hi")
    page.keyboard.press("Enter")
    page.locator("#fill input[name=client_name]").wait_for()
    assert page.get_attribute("#fill input[name=client_name]", "placeholder") == "Empty: “there”"
    assert "Hi there, your parcel left on Monday." in page.inner_text("#fill-preview")
    page.keyboard.press("Enter")
    assert copied_text(page) == "Hi there, your parcel left on Monday."


def test_a_click_leaves_the_focus_in_the_search_box(page, operator, make_live_phrase):
    make_live_phrase(key="wait-ru", title="Ожидание", shortcut="/wait", body="Одну минуту, пожалуйста.")
    make_live_phrase(key="wait-long-ru", title="Долгое ожидание", shortcut="/wait2",
                     body="Проверка займёт ещё несколько минут, спасибо за терпение.")
    logged_in(page, operator)
    search(page, "ожидание")
    page.locator("#results [role=option]").nth(1).click()
    assert copied_text(page) in ("Одну минуту, пожалуйста.", "Проверка займёт ещё несколько минут, спасибо за терпение.")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("x")  # the next keystrokes land in the box
    assert page.input_value("#q").endswith("x")
    search(page, "ожидание")
    page.locator("#results .pin").first.click()
    page.locator("#results .pin.on").wait_for()  # pinned, and the focus stayed
    assert page.evaluate("document.activeElement.id") == "q"


def test_the_highlighted_result_stays_in_view(picker, operator, make_live_phrase):
    for n in range(12):
        make_live_phrase(key=f"refund-{n}-ru", title=f"Возврат {n}", shortcut=f"/ref{n}",
                         body="Возврат оформлен. Деньги вернутся на карту в течение нескольких дней, "
                              "обычно быстрее. Если что-то пойдёт не так, мы сразу сообщим Вам.")
    logged_in(picker, operator)
    search(picker, "возврат")
    assert picker.get_attribute("#q", "aria-expanded") == "true"
    count = picker.locator("#results [role=option]").count()
    assert count == 10
    for _ in range(count - 1):
        picker.keyboard.press("ArrowDown")
    selected = picker.locator("#results [role=option][aria-selected=true]")
    assert selected.get_attribute("id") == picker.get_attribute("#q", "aria-activedescendant")
    assert selected.get_attribute("data-key") == picker.locator("#results [role=option]").last.get_attribute("data-key")
    in_view = picker.evaluate("""() => {
        const item = document.querySelector('#results [aria-selected=true]').getBoundingClientRect();
        const list = document.getElementById('results').getBoundingClientRect();
        return item.top >= list.top - 1 && item.bottom <= list.bottom + 1
            && item.top >= 0 && item.bottom <= window.innerHeight;
    }""")
    assert in_view
    assert picker.is_visible("#q") and picker.evaluate("document.getElementById('q').getBoundingClientRect().top") >= 0
    picker.keyboard.press("Escape")
    assert picker.input_value("#q") == ""


def test_the_language_filter_is_remembered(page, operator, make_live_phrase):
    make_live_phrase(key="thanks-ru", title="Спасибо", body="Спасибо за ожидание.")
    logged_in(page, operator)
    # Wait for the page's own save to answer rather than polling the database: under SQLite the
    # live server shares the test's connection, and a read from here while it runs a query fails.
    page.focus("#language")
    page.select_option("#language", "pl")
    with page.expect_response(lambda response: "/search-language/" in response.url) as saved:
        page.focus("#q")  # remembered when the choice is made: on leaving the select
    assert saved.value.ok
    page.reload()
    assert page.eval_on_selector("#language", "select => select.value") == "pl"


def test_matched_words_are_marked_and_topics_named(page, operator, make_live_phrase):
    make_live_phrase(key="refund-ru", title="Возврат денег", shortcut="/refund",
                     body="Деньги за <b>возврат</b> придут на карту.")
    logged_in(page, operator)
    search(page, "возврат")
    option = page.locator("#results [role=option]").first
    marks = option.locator("mark").all_text_contents()
    assert "Возврат" in marks and "возврат" in marks
    assert option.locator("b").count() == 0  # user text is text, never markup
    assert "Доставка" in option.locator(".meta").inner_text()  # the topic's name, not its slug


def test_alt_p_pins_and_the_empty_box_opens_on_the_pins(page, operator, make_live_phrase):
    make_live_phrase(key="hello-ru", title="Приветствие", shortcut="/hello", body="Здравствуйте!")
    make_live_phrase(key="bye-ru", title="Прощание", shortcut="/bye", body="Всего доброго!")
    logged_in(page, operator)
    search(page, "прощание")
    page.keyboard.press("Alt+P")
    page.locator("#results .pin.on").wait_for()
    page.keyboard.press("Escape")  # clears the box: the pinned phrase comes first
    page.wait_for_function("new URLSearchParams(document.getElementById('results').dataset.query).get('q') === ''")
    assert page.locator("#results [role=option]").first.get_attribute("data-key") == "bye-ru"
    assert page.is_visible("#caption")
    page.reload()
    page.locator("#results [role=option]").first.wait_for()
    assert page.locator("#results [role=option]").first.get_attribute("data-key") == "bye-ru"


def test_a_hotkey_typed_as_the_query_finds_its_phrase(page, operator, make_live_phrase):
    make_live_phrase(key="one-ru", title="Первая", hotkey="Ctrl+Alt+1", body="Первая фраза.")
    make_live_phrase(key="two-ru", title="Вторая", hotkey="Ctrl+Alt+2", body="Вторая фраза.")
    logged_in(page, operator)
    search(page, "ctrl+alt+2")
    assert page.locator("#results [role=option]").first.get_attribute("data-key") == "two-ru"
    page.keyboard.press("Enter")
    assert copied_text(page) == "Вторая фраза."
