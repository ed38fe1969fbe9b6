"""The import endpoint: publish over findings, and large files as a background job to poll."""
import pytest

from api.models import ImportJob
from jobs.models import Job
from phrases.models import LivePhrase, Phrase

CLEAN = "{client_name}, заказ {order_id} будет у Вас {date}."
FLAGGED = "{client_name}, спс за ожидание."


def _approved_library(n=5, flagged="eta-3"):
    return {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
            "phrases": [{"key": f"eta-{i}", "title": "Сроки", "body": FLAGGED if f"eta-{i}" == flagged else CLEAN,
                         "topic": "delivery", "language": "ru", "status": "approved"} for i in range(n)]}


@pytest.mark.django_db
def test_the_api_publishes_over_findings_for_reviewers(api):
    held = api["reviewer"].post("/api/v1/library/import/", _approved_library(), format="json")
    assert held.status_code == 200 and held.json()["held"] == [{"key": "eta-3", "rules": ["banned-abbreviation"]}]
    no_reason = api["reviewer"].post("/api/v1/library/import/?publish_over_findings=true", _approved_library(),
                                     format="json")
    assert no_reason.status_code == 400 and "reason" in {p["field"] for p in no_reason.json()["problems"]}
    done = api["reviewer"].post("/api/v1/library/import/?publish_over_findings=true&reason=Проверено.",
                                _approved_library(), format="json")
    assert done.status_code == 200 and done.json()["overruled"][0]["key"] == "eta-3"
    assert LivePhrase.objects.filter(key="eta-3").exists()
    assert api["writer"].post("/api/v1/library/import/", _approved_library(), format="json").status_code == 403


@pytest.mark.django_db
def test_options_may_be_body_fields_and_bad_ones_are_named(api):
    done = api["reviewer"].post("/api/v1/library/import/", {**_approved_library(), "publish_over_findings": True,
                                                            "reason": "Проверено."}, format="json")
    assert done.status_code == 200 and LivePhrase.objects.filter(key="eta-3").exists()
    bad = api["reviewer"].post("/api/v1/library/import/?dry_run=maybe", _approved_library(), format="json")
    assert bad.status_code == 400 and "dry_run" in bad.json()


@pytest.mark.django_db
def test_small_files_are_imported_at_once(api, settings):
    settings.QUICKPHRASES_IMPORT_SYNC_LIMIT = 5
    response = api["reviewer"].post("/api/v1/library/import/", _approved_library(5), format="json")
    assert response.status_code == 200 and len(response.json()["created"]) == 5
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_a_large_file_runs_as_a_job_the_client_polls_to_its_report(api, settings, django_capture_on_commit_callbacks):
    settings.QUICKPHRASES_IMPORT_SYNC_LIMIT = 5
    with django_capture_on_commit_callbacks(execute=True):
        response = api["reviewer"].post("/api/v1/library/import/", _approved_library(6), format="json")
        assert response.status_code == 202
        job = response.json()
        assert job["status"] == "queued" and job["phrases"] == 6 and response["Location"] == job["url"]
        assert not Phrase.objects.exists()  # the worker runs it once the request's transaction committed
    polled = api["reviewer"].get(job["url"]).json()
    assert polled["status"] == "succeeded" and polled["done"] == polled["total"] == 6
    assert polled["report"]["held"] == [{"key": "eta-3", "rules": ["banned-abbreviation"]}]
    assert sorted(polled["report"]["created"]) == [f"eta-{i}" for i in range(6)]
    assert LivePhrase.objects.count() == 5
    assert ImportJob.objects.get().document is None  # the upload is not kept once imported
    assert Job.objects.get().status == Job.Status.SUCCEEDED
    assert api["writer"].get(job["url"]).status_code == 403
    assert api["writer"].delete(job["url"]).status_code == 403


@pytest.mark.django_db
def test_a_rejected_large_file_fails_the_job_with_every_problem_and_changes_nothing(
        api, settings, django_capture_on_commit_callbacks):
    settings.QUICKPHRASES_IMPORT_SYNC_LIMIT = 5
    document = _approved_library(6)
    document["phrases"][4]["hotkey"] = "Meta+1"
    with django_capture_on_commit_callbacks(execute=True):
        job = api["reviewer"].post("/api/v1/library/import/", document, format="json").json()
    polled = api["reviewer"].get(job["url"]).json()
    assert polled["status"] == "failed" and polled["report"] is None
    assert [(p["key"], p["field"]) for p in polled["problems"]] == [("eta-4", "hotkey")]
    assert not Phrase.objects.exists()


@pytest.mark.django_db
def test_delete_cancels_a_queued_import_which_then_never_runs(api, settings, django_capture_on_commit_callbacks):
    settings.QUICKPHRASES_IMPORT_SYNC_LIMIT = 5
    with django_capture_on_commit_callbacks(execute=False) as queued:
        job = api["reviewer"].post("/api/v1/library/import/", _approved_library(6), format="json").json()
    cancelled = api["reviewer"].delete(job["url"])
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    for callback in queued:  # the worker's turn comes: the job is no longer queued
        callback()
    assert api["reviewer"].get(job["url"]).json()["status"] == "cancelled"
    assert Job.objects.get().status == Job.Status.CANCELLED and not Phrase.objects.exists()
    again = api["reviewer"].delete(job["url"])
    assert again.status_code == 200 and again.json()["status"] == "cancelled"


@pytest.mark.django_db
def test_a_queued_job_says_it_waits_for_a_worker(api, settings, django_capture_on_commit_callbacks):
    settings.QUICKPHRASES_IMPORT_SYNC_LIMIT = 5
    with django_capture_on_commit_callbacks(execute=False):
        job = api["reviewer"].post("/api/v1/library/import/", _approved_library(6), format="json").json()
    polled = api["reviewer"].get(job["url"]).json()
    assert polled["status"] == "queued" and "run_worker" in polled["detail"]


@pytest.mark.django_db
def test_an_unknown_job_is_404(api):
    assert api["reviewer"].get("/api/v1/library/import/6f1c8e8e-1111-4111-8111-111111111111/").status_code == 404
    assert api["reviewer"].delete("/api/v1/library/import/6f1c8e8e-1111-4111-8111-111111111111/").status_code == 404
