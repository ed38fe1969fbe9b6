"""/metrics under a real gunicorn with two workers counts the requests both served, whichever answers the scrape
(prometheus_client's multiprocess mode, set up in config/gunicorn.conf.py)."""
import socket
import time
import urllib.request
from urllib.parse import urlparse

from prometheus_client.parser import text_string_to_metric_families

from tests.jobs.conftest import deployment, templates  # noqa: F401  (real processes on a real database)

REQUESTS_BY_VIEW = "django_http_requests_total_by_view_transport_method"


def _healthz_count(text: str) -> float:
    return sum(sample.value for family in text_string_to_metric_families(text) if family.name == REQUESTS_BY_VIEW
               for sample in family.samples
               if sample.name.endswith("_total") and sample.labels.get("view", "").endswith("healthz"))


def _get(base: str, path: str) -> str:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.read().decode()


def test_metrics_add_up_the_requests_of_both_gunicorn_workers(deployment):  # noqa: F811
    server = deployment.start_server("metrics", workers=2)  # gunicorn's config chooses the metrics folder
    address = urlparse(server.base)
    # One worker is kept busy reading a request whose headers have not ended (a sync worker serves one
    # connection at a time), so the next requests are certainly served by the other one.
    held = socket.create_connection((address.hostname, address.port), timeout=30)
    try:
        held.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(1.0)  # time for an idle worker to accept it
        for _ in range(5):
            assert '"ok"' in _get(server.base, "/healthz")
        held.sendall(b"Connection: close\r\n\r\n")
        answer = b""
        while chunk := held.recv(65536):
            answer += chunk
    finally:
        held.close()
    assert answer.startswith(b"HTTP/1.1 200")
    # Each worker keeps its counts in its own files; a scrape, by either worker, adds them up: 5 + 1. The
    # collectors read at scrape time (the queue, the index lag) are there too.
    for _ in range(3):
        text = _get(server.base, "/metrics")
        assert _healthz_count(text) == 6
        assert 'quickphrases_jobs{status="failed"} 0.0' in text and "quickphrases_search_index_lag_changes" in text
