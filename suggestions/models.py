"""What suggestions learn from: operators' picks and dismissals, with the client's message masked."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SuggestionFeedback(models.Model):
    """One answered message: the phrase the operator used (or none) and the suggestions they dismissed.

    `message` is masked (numbers, e-mails, phones) before it is stored and deleted after
    QUICKPHRASES_SUGGEST_RETENTION_DAYS; `vector` is its sentence vector (float32 bytes), empty when the
    model was unavailable."""

    class Source(models.TextChoices):
        SUGGEST = "suggest", _("Client's message")
        SEARCH = "search", _("Search")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="suggestion_feedback")
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.SUGGEST)
    language = models.CharField(max_length=8)
    message = models.TextField(help_text=_("The client's message (or the search), masked"))
    vector = models.BinaryField(null=True, blank=True)
    chosen_key = models.SlugField(max_length=100, blank=True, db_index=True)
    dismissed_keys = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("suggestion feedback")
        verbose_name_plural = _("suggestion feedback")

    def __str__(self):
        return f"{self.language}: {self.message[:40]} → {self.chosen_key or '—'}"


class LearningReset(models.Model):
    """A reviewer cleared what was learned for a phrase: feedback about it from before `reset_at` no longer
    counts (the rows stay for the missing-replies report until retention deletes them)."""

    key = models.SlugField(max_length=100, unique=True)
    reset_at = models.DateTimeField()
    reset_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        verbose_name = _("learning reset")
        verbose_name_plural = _("learning resets")

    def __str__(self):
        return f"{self.key} @ {self.reset_at:%Y-%m-%d}"
