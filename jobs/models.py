"""A job on the task queue: what to run, its state, and who runs it."""
import uuid

from django.db import models
from django.utils import timezone


class Job(models.Model):
    """One run of a registered task (jobs.registry). Workers claim queued jobs in order; a running job
    whose worker is gone goes back to the queue until `max_attempts` runs have been made.

    `unique_key` makes an enqueue idempotent: a scheduled job is enqueued as `<task>@<day>`, so however
    many workers see the schedule come due, one job exists for that day."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    FINISHED = (Status.SUCCEEDED, Status.FAILED, Status.CANCELLED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task = models.CharField(max_length=100)
    params = models.JSONField(default=dict, blank=True)
    unique_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Runs started so far")
    max_attempts = models.PositiveSmallIntegerField(default=3)
    run_after = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="Last sign of life of its worker")
    worker = models.CharField(max_length=200, blank=True, help_text="host:pid of the worker running it")
    cancel_requested = models.BooleanField(default=False)
    stage = models.CharField(max_length=32, blank=True, help_text="What the task is doing, as it reported")
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "run_after"], name="jobs_job_due")]

    def __str__(self):
        return f"{self.task} {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED
