"""Large library imports run on the task queue (jobs app); the client polls its ImportJob.

The upload is stored with the ImportJob and a job `api.import_library` is queued; a worker runs the
import (one transaction: all or nothing), reporting progress through the job's heartbeat. A worker that
dies takes its transaction with it, so nothing changed, and the job is run again from the start by the
next worker (up to its max attempts). DELETE on the job's URL cancels it: a queued job never starts, a
running one rolls back at its next progress report.
"""
import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from api.models import ImportJob
from jobs import services as job_services
from jobs.board import board
from jobs.models import Job
from jobs.registry import task
from phrases.errors import ImportRejected
from phrases.search.live_index import RESNAPSHOT_AFTER
from phrases.services import library_import
from phrases.tasks import WRITE_SEARCH_SNAPSHOT

logger = logging.getLogger(__name__)
Status = ImportJob.Status
TASK = "api.import_library"


def start_import_job(*, data: dict, actor, dry_run: bool, publish_over_findings: bool, reason: str) -> ImportJob:
    """Store the file as an ImportJob and queue its import; a worker starts it once this transaction commits."""
    phrases = data.get("phrases") if isinstance(data.get("phrases"), list) else []
    job = ImportJob.objects.create(created_by=actor if getattr(actor, "pk", None) else None, phrases=len(phrases),
                                   total=len(phrases), dry_run=dry_run, publish_over_findings=publish_over_findings,
                                   reason=reason, document=data)
    job.job = job_services.enqueue(TASK, params={"import_job": str(job.pk)})
    job.save(update_fields=["job"])
    return job


def _finish(job_id, **fields):
    ImportJob.objects.filter(pk=job_id).update(finished_at=timezone.now(), document=None, **fields)


def _give_up(queue_job: Job, message: str):
    """The queue gave up on the job (cancelled, or its worker kept dying): say so on the import job."""
    import_job_id = queue_job.params.get("import_job")
    if message == "cancelled":
        _finish(import_job_id, status=Status.CANCELLED, detail="The import was cancelled; nothing was changed.")
    else:
        _finish(import_job_id, status=Status.FAILED,
                detail=f"The import stopped before finishing ({message}); nothing was changed, as an import is "
                       "all or nothing. Please start it again.")


@task(name=TASK, max_attempts=3, on_give_up=_give_up)
def import_library_task(context, *, import_job: str):
    job = ImportJob.objects.filter(pk=import_job).first()
    if job is None or job.is_finished:
        return
    now = timezone.now()
    detail = "" if context.attempt == 1 else f"Attempt {context.attempt}: the previous worker stopped; started again."
    ImportJob.objects.filter(pk=job.pk).update(status=Status.RUNNING, started_at=now, detail=detail)
    actor = get_user_model().objects.filter(pk=job.created_by_id).first() if job.created_by_id else None
    try:
        report = library_import(job.document, actor=actor, progress=context.progress, dry_run=job.dry_run,
                                publish_over_findings=job.publish_over_findings, reason=job.reason)
    except ImportRejected as error:
        _finish(job.pk, status=Status.FAILED, problems=error.problems, stage=context.state.get("stage", ""),
                detail=f"The library file was not imported ({len(error.problems)} problems).")
    except PermissionDenied as error:
        _finish(job.pk, status=Status.FAILED, detail=str(error))
    else:
        _finish(job.pk, status=Status.SUCCEEDED, report=report.as_dict(), stage="done", done=job.total,
                total=job.total, detail=report.summary())
        if not job.dry_run and len(report.created) + len(report.updated) > RESNAPSHOT_AFTER:
            job_services.enqueue(WRITE_SEARCH_SNAPSHOT)


def import_job_status(job: ImportJob) -> ImportJob:
    """The job as a poll should see it: the running job's progress from its worker's heartbeat."""
    if job.status == Status.RUNNING and job.job_id:
        queue_job = Job.objects.filter(pk=job.job_id).first()
        progress = board().progress(queue_job) if queue_job else None
        if progress:
            job.stage, job.done, job.total = progress.get("stage", ""), progress.get("done", 0), progress.get("total", 0)
    if job.status == Status.QUEUED and not job.detail:
        job.detail = "Waiting for a worker (manage.py run_worker) to start it."
    return job


def import_job_cancel(job: ImportJob) -> ImportJob:
    """Cancel the import: a queued one never starts; a running one rolls back (nothing changes)."""
    if job.is_finished:
        return job
    if job.job_id is None:
        _finish(job.pk, status=Status.CANCELLED, detail="The import was cancelled; nothing was changed.")
    else:
        queue_job = job_services.job_cancel(job=Job.objects.get(pk=job.job_id))
        if queue_job.status == Job.Status.RUNNING:
            job.detail = "Cancelling: the import stops and rolls back at its next progress report."
            job.cancel_requested = True
            return job
    job.refresh_from_db()
    return job
