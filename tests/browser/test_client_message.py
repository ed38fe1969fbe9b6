"""The picker's "Client's message" box in a real browser: paste a client's message, see three suggestions
with why, dismiss one, use one with the keyboard, fill its placeholders, read back the copied text; the pick
and the dismissal reach the feedback store."""
import json
from pathlib import Path

import pytest
from django.conf import settings

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
    assert items.count() == 2
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
