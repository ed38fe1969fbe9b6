"""The browser extension as the operator feels it, online and offline, with 10,000 approved phrases.

    python -m benchmarks.extension            # 10,000 live phrases, 100 queries online and offline
    python -m benchmarks.extension --quick    # 1,000 live phrases, 20 queries each

Serves the project with gunicorn (one worker, SQLite), loads the unpacked extension into headless
Chromium (Debian's /usr/bin/chromium or CHROMIUM_PATH, new headless mode), signs in with a personal
access token (which syncs the whole library into the extension's storage) and types into a textarea
on a plain chat page served from another origin. Each query: the picker is opened with the
shortcut, the query typed but for its last character; then two clocks, both read in the page:
- keystroke → results: from the last character's `input` event to the picker showing the answer to the
  whole query (its host's data-query changes; one animation frame later);
- Enter → inserted: from Enter's keydown to the text field's `input` event (phrases without
  placeholders; a phrase with placeholders opens the form instead and is not timed).
Then gunicorn is stopped and the same queries run again on the synced copy (offline).
"""
import argparse
import http.server
import os
import shutil
import tempfile
import threading
import urllib.request

from benchmarks.common import ROOT, percentiles, setup_django, table

CHAT_PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>chat</title></head>
<body><textarea id="reply" rows="5" cols="80"></textarea></body></html>"""
PROBE = """() => {
  window.__bench = { typed: 0, enter: 0, results: null, inserted: null, expect: null };
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') window.__bench.enter = performance.now();
  }, true);
  // The picker's box is in a shadow root; its input events are composed and reach the document.
  document.addEventListener('input', (event) => {
    if (event.target.id !== 'reply') window.__bench.typed = performance.now();
  }, true);
  document.getElementById('reply').addEventListener('input', () => {
    if (window.__bench.enter) window.__bench.inserted = performance.now() - window.__bench.enter;
  });
  new MutationObserver(() => {
    const host = document.querySelector('quickphrases-picker');
    if (host && host.dataset.query === window.__bench.expect && window.__bench.results === null && window.__bench.typed) {
      const start = window.__bench.typed;
      requestAnimationFrame(() => { window.__bench.results = performance.now() - start; });
    }
  }).observe(document.documentElement, { attributes: true, subtree: true, childList: true, attributeFilter: ['data-query'] });
}"""


def _chat_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(CHAT_PAGE)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _run(page, queries, state):
    typed, inserted, total = [], [], []
    for text in queries:
        page.fill("#reply", "")
        page.focus("#reply")
        page.keyboard.press("Alt+Shift+Q")
        page.wait_for_function("() => document.querySelector('quickphrases-picker')")
        page.keyboard.insert_text(text[:-1])
        page.wait_for_function("(q) => { const h = document.querySelector('quickphrases-picker');"
                               " return h && h.dataset.query === q; }", arg=text[:-1], timeout=30_000)
        page.evaluate("(q) => Object.assign(window.__bench, {expect: q, typed: 0, enter: 0, results: null,"
                      " inserted: null})", text)
        page.keyboard.insert_text(text[-1])  # one keystroke: fires `input` like typing does
        page.wait_for_function("() => window.__bench.results !== null", timeout=30_000)
        status = page.evaluate("() => document.querySelector('quickphrases-picker').dataset")
        assert state is None or status["status"] == state, status
        typed.append(page.evaluate("() => window.__bench.results"))
        if status["results"] == "0":
            page.keyboard.press("Escape")
            continue
        page.keyboard.press("Enter")
        page.wait_for_function("() => window.__bench.inserted !== null || (document.querySelector("
                               "'quickphrases-picker') || {dataset: {}}).dataset.view === 'form'")
        if page.evaluate("() => window.__bench.inserted") is not None:
            inserted.append(page.evaluate("() => window.__bench.inserted"))
            total.append(typed[-1] + inserted[-1])
        else:
            page.keyboard.press("Escape")
        page.wait_for_function("() => !document.querySelector('quickphrases-picker')")
    return typed, inserted, total


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    database_path = setup_django()
    from django.contrib.auth.models import Group, User

    from accounts.tokens import token_create
    from benchmarks import synthetic
    from benchmarks.picker import _serve
    from benchmarks.search import _free_port, _load_database

    size, count = (1_000, 20) if args.quick else (10_000, 100)
    documents = synthetic.library(size)
    _load_database(documents)
    from phrases.models import LiveChange

    # The sync API reads the live-change log; the bulk load wrote one entry, so log every phrase.
    LiveChange.objects.bulk_create([LiveChange(key=d.key, action="upsert") for d in documents], batch_size=5000)
    operator = User.objects.create_user("bench-operator", password="bench-password")
    operator.groups.add(Group.objects.get(name="operators"))
    _token, key = token_create(user=operator, name="benchmark")
    queries = [q.text for q in synthetic.queries(documents, count=count * 2) if len(q.text.strip()) >= 3][:count]

    port = _free_port()
    server = _serve(database_path, port)
    chat = _chat_server()
    # The first search builds the server's index (seconds at 10,000): do it before the clock runs.
    warm = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/search/?q=warm", headers={"Authorization": f"Token {key}"})
    urllib.request.urlopen(warm, timeout=300).read()
    from playwright.sync_api import sync_playwright

    results = {}
    profile = tempfile.mkdtemp(prefix="qp-ext-bench-")
    extension = str(ROOT / "extension")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=chromium, headless=False, viewport={"width": 1280, "height": 800},
                args=["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                      f"--disable-extensions-except={extension}", f"--load-extension={extension}"])
            worker = context.service_workers[0] if context.service_workers else context.wait_for_event("serviceworker")
            options = context.new_page()
            options.goto(f"chrome-extension://{worker.url.split('/')[2]}/options.html")
            options.fill("#server", f"http://127.0.0.1:{port}")
            options.fill("#token", key)
            options.click("button[type=submit]")
            options.locator("body[data-state=signed-in]").wait_for(timeout=300_000)
            synced = options.inner_text("#status")
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{chat.server_address[1]}/")
            page.evaluate(PROBE)
            _run(page, queries[:5], None)  # warm-up
            results["online"] = _run(page, queries, "online")
            server.terminate()
            server.wait(timeout=30)
            results["offline"] = _run(page, queries, "offline")
            context.close()
    finally:
        if server.poll() is None:
            server.terminate()
        chat.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    print(f"Extension benchmark, {size:,} live phrases, {len(queries)} queries each way "
          f"(gunicorn 1 worker, SQLite, headless Chromium with the unpacked extension)")
    print(f"signed in: {synced}")
    rows = []
    for mode in ("online", "offline"):
        typed, inserted, total = results[mode]
        for label, samples in (("keystroke → results", typed), ("Enter → inserted", inserted)):
            if not samples:
                rows.append([mode, label, "0", "-", "-", "-"])
                continue
            measured = percentiles(samples)
            rows.append([mode, label, str(len(samples)), f"{measured['p50']:.1f} ms", f"{measured['p95']:.1f} ms",
                         f"{max(samples):.1f} ms"])
        if total:
            measured = percentiles(total)
            rows.append([mode, "keystroke → inserted (sum of the two)", str(len(total)), f"{measured['p50']:.1f} ms",
                         f"{measured['p95']:.1f} ms", f"{max(total):.1f} ms"])
    table(["mode", "measure", "n", "p50", "p95", "max"], rows)


if __name__ == "__main__":
    main()
