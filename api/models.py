"""Read-only API tokens for chat tools, issued and revoked by admins; background import jobs."""
import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

LAST_USED_RESOLUTION_SECONDS = 60


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ChatToolToken(models.Model):
    """A named token a chat tool uses to search, sync, export and record usage, and nothing else.

    Only a hash of the key is stored; the key itself is shown once, when the token is issued."""

    name = models.CharField(max_length=80, unique=True, help_text="Which tool uses it, e.g. 'Helpdesk widget'")
    prefix = models.CharField(max_length=8, editable=False, help_text="The key's first characters, to tell tokens apart")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.revoked_at is None

    @classmethod
    def issue(cls, *, name: str, created_by=None) -> tuple["ChatToolToken", str]:
        """Create a token; returns it with the raw key, which is never stored."""
        key = secrets.token_urlsafe(30)
        token = cls.objects.create(name=name, prefix=key[:8], key_hash=hash_key(key), created_by=created_by)
        return token, key

    def touch(self) -> None:
        """Record use, at most once a minute (a cheap UPDATE, not a save)."""
        now = timezone.now()
        if self.last_used_at is None or (now - self.last_used_at).total_seconds() >= LAST_USED_RESOLUTION_SECONDS:
            type(self).objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class ChatTool:
    """The request.user of a chat-tool token: authenticated, but no person and no role."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = id = None

    def __init__(self, token: ChatToolToken):
        self.token = token
        self.username = f"chat-tool:{token.name}"

    def __str__(self):
        return self.username


class ImportJob(models.Model):
    """A large library import run by a worker of the task queue; the client polls it for progress and result.

    The import itself is one transaction (all or nothing), so a job whose worker died changed nothing;
    the queue runs it again (api/import_jobs.py). `document` holds the uploaded file until it finishes."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    phrases = models.PositiveIntegerField(help_text="Phrases in the file")
    dry_run = models.BooleanField(default=False)
    publish_over_findings = models.BooleanField(default=False)
    stage = models.CharField(max_length=16, blank=True, help_text="validating, linting or writing")
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(null=True, blank=True)
    problems = models.JSONField(null=True, blank=True)
    detail = models.TextField(blank=True)
    reason = models.TextField(blank=True, help_text="Why findings are published over (with publish_over_findings)")
    document = models.JSONField(null=True, blank=True, help_text="The uploaded file, until the import finishes")
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"import {self.pk} ({self.status})"

    @property
    def is_finished(self):
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED, self.Status.CANCELLED)
