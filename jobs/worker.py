"""The worker: claims queued jobs one at a time and runs them; `manage.py run_worker` loops over it.

Several workers (on several machines with PostgreSQL) share one queue: a job is claimed by one of them
(`SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite serialises writers). While a task runs, a
heartbeat thread records the worker's sign of life and the task's progress about every second; the task
itself looks for a cancellation at each of its progress reports (JobContext.progress). A job whose
worker is gone (its process no longer exists on this host, or, on another host, no heartbeat for
LEASE_SECONDS) is put back on the queue by any worker, up to the task's `max_attempts` runs; its
transaction died with its worker, so it changed nothing and runs again whole.
A worker asked to stop (SIGTERM, Ctrl+C) interrupts its task the same way and puts the job back at once.
"""
import logging
import os
import signal
import socket
import threading
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import OperationalError, close_old_connections, connection, transaction
from django.utils import timezone

from jobs import registry
from jobs.board import board
from jobs.errors import JobCancelled
from jobs.models import Job

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0
LEASE_SECONDS = 60        # another host's worker silent this long is gone
RETRY_DELAY_SECONDS = 30  # a task that raised runs again after this (times the attempt number)


class JobInterrupted(Exception):
    """The worker is stopping: the job goes back to the queue without counting the attempt."""


def _process_start(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), to tell a reused pid from the original."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return ""
    return "Z" if fields[0] == "Z" else fields[19]


def worker_identity(pid: int | None = None) -> str:
    pid = pid or os.getpid()
    return f"{socket.gethostname()}:{pid}:{_process_start(pid)}"


def _worker_gone(job: Job, now: datetime) -> bool:
    host, _, rest = job.worker.partition(":")
    pid, _, started = rest.partition(":")
    if host == socket.gethostname() and pid.isdigit():
        if started and os.path.exists("/proc/self/stat"):
            return _process_start(int(pid)) != started
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    last = board().last_beat(job) or job.started_at or job.created_at
    return (now - last).total_seconds() > LEASE_SECONDS


def reclaim_lost_jobs() -> int:
    """Put the running jobs whose worker is gone back on the queue (or fail them after max_attempts)."""
    now = timezone.now()
    reclaimed = 0
    for job in Job.objects.filter(status=Job.Status.RUNNING):
        if not job.worker or not _worker_gone(job, now):
            continue
        same = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, worker=job.worker)
        if job.cancel_requested or board().cancel_requested(job.pk):
            if same.update(status=Job.Status.CANCELLED, finished_at=now, error="Cancelled."):
                _give_up(job, "cancelled")
        elif job.attempts >= job.max_attempts:
            message = f"Its worker stopped during each of {job.attempts} attempts."
            if same.update(status=Job.Status.FAILED, finished_at=now, error=message):
                logger.error("Job %s (%s) failed: %s", job.pk, job.task, message)
                _give_up(job, message)
        elif same.update(status=Job.Status.QUEUED, worker="", run_after=now):
            logger.warning("Job %s (%s): worker %s is gone; queued again (attempt %d of %d done)",
                           job.pk, job.task, job.worker, job.attempts, job.max_attempts)
            reclaimed += 1
        board().clear(job.pk)
    return reclaimed


def _give_up(job, message):
    try:
        spec = registry.get(job.task)
    except LookupError:
        return
    if spec.on_give_up:
        spec.on_give_up(job, message)


def enqueue_due_daily_jobs(now: datetime | None = None) -> None:
    """Enqueue today's run of each daily task once its time has come: the job's unique key is the task and
    the day, so every worker may do this and one job per day exists."""
    from jobs.services import enqueue

    local = timezone.localtime(now or timezone.now())
    hour, minute = (int(part) for part in settings.QUICKPHRASES_DAILY_JOBS_AT.split(":"))
    if (local.hour, local.minute) < (hour, minute):
        return
    for spec in registry.daily_tasks():
        key = f"{spec.name}@{local.date()}"
        if not Job.objects.filter(unique_key=key).exists():  # a read first: writes wait on SQLite
            enqueue(spec.name, params={"day": local.date().isoformat()}, unique_key=key)


def claim_next(identity: str) -> Job | None:
    """Take the oldest due queued job for this worker, or None."""
    if not Job.objects.filter(status=Job.Status.QUEUED, run_after__lte=timezone.now()).exists():
        return None  # the usual answer, without a write transaction (SQLite would take its write lock)
    with transaction.atomic():
        due = Job.objects.filter(status=Job.Status.QUEUED, run_after__lte=timezone.now()).order_by("run_after",
                                                                                                  "created_at")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        job = due.first()
        if job is None:
            return None
        now = timezone.now()
        job.status, job.worker, job.started_at, job.heartbeat_at = Job.Status.RUNNING, identity, now, now
        job.attempts += 1
        job.save(update_fields=["status", "worker", "started_at", "heartbeat_at", "attempts"])
    return job


class JobContext:
    """What a running task sees: its job, its attempt, and where to report progress."""

    def __init__(self, job: Job):
        self.job = job
        self.job_id = job.pk
        self.attempt = job.attempts
        self.state = {}
        self.cancelled = threading.Event()
        self.interrupted = threading.Event()

    def progress(self, stage: str, done: int, total: int) -> None:
        """Record where the task is, and stop it (JobCancelled, so its transaction rolls back) if its job was
        cancelled. The cancel flag is read here, at every report, not only by the heartbeat thread once a
        second: a cancellation that arrived before a report is always seen by it, however fast the task runs.
        (Tasks report every few hundred items, so the read, a file's existence or one indexed row, costs
        nothing that shows.)"""
        self.state = {"stage": stage, "done": done, "total": total}
        if self.cancelled.is_set() or board().cancel_requested(self.job_id):
            self.cancelled.set()
            raise JobCancelled(f"Job {self.job_id} was cancelled.")
        if self.interrupted.is_set():
            raise JobInterrupted(f"Job {self.job_id} was interrupted: its worker is stopping.")


def _heartbeat(context: JobContext, finished: threading.Event) -> None:
    """Every second: record a sign of life and the progress, and look for a cancellation (own connection)."""
    channel = board()
    try:
        while not finished.wait(HEARTBEAT_SECONDS):
            try:
                channel.beat(context.job_id, {**context.state, "at": time.time()})
                if channel.cancel_requested(context.job_id):
                    context.cancelled.set()
            except Exception:  # a database hiccup: the next beat tries again
                logger.warning("Job %s: heartbeat failed", context.job_id, exc_info=True)
                close_old_connections()
    finally:
        connection.close()


def _finish(job: Job, status: str, *, error: str = "", run_after=None) -> None:
    fields = {"status": status, "error": error[:4000]}
    if status == Job.Status.QUEUED:
        fields.update(worker="", run_after=run_after or timezone.now())
    else:
        fields["finished_at"] = timezone.now()
    Job.objects.filter(pk=job.pk).update(**fields)


def execute(job: Job, *, context: JobContext | None = None, heartbeat: bool = True) -> str:
    """Run a claimed job's task and record how it ended; returns the job's new status."""
    context = context or JobContext(job)
    finished = threading.Event()
    beating = None
    if heartbeat:
        beating = threading.Thread(target=_heartbeat, args=(context, finished), name=f"job-{job.pk}-heartbeat",
                                   daemon=True)
        beating.start()
    try:
        spec = registry.get(job.task)
        spec.fn(context, **job.params)
    except JobCancelled:
        status = Job.Status.CANCELLED
        _finish(job, status, error="Cancelled.")
        _give_up(job, "cancelled")
    except JobInterrupted:
        status = Job.Status.QUEUED
        Job.objects.filter(pk=job.pk).update(attempts=max(job.attempts - 1, 0))
        _finish(job, status)
    except Exception as error:
        logger.exception("Job %s (%s) raised on attempt %d of %d", job.pk, job.task, job.attempts, job.max_attempts)
        message = f"{type(error).__name__}: {error}"
        if job.attempts < job.max_attempts:
            status = Job.Status.QUEUED
            _finish(job, status, error=message,
                    run_after=timezone.now() + timedelta(seconds=RETRY_DELAY_SECONDS * job.attempts))
        else:
            status = Job.Status.FAILED
            _finish(job, status, error=message)
            _give_up(job, message)
    else:
        status = Job.Status.SUCCEEDED
        _finish(job, status)
    finally:
        finished.set()
        if beating is not None:
            beating.join()
        board().clear(job.pk)
    return status


def run_immediately(job_id) -> str | None:
    """QUICKPHRASES_TASKS_IMMEDIATE: run a just-enqueued job in this process (no heartbeat thread)."""
    job = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).first()
    if job is None:
        return None
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, worker=worker_identity(),
                                         started_at=timezone.now(), attempts=job.attempts + 1)
    job.refresh_from_db()
    return execute(job, heartbeat=False)


class Worker:
    """The loop of `manage.py run_worker`: daily schedules, lost jobs, then the next job, until stopped."""

    def __init__(self, *, poll: float = 1.0, burst: bool = False, stdout=None):
        self.poll, self.burst, self.stdout = poll, burst, stdout
        self.identity = worker_identity()
        self.name = f"pid {os.getpid()} on {socket.gethostname()}"  # what people read; `identity` is for the queue
        self.stopping = threading.Event()
        self.current: JobContext | None = None

    def stop(self, *_signal_args):
        self.stopping.set()
        if self.current is not None:
            self.current.interrupted.set()

    def install_signal_handlers(self):
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def _say(self, text):
        if self.stdout is not None:
            self.stdout.write(text)
            self.stdout.flush()

    def warm_up(self) -> None:
        """Load the brand-voice rules and spelling dictionaries now, so the first import does not wait for them."""
        from phrases.lint import lint_text

        started = time.monotonic()
        self._say(f"Worker {self.name}: loading the lint rules and spelling dictionaries…")
        try:
            for language in settings.QUICKPHRASES_LANGUAGES:
                lint_text("Hello.", language)
        except Exception:  # the database is not there yet: the first job loads them instead
            logger.warning("Worker %s: could not load the lint rules ahead of the first job", self.identity,
                           exc_info=True)
            close_old_connections()
            return
        self._say(f"Worker {self.name}: lint rules and dictionaries loaded in {time.monotonic() - started:.1f} s")

    def run(self) -> None:
        if not self.burst:
            self.warm_up()
        self._say(f"Worker {self.name} waiting for jobs (Ctrl+C to stop)")
        while not self.stopping.is_set():
            try:
                close_old_connections()
                enqueue_due_daily_jobs()
                reclaim_lost_jobs()
                job = claim_next(self.identity)
            except OperationalError as error:  # the database is unreachable (or, on SQLite, busy): try again
                logger.warning("Worker %s could not reach the queue: %s", self.identity, error)
                connection.close()
                self.stopping.wait(max(self.poll, 2.0))
                continue
            except Exception:
                if self.burst:  # a one-off run (a script, a benchmark) says what went wrong instead of waiting
                    raise
                logger.exception("Worker %s: unexpected error while looking at the queue", self.identity)
                connection.close()
                self.stopping.wait(max(self.poll, 2.0))
                continue
            if job is None:
                if self.burst:
                    return
                self.stopping.wait(self.poll)
                continue
            self._say(f"Job {job.pk} ({job.task}), attempt {job.attempts} of {job.max_attempts}: started")
            self.current = JobContext(job)
            status = execute(job, context=self.current)
            self.current = None
            self._say(f"Job {job.pk} ({job.task}): {status}")
