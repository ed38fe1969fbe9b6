"""Writes of the task queue: enqueue a job, cancel one."""
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from jobs import registry
from jobs.board import board
from jobs.models import Job


def enqueue(task: str, *, params: dict | None = None, unique_key: str | None = None,
            run_after: datetime | None = None) -> Job:
    """Queue a run of the registered `task` with JSON `params`; a worker picks it up once the current
    transaction commits. With `unique_key`, a second enqueue of the same key returns the first job.

    With QUICKPHRASES_TASKS_IMMEDIATE (the tests) the job runs in this process right after the commit,
    through the same code a worker runs."""
    spec = registry.get(task)
    job = Job(task=spec.name, params=params or {}, unique_key=unique_key, max_attempts=spec.max_attempts,
              run_after=run_after or timezone.now())
    if unique_key is None:
        job.save(force_insert=True)
    else:
        try:
            with transaction.atomic():
                job.save(force_insert=True)
        except IntegrityError:
            return Job.objects.get(unique_key=unique_key)
    if settings.QUICKPHRASES_TASKS_IMMEDIATE:
        from jobs.worker import run_immediately

        transaction.on_commit(lambda: run_immediately(job.pk))
    return job


def job_cancel(*, job: Job) -> Job:
    """Cancel a job: a queued one at once; a running one is told to stop, and its task's transaction
    rolls back when it next reports progress (the worker then marks it cancelled). A finished job is left
    as it is. Returns the job as it now stands."""
    job.refresh_from_db()
    if job.status == Job.Status.RUNNING:
        # Read, not written: on SQLite the running task's transaction holds the write lock (see jobs/board.py).
        board().request_cancel(job.pk)
        job.cancel_requested = True
        return job
    if Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
            status=Job.Status.CANCELLED, cancel_requested=True, finished_at=timezone.now()):
        spec = _spec_or_none(job.task)
        job.refresh_from_db()
        if spec and spec.on_give_up:
            spec.on_give_up(job, "cancelled")
        return job
    job.refresh_from_db()
    if job.status == Job.Status.RUNNING:  # a worker took it meanwhile
        board().request_cancel(job.pk)
        job.cancel_requested = True
    return job


def _spec_or_none(name):
    try:
        return registry.get(name)
    except LookupError:
        return None
