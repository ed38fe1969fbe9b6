"""gunicorn starts while the database is unreachable: /healthz answers, /readyz says 503, API errors stay JSON;
once the database is there, /readyz turns 200 and searches work, without a restart."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from benchmarks.deployment import ROOT, migrated_template


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return migrated_template(tmp_path_factory.mktemp("tpl"), "sqlite")


def test_gunicorn_starts_without_the_database_and_becomes_ready_when_it_returns(tmp_path, template):
    database = tmp_path / "not-there-yet" / "db.sqlite3"  # a folder that does not exist: sqlite cannot open it
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "GUNICORN_BIND": f"127.0.0.1:{port}",
           "WEB_CONCURRENCY": "1", "QUICKPHRASES_SEARCH_SNAPSHOT_DIR": str(tmp_path / "index"), "DEBUG": "0",
           "SECRET_KEY": "database-down-test", "QUICKPHRASES_JOB_DIR": str(tmp_path / "jobs")}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        # The master loads the search index and the linter (dictionaries: ~15 s of CPU) before it listens; the
        # deployment helper's 180 s, as for any gunicorn start on a machine shared with other test runs.
        deadline = time.monotonic() + 180
        while True:
            try:
                status, _, body = _get(f"{base}/healthz")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
        assert status == 200 and json.loads(body) == {"status": "ok"}

        status, _, body = _get(f"{base}/readyz")
        assert status == 503 and json.loads(body)["checks"]["database"] is False

        # An API call whose session needs the database, and one whose token does: JSON either way.
        for headers in ({"Cookie": "sessionid=" + "k" * 32}, {"Authorization": "Token abc"}):
            status, response_headers, body = _get(f"{base}/api/v1/search/?q=eta", headers)
            assert status == 500 and response_headers["Content-Type"].startswith("application/json")
            assert "detail" in json.loads(body)

        database.parent.mkdir()
        shutil.copy(template, database)  # the database is back
        deadline = time.monotonic() + 30
        while _get(f"{base}/readyz")[0] != 200:
            assert time.monotonic() < deadline, "/readyz never turned 200"
            time.sleep(0.3)
        status, _, body = _get(f"{base}/readyz")
        assert json.loads(body)["checks"] == {"database": True, "search_index": True, "queue": True}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
    # With the database down the master still made the linter ready (default rules, no library words).
    assert "Lint preloaded in" in server.stdout.read().decode()
