"""Keyboard use in real Chromium: the picker's filters and list, focus after "Save draft", the focus ring's
contrast, and a phrase's hotkey pressed in the search box."""
import re

import pytest

from accounts.models import Profile
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fresh_search_index")]


@pytest.fixture
def many(make_live_phrase):
    """More live phrases than the list shows at once, so it overflows and scrolls."""
    for n in range(25):
        make_live_phrase(key=f"eta-{n:02d}-ru", title=f"Сроки доставки {n}", shortcut=f"/eta{n:02d}",
                         body=f"Заказ будет у Вас через {n + 1} дн.")
    make_live_phrase(key="hello-ru", title="Приветствие", hotkey="Ctrl+Alt+1", body="Здравствуйте!")


def open_picker(page, user):
    log_in(page, user.username, "pw-" + user.username)
    page.wait_for_url("**/")
    page.wait_for_selector("#results [role=option]")


def answered(page, text):
    page.wait_for_function("(text) => new URLSearchParams(document.getElementById('results').dataset.query || '')"
                           ".get('q') === text", arg=text)


def test_arrowing_through_a_filter_keeps_focus_and_saves_only_on_leaving(page, operator, many):
    open_picker(page, operator)
    saves = []
    page.on("request", lambda request: saves.append(request.url) if "search-language" in request.url else None)
    page.focus("#q")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "language"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement.id") == "language"  # no jump back to the search box
    assert page.input_value("#language") == "en"  # ru, then en: each ↓ moved one option
    assert saves == []  # nothing remembered while choosing
    with page.expect_request(lambda request: "search-language" in request.url):
        page.keyboard.press("Tab")  # leaving the select remembers the choice
    assert page.evaluate("document.activeElement.id") == "topic"
    page.wait_for_timeout(300)
    assert len(saves) == 1
    assert Profile.objects.get(user=operator).search_language == "en"


def test_the_list_is_no_tab_stop_and_arrows_and_enter_work_from_the_box(page, operator, many):
    page.set_viewport_size({"width": 1280, "height": 600})
    open_picker(page, operator)
    page.fill("#q", "сроки")
    answered(page, "сроки")
    assert page.evaluate("(() => { const l = document.getElementById('results'); "
                         "return l.scrollHeight > l.clientHeight; })()")  # it overflows
    page.focus("#q")
    stops = []
    for _ in range(5):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert "results" not in stops
    page.focus("#q")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    active = page.get_attribute("#q", "aria-activedescendant")
    assert active == "option-2" and page.get_attribute("#option-2", "aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.press("Enter")
    page.wait_for_selector("#status.copied")
    assert page.evaluate("document.activeElement.id") == "q"
    assert page.evaluate("document.querySelector('.picker').dataset.copied").startswith("Заказ будет у Вас")


def test_the_pin_button_sits_beside_its_option(page, operator, many):
    open_picker(page, operator)
    assert page.locator("[role=option] button").count() == 0
    assert page.locator("#results .pin").count() == page.locator("#results [role=option]").count()
    page.focus("#q")
    page.keyboard.press("Alt+P")  # still reachable from the box
    page.wait_for_selector("#results .pin.on")


def test_a_phrases_hotkey_pressed_in_the_box_selects_it(page, operator, many):
    open_picker(page, operator)
    page.focus("#q")
    page.keyboard.press("Control+Alt+1")
    answered(page, "Ctrl+Alt+1")
    assert page.get_attribute("#option-0", "data-key") == "hello-ru"
    assert page.input_value("#q") == "Ctrl+Alt+1"


def test_a_lone_slash_lists_every_shortcut(page, operator, many):
    open_picker(page, operator)
    page.fill("#q", "/")
    answered(page, "/")
    assert page.locator("#results [role=option]").count() == 25


def test_the_display_name_is_asked_once_and_saved(page, operator, make_live_phrase):
    make_live_phrase(key="intro-ru", title="Представиться", shortcut="/me", body="Меня зовут {operator_name}.")
    open_picker(page, operator)
    page.fill("#q", "/me")
    answered(page, "/me")
    page.keyboard.press("Enter")
    field = page.locator("#fill input[name=operator_name]")
    field.wait_for()
    assert field.input_value() == ""  # never the login name
    page.keyboard.press("Enter")
    error = page.locator("#fill-error-operator_name")
    assert error.inner_text() and field.get_attribute("aria-describedby") == "fill-error-operator_name"
    page.keyboard.type("Ольга")
    with page.expect_response(lambda response: "display-name" in response.url):
        page.keyboard.press("Enter")
    assert Profile.objects.get(user=operator).display_name == "Ольга"


def test_focus_after_save_draft_is_on_the_announced_status(page, writer, make_phrase):
    phrase = make_phrase(key="draft-ru", title="Черновик", body="Спасибо за ожидание.")
    log_in(page, writer.username, "pw-" + writer.username)
    page.wait_for_url("**/")
    page.goto(f"/phrases/{phrase.key}/")
    page.fill("#id_body", "Спасибо за ожидание, мы уже проверяем.")
    page.click("button[name=save]")
    page.wait_for_selector("main .messages")
    focused = page.evaluate("""(() => { const el = document.activeElement;
        return {cls: el.className, role: el.getAttribute('role'), text: el.textContent.trim()}; })()""")
    assert focused["cls"] == "messages" and focused["role"] == "status" and "Draft saved" in focused["text"]


def _luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _rgb(css):
    return [int(float(v)) for v in re.findall(r"[\d.]+", css)[:3]]


def contrast(a, b):
    high, low = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("path, selector", [
    ("/", "#q"), ("/", "#language"), ("/profile/", "#id_display_name"), ("/profile/", ".profile button[type=submit]"),
    ("/phrases/new/", "#id_title"), ("/phrases/new/", "#id_body"), ("/phrases/", "#id_q")])
def test_focus_ring_and_field_borders_reach_3_to_1(page, writer, path, selector):
    log_in(page, writer.username, "pw-" + writer.username)
    page.wait_for_url("**/")
    page.goto(path)
    page.focus("body")
    page.keyboard.press("Tab")  # a keyboard user: :focus-visible applies
    page.focus(selector)
    style = page.evaluate("""(selector) => { const el = document.querySelector(selector);
        const s = getComputedStyle(el); let bg = 'rgb(255, 255, 255)';
        for (let n = el.parentElement; n; n = n.parentElement) {
          const c = getComputedStyle(n).backgroundColor;
          if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; } }
        return {outline: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle,
                border: s.borderTopColor, background: bg, focused: el.matches(':focus-visible')}; }""", selector)
    assert style["focused"] and style["style"] != "none" and style["width"] >= 2
    assert contrast(style["outline"], style["background"]) >= 3, style
    if "button" not in selector:  # a primary button is a filled shape, not a bordered field
        assert contrast(style["border"], style["background"]) >= 3, style
