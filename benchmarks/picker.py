"""The picker as the operator feels it: from a keystroke in the search box to the results on screen.

    python -m benchmarks.picker            # 10,000 live phrases, 200 queries
    python -m benchmarks.picker --quick    # 1,000 live phrases, 40 queries

Serves the project with gunicorn (one worker, SQLite) and drives the real page in headless
Chromium (Debian's /usr/bin/chromium or CHROMIUM_PATH). For each query the box first holds the
query without its last character; the clock starts at the `input` event of the last keystroke and
stops at the first animation frame after the list shows the answer to the whole query, so it
counts the page's script, the HTTP round trip, the search and the rendering.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time
import urllib.request

from benchmarks.common import ROOT, percentiles, setup_django, table

PROBE = """() => {
  window.__bench = { expect: null, start: 0, done: null };
  const list = document.getElementById('results');
  document.addEventListener('input', () => { window.__bench.start = performance.now(); window.__bench.done = null; }, true);
  new MutationObserver(() => {
    const q = new URLSearchParams(list.dataset.query || '').get('q');
    if (q === window.__bench.expect && window.__bench.done === null && window.__bench.start) {
      const start = window.__bench.start;
      requestAnimationFrame(() => { window.__bench.done = performance.now() - start; });
    }
  }).observe(list, { attributes: true, attributeFilter: ['data-query'] });
}"""
SHOWN = "(text) => new URLSearchParams(document.getElementById('results').dataset.query || '').get('q') === text"


def _serve(database_path, port):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database_path}", "ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1",
                               "--timeout", "120", "--log-level", "warning"], cwd=ROOT, env=env)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5).read()
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    database_path = setup_django()
    from django.contrib.auth.models import Group, User

    from benchmarks import synthetic
    from benchmarks.search import _free_port, _load_database

    size, count = (1_000, 40) if args.quick else (10_000, 200)
    documents = synthetic.library(size)
    _load_database(documents)
    operator = User.objects.create_user("bench-operator", password="bench-password")
    operator.groups.add(Group.objects.get(name="operators"))
    queries = [q.text for q in synthetic.queries(documents, count=count) if len(q.text.strip()) >= 3]

    port = _free_port()
    server = _serve(database_path, port)
    base = f"http://127.0.0.1:{port}"
    from playwright.sync_api import sync_playwright

    samples = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(base + "/login/")
            page.fill("input[name=username]", "bench-operator")
            page.fill("input[name=password]", "bench-password")
            page.click("button[type=submit]")
            page.wait_for_url(base + "/")
            page.wait_for_function(SHOWN, arg="", timeout=120_000)  # the first search builds the index
            page.evaluate(PROBE)
            for text in queries[:5] + queries:  # the first five warm up the worker
                page.fill("#q", text[:-1])
                page.wait_for_function(SHOWN, arg=text[:-1])
                page.evaluate("(text) => { window.__bench.expect = text; window.__bench.start = 0; }", text)
                page.keyboard.insert_text(text[-1])  # one keystroke: fires `input` like typing does
                samples.append(page.wait_for_function("() => window.__bench.done", timeout=30_000).json_value())
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    measured = percentiles(samples[5:])
    print(f"Picker benchmark, {size:,} live phrases, {len(samples) - 5} queries "
          "(gunicorn 1 worker, SQLite, headless Chromium; keystroke → results rendered)")
    table(["measure", "p50", "p95", "max"], [
        ["keystroke → rendered results", f"{measured['p50']:.1f} ms", f"{measured['p95']:.1f} ms",
         f"{max(samples[5:]):.1f} ms"],
    ])


if __name__ == "__main__":
    main()
