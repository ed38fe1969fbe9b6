"""The picker's "Client's message" box in a real browser: paste a client's message, see three suggestions
with why, dismiss one, use one with the keyboard, fill its placeholders, read back the copied text; the pick
and the dismissal reach the feedback store."""
import json
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from phrases import services
from suggestions.engine.encoder import load_encoder
from suggestions.models import SuggestionFeedback
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1280, 800), "narrow": (400, 760)}
MESSAGE = "мне прислали не тот товар, а деньги за возврат так и не пришли, заказ опаздывает"


@pytest.fixture(autouse=True)
def _fresh_state():
    from phrases.search.live_index import live_index
    from suggestions.engine.vectors import live_vectors
    from suggestions.learning import learned_cache

    for state in (live_index, live_vectors, learned_cache):
        state.reset()
    yield
    for state in (live_index, live_vectors, learned_cache):
        state.reset()


@pytest.fixture
def starter(transactional_db):
    document = json.loads((Path(settings.BASE_DIR) / "fixtures" / "starter_library.json").read_text("utf-8"))
    services.library_import({**document, "phrases": [{**p, "status": "approved"} for p in document["phrases"]]})


@pytest.fixture(params=list(WIDTHS))
def picker(request, browser, live_server, operator):
    width, height = WIDTHS[request.param]
    context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": height},
                                  locale="ru-RU", bypass_csp=True)  # as tests/browser/conftest.py says why
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    yield page
    context.close()


def test_paste_a_message_dismiss_one_suggestion_and_use_another_by_keyboard(picker, operator, starter):
    if load_encoder() is None:
        pytest.skip("the sentence model is not installed")
    log_in(picker, operator.username, "pw-" + operator.username)
    picker.wait_for_url("**/")
    picker.evaluate("(text) => navigator.clipboard.writeText(text)", MESSAGE)
    picker.keyboard.press("Alt+V")  # pastes the clipboard into the box, wherever the focus is
    items = picker.locator("#client-suggestions li")
    items.nth(2).wait_for()
    assert items.count() == 3
    keys = [items.nth(i).get_attribute("data-key") for i in range(3)]
    assert "apology-wrong-item-ru" in keys
    assert all(items.nth(i).locator(".client-suggestion-why").inner_text() for i in range(3))
    assert picker.evaluate("document.activeElement.id") == "client-suggestions"

    # ✕ on the first suggestion that is not the wrong-item apology
    dismissed = next(key for key in keys if key != "apology-wrong-item-ru")
    picker.locator(f"#client-suggestions li[data-key={dismissed}] .client-suggestion-dismiss").click()
    expect(items).to_have_count(2)  # the list is redrawn after the click's handler: waited for, not raced
    remaining = [items.nth(i).get_attribute("data-key") for i in range(2)]
    picker.locator("#client-suggestions").focus()
    picker.keyboard.press(str(remaining.index("apology-wrong-item-ru") + 1))

    picker.locator("#fill input[name=client_name]").wait_for()
    picker.locator("#fill input[name=client_name]").fill("Анна")
    picker.locator("#fill input[name=order_id]").fill("A-1234")
    picker.locator("#fill input[name=date]").fill("завтра")
    with picker.expect_response(lambda r: r.url.endswith("/api/v1/suggest/feedback/")) as feedback:
        picker.keyboard.press("Enter")
    assert feedback.value.status == 201
    picker.wait_for_function("document.querySelector('.picker').dataset.copied !== undefined")
    copied = picker.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Анна, при сборке заказа A-1234 мы ошиблись")
    assert "{" not in copied

    stored = SuggestionFeedback.objects.get()
    assert stored.chosen_key == "apology-wrong-item-ru" and stored.dismissed_keys == [dismissed]
    assert stored.user == operator


def _typed(page, text):
    """Type into the search box key by key, as an operator does, and wait until the list answers the text."""
    page.locator("#q").press_sequentially(text, delay=15)
    page.wait_for_function("(text) => new URLSearchParams(document.getElementById('results').dataset.query || '')"
                           ".get('q') === text", arg=text)


def _abandoned():
    return list(SuggestionFeedback.objects.filter(source="search", chosen_key="").order_by("id")
                .values_list("message", flat=True))


def test_searches_ended_with_no_use_reach_the_missing_replies(page, operator, starter):
    """Cleared with Esc, erased key by key, replaced by other words, or left with the page: each search is sent
    once, with its full words (never the prefixes typed on the way); a search that ends in a use is a pick."""
    if load_encoder() is None:
        pytest.skip("the sentence model is not installed")
    from suggestions.selectors import missing_replies

    log_in(page, operator.username, "pw-" + operator.username)
    page.wait_for_url("**/")
    _typed(page, "оплата биткоинами")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/suggest/feedback/")) as sent:
        page.keyboard.press("Escape")  # clears the box
    assert sent.value.status == 201
    assert _abandoned() == ["оплата биткоинами"]

    _typed(page, "можно ли платить биткоинами")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/suggest/feedback/")):
        for _ in range(len("можно ли платить биткоинами")):
            page.keyboard.press("Backspace")
    assert _abandoned() == ["оплата биткоинами", "можно ли платить биткоинами"]

    _typed(page, "подъём на этаж")
    page.keyboard.press("Control+A")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/suggest/feedback/")):
        _typed(page, "номер заказа")  # other words: the search for the lift ended
    assert _abandoned()[-1] == "подъём на этаж"

    with page.expect_response(lambda r: r.url.endswith("/api/v1/suggest/feedback/")) as sent:
        page.keyboard.press("Enter")  # "номер заказа" ends in a use: a pick, not a missing reply
    assert sent.value.status == 201
    pick = SuggestionFeedback.objects.exclude(chosen_key="").get()
    assert pick.source == "search" and pick.message == "номер заказа" and pick.chosen_key == "order-number-ru"
    page.keyboard.press("Escape")  # clearing the box after the use sends nothing more

    _typed(page, "рассрочка на холодильник")
    page.goto("/tools/")  # leaving the page ends the search under way
    for _ in range(50):
        if "рассрочка на холодильник" in _abandoned():
            break
        page.wait_for_timeout(100)
    assert _abandoned() == ["оплата биткоинами", "можно ли платить биткоинами", "подъём на этаж",
                            "рассрочка на холодильник"]
    assert SuggestionFeedback.objects.count() == 5  # the four searches and the pick, no prefixes

    groups = missing_replies()
    bitcoin = next(group for group in groups if "оплата биткоинами" in group["examples"])
    assert bitcoin["count"] == 2 and bitcoin["searches"] == 2 and bitcoin["language"] == "ru"
    assert set(bitcoin["examples"]) == {"оплата биткоинами", "можно ли платить биткоинами"}
