"""Large library imports run in a background thread; the client polls an ImportJob.

The import is one transaction, so its own connection cannot publish progress until it commits.
Progress is therefore kept in this process's memory while the job runs, and on PostgreSQL a
second thread copies it to the job row every second with a heartbeat (any worker process can then
answer a poll). On SQLite, where a second writer would wait for the import's transaction, the job
row is written only at the start and the end (development runs a single process). A job whose
worker is gone (no heartbeat for STALE_AFTER_SECONDS, and not running in this process) is marked
failed on the next poll; its transaction was rolled back, so nothing changed.
"""
import logging
import threading
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from api.models import ImportJob
from phrases.errors import ImportRejected
from phrases.services import library_import

logger = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 1.0
Status = ImportJob.Status


@dataclass
class _Running:
    thread: threading.Thread | None = None
    stage: str = ""
    done: int = 0
    total: int = 0
    finished: threading.Event = field(default_factory=threading.Event)

    def progress(self, stage, done, total):
        self.stage, self.done, self.total = stage, done, total


_running: dict = {}  # job id -> _Running, for the jobs this process runs
_registry_lock = threading.Lock()


def start_import_job(*, data: dict, actor, dry_run: bool, publish_over_findings: bool, reason: str) -> ImportJob:
    """Create the job and start it in the background once the current transaction commits."""
    phrases = data.get("phrases") if isinstance(data.get("phrases"), list) else []
    job = ImportJob.objects.create(created_by=actor if getattr(actor, "pk", None) else None, phrases=len(phrases),
                                   total=len(phrases), dry_run=dry_run, publish_over_findings=publish_over_findings)
    options = {"dry_run": dry_run, "publish_over_findings": publish_over_findings, "reason": reason}
    state = _Running()
    with _registry_lock:
        _running[job.pk] = state
    transaction.on_commit(lambda: _launch(job.pk, data, getattr(actor, "pk", None), options, state))
    return job


def _launch(job_id, data, actor_id, options, state):
    state.thread = threading.Thread(target=_work, args=(job_id, data, actor_id, options, state),
                                    name=f"import-{job_id}", daemon=True)
    state.thread.start()
    if connection.vendor != "sqlite":
        threading.Thread(target=_heartbeat, args=(job_id, state), name=f"import-{job_id}-heartbeat",
                         daemon=True).start()


def _finish(job_id, **fields):
    ImportJob.objects.filter(pk=job_id).update(finished_at=timezone.now(), heartbeat_at=timezone.now(), **fields)


def _work(job_id, data, actor_id, options, state):
    try:
        now = timezone.now()
        ImportJob.objects.filter(pk=job_id).update(status=Status.RUNNING, started_at=now, heartbeat_at=now)
        actor = get_user_model().objects.get(pk=actor_id) if actor_id else None
        report = library_import(data, actor=actor, progress=state.progress, **options)
        _finish(job_id, status=Status.SUCCEEDED, report=report.as_dict(), stage="done", done=state.total,
                total=state.total, detail=report.summary())
    except ImportRejected as error:
        _finish(job_id, status=Status.FAILED, problems=error.problems, stage=state.stage,
                detail=f"The library file was not imported ({len(error.problems)} problems).")
    except PermissionDenied as error:
        _finish(job_id, status=Status.FAILED, detail=str(error))
    except Exception:
        logger.exception("Import job %s failed", job_id)
        _finish(job_id, status=Status.FAILED, detail="The import failed with an internal error; nothing was "
                                                     "changed. The server log has the details.")
    finally:
        state.finished.set()
        with _registry_lock:
            _running.pop(job_id, None)
        connection.close()


def _heartbeat(job_id, state):
    """Copy the running job's progress to its row every second, on this thread's own connection."""
    try:
        while not state.finished.wait(HEARTBEAT_SECONDS):
            ImportJob.objects.filter(pk=job_id, status=Status.RUNNING).update(
                heartbeat_at=timezone.now(), stage=state.stage, done=state.done, total=state.total)
    except Exception:
        logger.exception("Import job %s: heartbeat stopped", job_id)
    finally:
        close_old_connections()
        connection.close()


def import_job_status(job: ImportJob) -> ImportJob:
    """The job as a poll should see it: live progress when this process runs it, and failed when
    its worker is gone."""
    state = _running.get(job.pk)
    if state is not None and not job.is_finished:
        if state.stage:
            job.stage, job.done, job.total = state.stage, state.done, state.total
        return job
    if job.is_stale():
        detail = ("The import stopped before finishing (its worker process ended); nothing was changed, as an "
                  "import is all or nothing. Please start it again.")
        ImportJob.objects.filter(pk=job.pk, status__in=[Status.QUEUED, Status.RUNNING]).update(
            status=Status.FAILED, finished_at=timezone.now(), detail=detail)
        job.refresh_from_db()
    return job


def wait_for_import_job(job_id, timeout: float | None = None) -> bool:
    """Block until the job this process runs has finished (tests and the benchmark)."""
    state = _running.get(job_id)
    return True if state is None else state.finished.wait(timeout)
