"""The reminder log: which digest went to whom, when, and which phrases it named.

A digest row is written (as a claim) just before its mail is sent and stamped `sent_at` once the
mail server accepted it; a failed send deletes the claim, so the next run sends it again, unless the
server refused it for good (a 5xx answer): then the claim stays with its `refusal`. The
entries are what keeps the cycle quiet: a phrase is not named to the same person again until
QUICKPHRASES_REMINDER_REPEAT_DAYS have passed, unless its review date moved (a new cycle).
"""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from phrases.models import Phrase


class ReminderDigest(models.Model):
    """One review-reminder e-mail to one person for one day (`period`)."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("recipient"))
    email = models.EmailField(_("address"))
    language = models.CharField(_("language"), max_length=8)
    period = models.DateField(_("day"), help_text=_("The day the run was for: one digest per person per day."))
    subject = models.CharField(_("subject"), max_length=200)
    created_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    # Empty while the mail is being handed to the server; a failed send deletes the row.
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    # Set when the mail server refused the digest for good (a 5xx answer): the row stays, so the day
    # is not retried and its phrases wait the repeat interval like sent ones, instead of a daily retry.
    refusal = models.TextField(_("refused by the mail server"), blank=True)

    class Meta:
        ordering = ["-period", "email"]
        verbose_name = _("reminder digest")
        verbose_name_plural = _("reminder digests")
        constraints = [models.UniqueConstraint(fields=["recipient", "period"], name="one_digest_per_person_per_day")]

    def __str__(self):
        return f"{self.email} {self.period:%Y-%m-%d}"


class ReminderEntry(models.Model):
    """One phrase named in a digest, with the review date it was reminded about."""

    digest = models.ForeignKey(ReminderDigest, on_delete=models.CASCADE, related_name="entries")
    phrase = models.ForeignKey(Phrase, on_delete=models.CASCADE, related_name="+", verbose_name=_("phrase"))
    # The phrase's review_due_at when reminded: a later approval or "still right" moves it, and
    # from then on this reminder counts as answered.
    due_on = models.DateField(_("review due on"))
    days_overdue = models.PositiveIntegerField(_("days overdue"))
    retire_candidate = models.BooleanField(_("unused since last review"), default=False)

    class Meta:
        ordering = ["digest", "phrase__key"]
        verbose_name = _("reminded phrase")
        verbose_name_plural = _("reminded phrases")
        indexes = [models.Index(fields=["phrase", "due_on"])]

    def __str__(self):
        return f"{self.phrase_id} due {self.due_on:%Y-%m-%d}"
