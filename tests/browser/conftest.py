"""Browser tests drive Debian's Chromium through Playwright against a live test server."""
import os
import shutil
import threading
import time

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def playwright_driver():
    """One Playwright for the session: the sync API allows only one running in a thread."""
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
    # itself (fixtures) are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    browser = playwright_driver.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    )
    yield browser
    browser.close()


# bypass_csp: Playwright runs the predicates it polls (wait_for_function) through eval, which the
# site's Content-Security-Policy forbids. test_content_security_policy opens every page under the
# real policy instead.
@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, username, password):
    page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


@pytest.fixture(scope="session")
def _live_server_requests(live_server):
    """Counts the requests the live server is answering: from the call of its WSGI application to the close of
    the response. (Not its connection threads: one lives as long as Chromium keeps the connection alive.)"""
    httpd = live_server.thread.httpd
    application = httpd.get_app()
    state = {"active": 0, "lock": threading.Lock()}

    def finished():
        with state["lock"]:
            state["active"] -= 1

    def counted(environ, start_response):
        with state["lock"]:
            state["active"] += 1
        try:
            response = application(environ, start_response)
        except BaseException:
            finished()
            raise
        return _ClosedThenCounted(response, finished)

    httpd.set_app(counted)
    return state


class _ClosedThenCounted:
    """A WSGI response that reports its end when the server closes it, as every WSGI server does."""

    def __init__(self, response, finished):
        self.response, self.finished = response, finished

    def __iter__(self):
        return iter(self.response)

    def close(self):
        try:
            if hasattr(self.response, "close"):
                self.response.close()
        finally:
            self.finished()


@pytest.fixture(autouse=True)
def _answered_before_the_flush(request, transactional_db, _live_server_requests):
    """After a browser test its pages are closed, and what a page sends as it is left (the picker reports a
    search that ended with no use on `pagehide`) may still be on its way to the live server. This waits
    until the server has answered it, before the database is flushed: on SQLite the server shares the
    test's connection, and a flush while it writes fails ("cannot commit transaction")."""
    yield
    time.sleep(0.2)  # a request sent as the page closed reaches the server
    deadline = time.monotonic() + 5
    while _live_server_requests["active"] and time.monotonic() < deadline:
        time.sleep(0.02)
