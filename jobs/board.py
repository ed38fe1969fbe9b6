"""Where a running job's progress, heartbeat and cancellation travel while its task holds a transaction.

A task like the library import is one long transaction, so the worker cannot publish progress on the
task's connection. On PostgreSQL a second connection writes them to the job row (any app server on any
machine can then read them). On SQLite the import's transaction holds the database's only write lock
until it ends, so no other connection could write the row; SQLite means one machine, so there they are
small files in QUICKPHRASES_JOB_DIR instead (one folder per database).
"""
import hashlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from jobs.models import Job


class RowBoard:
    def beat(self, job_id, progress: dict) -> None:
        fields = {name: progress[name] for name in ("stage", "done", "total") if name in progress}
        Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(heartbeat_at=timezone.now(), **fields)

    def progress(self, job: Job) -> dict | None:
        return {"stage": job.stage, "done": job.done, "total": job.total} if job.stage else None

    def request_cancel(self, job_id) -> None:
        Job.objects.filter(pk=job_id).update(cancel_requested=True)

    def cancel_requested(self, job_id) -> bool:
        return Job.objects.filter(pk=job_id, cancel_requested=True).exists()

    def last_beat(self, job: Job):
        return job.heartbeat_at

    def clear(self, job_id) -> None:
        pass


class FileBoard:
    def _folder(self) -> Path:
        db = connection.settings_dict
        identity = hashlib.sha256(f"{db['ENGINE']}|{db['NAME']}".encode()).hexdigest()[:16]
        folder = Path(settings.QUICKPHRASES_JOB_DIR) / identity
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def beat(self, job_id, progress: dict) -> None:
        path = self._folder() / f"{job_id}.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(progress))
        os.replace(temporary, path)  # readers see the old file or the new one, never half of one

    def progress(self, job: Job) -> dict | None:
        try:
            return json.loads((self._folder() / f"{job.pk}.json").read_text())
        except (OSError, ValueError):
            return None

    def request_cancel(self, job_id) -> None:
        (self._folder() / f"{job_id}.cancel").touch()

    def cancel_requested(self, job_id) -> bool:
        return (self._folder() / f"{job_id}.cancel").exists()

    def last_beat(self, job: Job):
        try:
            mtime = (self._folder() / f"{job.pk}.json").stat().st_mtime
        except OSError:
            return job.heartbeat_at
        return datetime.fromtimestamp(mtime, tz=UTC)

    def clear(self, job_id) -> None:
        for suffix in (".json", ".cancel", ".tmp"):
            (self._folder() / f"{job_id}{suffix}").unlink(missing_ok=True)


def board():
    return FileBoard() if connection.vendor == "sqlite" else RowBoard()
