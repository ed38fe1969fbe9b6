"""axe-core (vendored from npm, tests/browser/vendor/axe-core) over every page state of contract section 5
(/tools/ included), in Russian, at 1280 and 400 px: no critical or serious WCAG 2.1 A/AA violation."""
from pathlib import Path

import pytest

from phrases import services
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fresh_search_index")]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = {"1280": (1280, 800), "400": (400, 760)}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def library(make_live_phrase, make_phrase, writer, reviewer):
    """A live phrase with a pending edit, a phrase in review with findings, a draft, a few live ones."""
    welcome = make_live_phrase(key="welcome-ru", title="Приветствие", shortcut="/hi", hotkey="Ctrl+Alt+1",
                               body="{client_name}, добрый день! Меня зовут {operator_name}.")
    for n in range(12):
        make_live_phrase(key=f"eta-{n}-ru", title=f"Сроки доставки {n}", shortcut=f"/eta{n}",
                         body=f"Заказ {{order_id}} будет у Вас через {n + 1} дня.")
    services.phrase_update(phrase=welcome, actor=writer, changes={"body": "{client_name}, здравствуйте!"},
                           expected_revision=welcome.revision)
    flagged = make_phrase(key="flagged-ru", title="Опоздание", body="ты не переживай, курьер опоздал не по нашей вине")
    services.phrase_submit(phrase=flagged, actor=writer)
    make_phrase(key="draft-ru", title="Черновик", body="Спасибо за ожидание.")
    refund = make_live_phrase(key="refund-ru", title="Возврат", body="Деньги вернутся за 5 дней.")
    refund = services.phrase_update(phrase=refund, actor=writer, changes={"body": "Деньги вернутся за 3 дня."},
                                    expected_revision=refund.revision)
    services.phrase_submit(phrase=refund, actor=writer)
    services.phrase_approve(phrase=refund, actor=reviewer, acknowledge_warnings=True)
    return {"welcome": welcome}


def check(page, state):
    """Run axe on what is on screen now; fail on any critical or serious violation, naming each."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                           resultTypes: ['violations']})""", WCAG)
    bad = [v for v in result["violations"] if v["impact"] in ("critical", "serious")]
    report = "\n".join(f"{state}: {v['id']} ({v['impact']}): {v['help']} — "
                       + "; ".join(", ".join(node["target"]) for node in v["nodes"][:5]) for v in bad)
    assert not bad, report


def browse(browser, live_server, width):
    w, h = WIDTHS[width]
    context = browser.new_context(base_url=live_server.url, viewport={"width": w, "height": h}, locale="ru-RU",
                                  bypass_csp=True)  # axe is injected as a script; the CSP test covers the policy
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    return context


@pytest.mark.parametrize("width", list(WIDTHS))
def test_login_page(browser, live_server, width):
    context = browse(browser, live_server, width)
    page = context.new_page()
    page.goto("/login/")
    check(page, "login")
    page.fill("input[name=username]", "nobody")
    page.fill("input[name=password]", "wrong")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    check(page, "login with an error")
    context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_operator_pages(browser, live_server, width, operator, library):
    context = browse(browser, live_server, width)
    page = context.new_page()
    log_in(page, operator.username, "pw-" + operator.username)
    page.wait_for_url("**/")
    page.wait_for_selector("#results [role=option]")
    check(page, "picker, empty box")
    page.fill("#q", "сроки")
    page.wait_for_function("new URLSearchParams(document.getElementById('results').dataset.query).get('q') === 'сроки'")
    page.keyboard.press("ArrowDown")
    check(page, "picker, results")
    page.fill("#q", "/")
    page.wait_for_function("new URLSearchParams(document.getElementById('results').dataset.query).get('q') === '/'")
    check(page, "picker, shortcuts")
    page.fill("#q", "/hi")
    page.wait_for_function("new URLSearchParams(document.getElementById('results').dataset.query).get('q') === '/hi'")
    page.keyboard.press("Enter")
    page.wait_for_selector("#fill:not([hidden])")
    page.keyboard.press("Enter")  # an empty field: the form says which
    page.wait_for_selector(".picker-fill-error:not(:empty)")
    check(page, "picker, placeholder form with an error")
    page.fill("#fill input[name=client_name]", "Анна")
    page.fill("#fill input[name=operator_name]", "Ольга")
    page.keyboard.press("Enter")
    page.wait_for_selector("#status.copied")
    check(page, "picker, copied")
    page.fill("#q", "zzzzqqq")
    page.wait_for_function("document.getElementById('status').textContent.length > 0")
    check(page, "picker, nothing found")
    page.goto("/tools/")
    check(page, "tools")
    page.goto("/profile/")
    check(page, "profile")
    page.select_option("#id_phrase_language_0", "ru")
    page.select_option("#id_phrase_language_1", "ru")
    page.click(".profile button[type=submit]")
    page.wait_for_selector(".profile .error")
    check(page, "profile with an error")
    context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_writer_pages(browser, live_server, width, writer, library):
    context = browse(browser, live_server, width)
    page = context.new_page()
    log_in(page, writer.username, "pw-" + writer.username)
    page.wait_for_url("**/")
    page.goto("/phrases/")
    check(page, "phrase list")
    page.goto("/phrases/new/")
    check(page, "editor, new")
    page.fill("#id_title", "Проверка")
    page.fill("#id_body", "ты не переживай")
    page.select_option("#id_topic", index=1)
    page.wait_for_selector("#findings-list li")
    check(page, "editor, findings as you type")
    page.click("button[name=save]")
    page.wait_for_url("**/phrases/proverka*/")
    check(page, "editor, saved")
    page.goto("/phrases/welcome-ru/")
    check(page, "editor, live phrase with a pending edit")
    page.goto("/phrases/welcome-ru/history/")
    check(page, "history")
    page.goto("/health/")
    check(page, "health")
    context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_reviewer_pages(browser, live_server, width, reviewer, library):
    context = browse(browser, live_server, width)
    page = context.new_page()
    log_in(page, reviewer.username, "pw-" + reviewer.username)
    page.wait_for_url("**/")
    page.goto("/review/")
    check(page, "review queue")
    page.goto("/phrases/refund-ru/history/")
    check(page, "history, reviewer")
    page.locator("button[name=publish]").first.click()
    page.wait_for_load_state()
    check(page, "history, restore and publish confirmation")
    page.goto("/health/")
    check(page, "health, reviewer")
    context.close()
