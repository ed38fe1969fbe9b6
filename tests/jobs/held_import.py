"""A test-only task for the worker-process tests: the real library import task (api.import_library's function,
the real worker, the real cancel path), held after its first progress report of a given stage until the test
opens a gate.

Without the hold, whether a cancellation reaches a running import depends on how fast the import runs against
how fast the test can send it; with it, the test knows the import is running and still has progress reports
ahead when it cancels. A worker process runs it when started with `preload="tests.jobs.held_import"`."""
import time
from pathlib import Path

from api import import_jobs
from api.models import ImportJob
from jobs import services as job_services
from jobs.registry import task

TASK = "tests.held_import"
RETRIED_TASK = "tests.held_import_retried"  # the same, retried as the real import task is (a killed worker's job)
GATE_TIMEOUT = 120


class _HeldAfterFirstReport:
    """The worker's JobContext, waiting for the gate file after the first report of stage `hold_at`."""

    def __init__(self, context, gate: Path, hold_at: str):
        self.context, self.gate, self.hold_at, self.held = context, gate, hold_at, False

    def __getattr__(self, name):  # job_id, attempt, state: the real context's
        return getattr(self.context, name)

    def progress(self, stage, done, total):
        self.context.progress(stage, done, total)
        if stage == self.hold_at and not self.held:
            self.held = True
            deadline = time.monotonic() + GATE_TIMEOUT
            while not self.gate.exists() and time.monotonic() < deadline:
                time.sleep(0.05)


def held_import(context, *, import_job: str, gate: str, hold_at: str):
    import_jobs.import_library_task(_HeldAfterFirstReport(context, Path(gate), hold_at), import_job=import_job)


task(name=TASK, max_attempts=1, on_give_up=import_jobs._give_up)(held_import)
task(name=RETRIED_TASK, max_attempts=3, on_give_up=import_jobs._give_up)(held_import)


def start_held_import(*, data: dict, actor, gate: str, hold_at: str, retried: bool = False) -> ImportJob:
    """start_import_job's twin for the held task (`retried`: attempted up to three times, as the real task is)."""
    job = ImportJob.objects.create(created_by=actor, phrases=len(data["phrases"]), total=len(data["phrases"]),
                                   dry_run=False, publish_over_findings=False, reason="", document=data)
    job.job = job_services.enqueue(RETRIED_TASK if retried else TASK,
                                   params={"import_job": str(job.pk), "gate": gate, "hold_at": hold_at})
    job.save(update_fields=["job"])
    return job
