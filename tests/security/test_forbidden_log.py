"""Every 403 writes one line to the server log, not a traceback."""
import io
import json
import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def server_log():
    """What the configured console handler (settings.LOGGING) writes, captured."""
    handler = next(h for h in logging.getLogger().handlers
                   if any(type(f).__name__ == "ForbiddenInOneLine" for f in h.filters))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_a_refused_page_logs_one_line(client, operator, server_log):
    client.force_login(operator)
    assert client.get("/review/").status_code == 403
    lines = server_log.getvalue().splitlines()
    assert len(lines) == 1  # one JSON log line (ops.logging.JsonFormatter), with no exception in it
    entry = json.loads(lines[0])
    assert entry["message"] == "Forbidden (Permission denied): /review/" and "exception" not in entry


def test_a_refused_api_call_logs_one_line(client, operator, server_log):
    client.force_login(operator)
    assert client.post("/api/v1/phrases/", {}, content_type="application/json").status_code == 403
    assert len(server_log.getvalue().splitlines()) == 1 and "Traceback" not in server_log.getvalue()
