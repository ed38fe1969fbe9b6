"""The daily purge runs on the task queue, and without the sentence model suggestions still work on words
alone while /health/ and the log say so."""
import logging
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from jobs.models import Job
from jobs.worker import claim_next, enqueue_due_daily_jobs, execute
from suggestions import services
from suggestions.engine import encoder
from suggestions.engine.vectors import live_vectors
from suggestions.models import SuggestionFeedback
from suggestions.selectors import suggest_replies, suggestions_status
from suggestions.tasks import PURGE_EXPIRED


def test_the_retention_purge_is_a_daily_job_of_the_queue(starter, operator, settings):
    settings.QUICKPHRASES_TASKS_IMMEDIATE = False
    settings.QUICKPHRASES_DAILY_JOBS_AT = "03:00"
    settings.QUICKPHRASES_SUGGEST_RETENTION_DAYS = 90
    for message in ("old message", "recent message"):
        services.feedback_record(user=operator, message=message, language="en", chosen=None, dismissed=[])
    SuggestionFeedback.objects.filter(message="old message").update(created_at=timezone.now() - timedelta(days=95))
    day = timezone.make_aware(datetime(2026, 12, 7, 3, 5))
    enqueue_due_daily_jobs(day)
    enqueue_due_daily_jobs(day + timedelta(hours=1))  # once a day, whoever looks
    job = Job.objects.get(task=PURGE_EXPIRED)
    assert job.unique_key == f"{PURGE_EXPIRED}@2026-12-07"
    while (claimed := claim_next("here:1:1")) is not None:
        execute(claimed, heartbeat=False)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert list(SuggestionFeedback.objects.values_list("message", flat=True)) == ["recent message"]


@pytest.fixture
def tampered_model(monkeypatch):
    """The model's weights not the pinned ones (as after a tampered or different repackaging): the real load
    refuses them. The process's encoder state is put back afterwards."""
    saved = dict(encoder._state)
    monkeypatch.setitem(encoder.EXPECTED_SHA256, "resources/weights.npz", "0" * 64)
    encoder._state.update(encoder=None, status=None, reason="")
    live_vectors.reset()
    yield
    encoder._state.clear()
    encoder._state.update(saved)
    live_vectors.reset()


def test_without_the_model_suggestions_work_on_words_and_health_and_the_log_say_so(
        tampered_model, starter, client, writer, caplog):
    with caplog.at_level(logging.WARNING, logger="suggestions.engine.encoder"):
        language, results = suggest_replies("where is my refund? the money has not come back", language="en")
    assert "Sentence model unavailable" in caplog.text and "words alone" in caplog.text
    assert language == "en" and results
    assert "refund-status-en" in [hit["key"] for hit in results]
    assert all(hit["why"] for hit in results) and "similar meaning" not in " ".join(hit["why"] for hit in results)
    status = suggestions_status()
    assert status["status"] == "unavailable" and "SHA-256" in status["reason"]
    client.force_login(writer)
    page = client.get("/health/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The sentence model is not available" in page and "suggestions work on words alone" in page
