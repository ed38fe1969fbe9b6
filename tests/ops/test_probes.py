"""Probes for load balancers, the metrics endpoint, request ids."""
import json
import logging

import pytest

from ops.logging import JsonFormatter, RequestIdFilter
from tests.api.conftest import client_for  # noqa: F401

pytestmark = pytest.mark.django_db


def test_healthz_and_readyz_answer_without_login(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "checks": {"database": True, "search_index": True, "queue": True}}
    assert "no-cache" in ready["Cache-Control"]


def test_metrics_answer_the_monitoring_address_and_superusers_only(client, settings, django_user_model, reviewer):
    settings.QUICKPHRASES_METRICS_ALLOWED = ["10.1.2.0/24"]
    scraped = client.get("/metrics", REMOTE_ADDR="10.1.2.3")
    assert scraped.status_code == 200
    text = scraped.content.decode()
    for name in ("django_http_requests_total_by_method_total", 'quickphrases_jobs{status="failed"} 0.0',
                 'quickphrases_jobs{status="queued"} 0.0', "quickphrases_jobs_oldest_queued_seconds 0.0",
                 "quickphrases_request_seconds"):
        assert name in text
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1").status_code in (302, 403)
    client.force_login(reviewer)
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1").status_code == 403
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin)
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1").status_code == 200


def test_search_latency_and_index_lag_are_measured(client_for, operator, client, settings):  # noqa: F811
    settings.QUICKPHRASES_METRICS_ALLOWED = ["127.0.0.1"]
    assert client_for(operator).get("/api/v1/search/", {"q": "доставка"}).status_code == 200
    text = client.get("/metrics").content.decode()
    assert 'quickphrases_request_seconds_count{endpoint="search"}' in text
    assert "quickphrases_search_index_lag_changes 0.0" in text


def test_each_response_carries_a_request_id_and_keeps_a_sane_given_one(client):
    generated = client.get("/healthz")["X-Request-ID"]
    assert len(generated) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="lb-1234")["X-Request-ID"] == "lb-1234"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n<x>")["X-Request-ID"] != "bad id\n<x>"


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord("quickphrases", logging.WARNING, __file__, 1, "Import %s stopped", ("x",), None)
    record.job = "abc"
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Import x stopped" and line["level"] == "WARNING" and line["request_id"] == "-"
    assert line["job"] == "abc"
