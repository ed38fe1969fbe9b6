"""Every page works under the strict Content-Security-Policy: Chromium reports no violation and no
script error on any page a person opens, the admin and the API docs included."""
import pytest

from phrases.models import Phrase
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def strict_page(browser, live_server):
    """A page under the site's real policy (the other browser tests bypass it for Playwright's sake)."""
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()


def test_no_page_breaks_the_content_security_policy(strict_page, superuser, make_live_phrase, make_phrase, tmp_path):
    page = strict_page
    make_live_phrase(key="eta-ru", title="Сроки доставки", shortcut="/eta")
    make_phrase(key="draft-ru", title="Черновик")
    assert make_phrase(key="flagged-ru", body="спс, вы молодец").pk
    problems = []
    page.on("console", lambda message: problems.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)
    page.on("response", lambda response: problems.append(f"{response.url}: {response.status}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico") else None)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    log_in(page, superuser.username, "pw-" + superuser.username)
    paths = ["/", "/phrases/", "/phrases/new/", "/phrases/eta-ru/", "/phrases/eta-ru/history/", "/review/",
             "/health/", "/profile/", "/admin/", f"/admin/phrases/phrase/{Phrase.objects.get(key='draft-ru').pk}/change/",
             "/admin/phrases/topic/add/", "/admin/auth/user/", "/tools/", "/api/v1/docs/"]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
    page.goto("/")
    page.fill("#q", "сроки")
    page.wait_for_selector("[role=option]")
    page.goto("/phrases/flagged-ru/")
    page.locator(".lint-backdrop mark").first.wait_for()  # the editor's findings as you type: its script ran
    page.goto("/api/v1/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=10_000)  # the docs render: their script ran
    for width in (1280, 400):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/api/v1/docs/")
        page.wait_for_selector(".swagger-ui .info")
        page.screenshot(path=str(tmp_path / f"docs-{width}.png"))
    assert problems == [], "\n".join(problems)
