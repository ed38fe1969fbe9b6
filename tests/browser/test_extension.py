"""The browser extension, loaded unpacked into Debian's Chromium (new headless mode), on chat-like
pages served by the test server: open the picker with the shortcut and with a typed "//" (never in
a URL), search, fill a placeholder, insert at the caret, undo, the use recorded; offline from the
synced copy; a revoked token gets a clear message and leaves nothing behind."""
import json
import socket
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from accounts import tokens
from phrases import services
from phrases.models import PhraseUse
from suggestions.engine.encoder import load_encoder
from tests.browser.conftest import CHROMIUM

pytestmark = [pytest.mark.urls("tests.browser.extension_pages"), pytest.mark.django_db(transaction=True)]
EXTENSION = str(Path(settings.BASE_DIR) / "extension")


class Relay:
    """A TCP relay in front of the test server: the extension's "server", which a test can switch off."""

    def __init__(self, target_port, port=0):
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while self.running:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if not self.running:
                client.close()
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.connections += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self):
        """The server is gone: nothing listens on the port any more."""
        self.running = False
        self.listener.close()
        for connection in self.connections:
            try:
                connection.close()
            except OSError:
                pass


@pytest.fixture
def relay(live_server):
    relay = Relay(int(live_server.url.rsplit(":", 1)[1]))
    yield relay
    relay.stop()


@pytest.fixture
def extension(playwright_driver, tmp_path):
    """A Chromium profile with the unpacked extension; yields (context, extension id, its worker)."""
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, headless=False,
        args=["--headless=new", "--lang=ru", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
              f"--disable-extensions-except={EXTENSION}", f"--load-extension={EXTENSION}"],
        locale="ru-RU", viewport={"width": 1280, "height": 800})
    worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
    extension_id = worker.url.split("/")[2]
    yield context, extension_id, worker
    context.close()


@pytest.fixture
def library(make_live_phrase):
    make_live_phrase(key="eta-ru", title="Сроки доставки", shortcut="/eta", keywords=["когда привезут"],
                     body="{client_name|Здравствуйте}, заказ {order_id} будет у Вас {date}.")
    make_live_phrase(key="thanks-ru", title="Спасибо за ожидание", shortcut="/ty", body="Спасибо за ожидание!")


def sign_in(extension, relay, user):
    context, extension_id, _worker = extension
    _token, key = tokens.token_create(user=user, name="Browser")
    options = context.new_page()
    options.goto(f"chrome-extension://{extension_id}/options.html")
    options.fill("#server", f"http://127.0.0.1:{relay.port}")
    options.fill("#token", key)
    options.click("button[type=submit]")
    options.locator("body[data-state=signed-in]").wait_for()
    text = options.inner_text("#status")
    options.close()
    return key, text


def picker_state(page, frame=None):
    scope = frame or page
    return scope.evaluate("() => { const h = document.querySelector('quickphrases-picker');"
                          " return h ? Object.assign({}, h.dataset) : null; }")


def wait_for_picker(scope, **expected):
    condition = " && ".join(f"h.dataset.{name} === {value!r}" for name, value in expected.items()) or "true"
    scope.wait_for_function(f"() => {{ const h = document.querySelector('quickphrases-picker'); return h && {condition}; }}")


def search_and_fill(scope, keyboard, query="/eta"):
    keyboard.type(query)
    wait_for_picker(scope, query=query, status="online")
    keyboard.press("Enter")
    wait_for_picker(scope, view="form")
    keyboard.type("A-1024")  # the first field waiting for a value: {client_name} has a fallback


def test_the_shortcut_opens_the_picker_and_enter_inserts_the_filled_phrase_at_the_caret(
        extension, relay, live_server, operator, library):
    _key, signed_in = sign_in(extension, relay, operator)
    assert "одобренных фраз: 2" in signed_in  # the extension's own pages speak the browser's language
    page = extension[0].new_page()
    page.goto(live_server.url + "/ext-test/textarea/")
    page.click("#reply")
    page.keyboard.type("Добрый день! ")
    page.keyboard.press("Alt+Shift+Q")
    wait_for_picker(page, view="list")
    search_and_fill(page, page.keyboard)
    # {date} starts empty: the quick choices are the way to fill it without typing.
    page.keyboard.press("Tab")  # the date field
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Today" (the first choice) fills the date and goes back to it
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('quickphrases-picker')")
    today = page.evaluate("new Intl.DateTimeFormat('ru', {day: 'numeric', month: 'long'}).format(new Date())")
    assert page.input_value("#reply") == f"Добрый день! Здравствуйте, заказ A-1024 будет у Вас {today}."
    assert page.evaluate("document.activeElement.id") == "reply"
    page.keyboard.press("Control+z")  # the page's own undo takes the insertion back
    assert page.input_value("#reply") == "Добрый день! "
    page.wait_for_function("() => true")
    for _ in range(50):
        if PhraseUse.objects.filter(phrase__key="eta-ru", client="extension").exists():
            break
        page.wait_for_timeout(100)
    assert PhraseUse.objects.filter(phrase__key="eta-ru", user=operator, client="extension").count() == 1


def test_typing_two_slashes_opens_the_picker_in_an_editor_but_not_in_a_url(
        extension, relay, live_server, operator, library):
    sign_in(extension, relay, operator)
    page = extension[0].new_page()
    page.goto(live_server.url + "/ext-test/textarea/")
    page.click("#address")
    page.keyboard.type("https://example.com a//b")
    page.wait_for_timeout(300)
    assert picker_state(page) is None
    page.goto(live_server.url + "/ext-test/editor/")
    page.click("#reply")
    page.keyboard.type("Здравствуйте! //")
    wait_for_picker(page, view="list")
    page.keyboard.type("/ty")
    wait_for_picker(page, query="/ty", status="online")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('quickphrases-picker')")
    assert page.inner_text("#reply") == "Здравствуйте! Спасибо за ожидание!"  # the // is replaced
    page.keyboard.type(" Ещё")  # the caret is after the inserted text
    assert page.inner_text("#reply").endswith("ожидание! Ещё")


def test_the_picker_works_in_a_text_field_inside_a_frame(extension, relay, live_server, operator, library):
    sign_in(extension, relay, operator)
    page = extension[0].new_page()
    page.goto(live_server.url + "/ext-test/frame/")
    frame = page.frame_locator("#frame")
    frame.locator("#reply").click()
    inner = next(f for f in page.frames if f.url.endswith("/ext-test/textarea/"))
    page.keyboard.press("Alt+Shift+Q")
    wait_for_picker(inner, view="list")
    page.keyboard.type("спасибо ожид")
    wait_for_picker(inner, query="спасибо ожид", status="online")
    page.keyboard.press("Enter")
    inner.wait_for_function("!document.querySelector('quickphrases-picker')")
    assert inner.input_value("#reply") == "Спасибо за ожидание!"


def test_offline_the_picker_inserts_from_the_synced_copy_and_the_use_goes_out_when_the_server_is_back(
        extension, relay, live_server, operator, library):
    sign_in(extension, relay, operator)
    relay.stop()
    page = extension[0].new_page()
    page.goto(live_server.url + "/ext-test/textarea/")
    page.click("#reply")
    page.keyboard.press("Alt+Shift+Q")
    wait_for_picker(page, view="list")
    page.keyboard.type("когда привез")
    wait_for_picker(page, query="когда привез", status="offline", results="1")
    page.keyboard.press("Enter")
    wait_for_picker(page, view="form")
    page.keyboard.press("Shift+Tab")  # back to {client_name}, which starts empty
    page.keyboard.type("Анна")
    page.keyboard.press("Tab")
    page.keyboard.type("B-7")
    page.keyboard.press("Tab")  # the date field
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Tomorrow"
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('quickphrases-picker')")
    tomorrow = page.evaluate("new Intl.DateTimeFormat('ru', {day: 'numeric', month: 'long'})"
                             ".format(new Date(Date.now() + 864e5))")
    assert page.input_value("#reply") == f"Анна, заказ B-7 будет у Вас {tomorrow}."
    assert not PhraseUse.objects.filter(phrase__key="eta-ru").exists()
    # The server is back: the next sync sends the use made offline.
    back = Relay(relay.target_port, port=relay.port)
    try:
        options = extension[0].new_page()
        options.goto(f"chrome-extension://{extension[1]}/options.html")
        options.click("#sync")
        for _ in range(50):
            if PhraseUse.objects.filter(phrase__key="eta-ru", user=operator).exists():
                break
            page.wait_for_timeout(100)
        assert PhraseUse.objects.filter(phrase__key="eta-ru", user=operator, client="extension").count() == 1
    finally:
        back.stop()


def test_a_revoked_token_gets_a_clear_message_and_only_approved_text_was_ever_kept(
        extension, relay, live_server, operator, writer, reviewer, library):
    from phrases.models import Phrase

    live = Phrase.objects.get(key="thanks-ru")
    services.phrase_update(phrase=live, actor=writer, changes={"body": "Черновик, который ещё не одобрен."})
    _key, _text = sign_in(extension, relay, operator)
    _context, _id, worker = extension
    stored = worker.evaluate("chrome.storage.local.get(null)")
    bodies = {key: phrase["body"] for key, phrase in json.loads(stored["library"])["phrases"].items()}
    assert bodies["thanks-ru"] == "Спасибо за ожидание!"  # the approved text, not the pending edit
    assert "token" in stored and "password" not in str(stored)
    token = operator.access_tokens.get()
    tokens.token_revoke(user=operator, token_id=token.pk)
    page = extension[0].new_page()
    page.goto(live_server.url + "/ext-test/textarea/")
    page.click("#reply")
    page.keyboard.press("Alt+Shift+Q")
    wait_for_picker(page, status="error:revoked")
    stored = worker.evaluate("chrome.storage.local.get(null)")
    assert not {"library", "libraryMeta", "token"} & set(stored)


def test_a_selected_client_message_asks_for_suggestions_and_the_picker_still_works_without_them(
        extension, relay, live_server, operator, library):
    sign_in(extension, relay, operator)
    page = extension[0].new_page()
    page.goto(live_server.url + "/ext-test/textarea/")
    page.evaluate("() => { const range = document.createRange();"
                  " range.selectNodeContents(document.getElementById('client-message'));"
                  " getSelection().removeAllRanges(); getSelection().addRange(range); }")
    page.wait_for_timeout(100)  # selectionchange is dispatched asynchronously
    page.click("#reply")
    page.keyboard.press("Alt+Shift+Q")
    wait_for_picker(page, view="list")
    # Without /api/v1/suggest/ on the server (404) there are no suggestions, and nothing else changes.
    page.keyboard.type("/ty")
    wait_for_picker(page, query="/ty", status="online")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('quickphrases-picker')")
    assert page.input_value("#reply") == "Спасибо за ожидание!"


def _stored_searches(user):
    from suggestions.models import SuggestionFeedback

    return list(SuggestionFeedback.objects.filter(source="search", user=user).order_by("id")
                .values_list("message", "chosen_key"))


def _picker_search(page, query, **state):
    """Open the picker with the shortcut, type `query` and wait until the list answers it."""
    page.keyboard.press("Alt+Shift+Q")
    wait_for_picker(page, view="list")
    page.keyboard.type(query)
    wait_for_picker(page, query=query, **state)


def _wait_for(page, condition):
    for _ in range(100):
        if condition():
            return
        page.wait_for_timeout(100)


def test_searches_in_the_extension_teach_suggestions_and_show_the_missing_replies(
        extension, relay, live_server, operator, library):
    """As in the web picker: a search that ends in a use is a pick for its words; one closed or replaced with
    no use is sent once with its fullest words; a /shortcut sends nothing of the search."""
    if load_encoder() is None:
        pytest.skip("the sentence model is not installed")
    # The first search and feedback of the server's process load the index and the model: done here, so the
    # picker's searches answer within its online timeout on a loaded machine.
    warm = Client()
    warm.force_login(operator)
    warm.get("/api/v1/search/", {"q": "рассрочка"})
    warm.post("/api/v1/suggest/", {"message": "рассрочка"}, content_type="application/json")
    sign_in(extension, relay, operator)
    page = extension[0].new_page()
    page.goto(live_server.url + "/ext-test/textarea/")
    page.click("#reply")

    _picker_search(page, "рассрочка на холодильник", status="online")
    page.keyboard.press("Escape")  # closed with no use
    page.wait_for_function("!document.querySelector('quickphrases-picker')")
    _wait_for(page, lambda: _stored_searches(operator))
    assert _stored_searches(operator) == [("рассрочка на холодильник", "")]

    _picker_search(page, "оплата биткоинами", status="online")
    page.keyboard.press("Control+A")
    page.keyboard.type("когда привез")  # other words: the bitcoin search ended
    wait_for_picker(page, query="когда привез", status="online", results="1")
    page.keyboard.press("Enter")
    wait_for_picker(page, view="form")
    page.keyboard.type("A-1")
    page.keyboard.press("Tab")
    page.keyboard.type("5 мая")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('quickphrases-picker')")
    assert page.input_value("#reply") == "Здравствуйте, заказ A-1 будет у Вас 5 мая."
    _wait_for(page, lambda: len(_stored_searches(operator)) == 3)
    assert _stored_searches(operator) == [("рассрочка на холодильник", ""), ("оплата биткоинами", ""),
                                          ("когда привез", "eta-ru")]
    assert PhraseUse.objects.filter(phrase__key="eta-ru", user=operator, client="extension").count() == 1

    _picker_search(page, "/ty", status="online")
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('quickphrases-picker')")
    _wait_for(page, lambda: PhraseUse.objects.filter(phrase__key="thanks-ru").exists())
    page.wait_for_timeout(300)
    assert len(_stored_searches(operator)) == 3  # a shortcut is no search to learn from
