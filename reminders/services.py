"""Writes of the review cycle: sending the reminder digests (and logging them), and the mail that
tells a writer a reviewer approved or sent back their phrase."""
import logging
import smtplib
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from phrases.models import Phrase
from reminders import selectors
from reminders.models import ReminderDigest, ReminderEntry

logger = logging.getLogger(__name__)

# A claim older than this belongs to a run that died mid-send; the next run may send it again.
ABANDONED_CLAIM_AGE = timedelta(hours=1)


@dataclass
class RenderedDigest:
    planned: selectors.PlannedDigest
    subject: str
    text: str
    html: str

    @property
    def recipient(self):
        return self.planned.recipient

    def message(self, connection=None) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(self.subject, self.text, settings.DEFAULT_FROM_EMAIL,
                                         [self.recipient.email], connection=connection)
        message.attach_alternative(self.html, "text/html")
        return message


@dataclass
class ReminderRun:
    """What a run did: digests sent, failed (with the reason), and what it could not do."""

    as_of: date
    dry_run: bool
    planned: list[RenderedDigest] = field(default_factory=list)
    sent: list[RenderedDigest] = field(default_factory=list)
    failed: list[tuple[RenderedDigest, str]] = field(default_factory=list)
    claimed_elsewhere: list[RenderedDigest] = field(default_factory=list)
    unreachable: list[Phrase] = field(default_factory=list)
    already_sent_today: int = 0


def _display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def render_digest(planned: selectors.PlannedDigest, *, as_of: date) -> RenderedDigest:
    """The digest's subject, text and HTML, in the recipient's interface language."""
    with translation.override(planned.language):
        context = {
            "name": _display_name(planned.recipient),
            "as_of": as_of,
            "total": planned.total,
            "to_review": planned.to_review,
            "to_retire": planned.to_retire,
            "review_more": planned.review_more,
            "retire_more": planned.retire_more,
            "retire_url": selectors.site_url(selectors.phrase_list_path("overdue", "unused")),
            "repeat_days": settings.QUICKPHRASES_REMINDER_REPEAT_DAYS,
            "overdue_url": selectors.site_url(selectors.phrase_list_path("overdue")),
            "health_url": selectors.site_url("/health/"),
            "outdated": planned.outdated,
            "outdated_url": selectors.site_url("/phrases/?outdated=1"),
        }
        count = planned.total
        if count:
            subject = ngettext("Quickphrases: %(count)d phrase is due for review",
                               "Quickphrases: %(count)d phrases are due for review", count) % {"count": count}
        else:
            subject = ngettext("Quickphrases: %(count)d language variant may be outdated",
                               "Quickphrases: %(count)d language variants may be outdated",
                               len(planned.outdated)) % {"count": len(planned.outdated)}
        text = render_to_string("reminders/email/digest.txt", context)
        html = render_to_string("reminders/email/digest.html", context)
    return RenderedDigest(planned=planned, subject=subject, text=text, html=html)


def _claim(digest: RenderedDigest, *, as_of: date) -> ReminderDigest | None:
    """Log the digest before sending it; None when another run already holds this person's day."""
    try:
        with transaction.atomic():
            claim = ReminderDigest.objects.create(
                recipient=digest.recipient, email=digest.recipient.email, language=digest.planned.language,
                period=as_of, subject=digest.subject[:200])
            ReminderEntry.objects.bulk_create(
                ReminderEntry(digest=claim, phrase=item.phrase, due_on=item.phrase.review_due_at,
                              days_overdue=item.days_overdue, retire_candidate=item.retire_candidate)
                for item in digest.planned.phrases)
    except IntegrityError:
        return None
    return claim


def _refused_for_good(error: Exception) -> bool:
    """A permanent SMTP refusal (5xx: message too large, mailbox unknown, policy): sending the same
    digest again tomorrow would be refused again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def send_review_reminders(*, as_of: date | None = None, dry_run: bool = False) -> ReminderRun:
    """Mail each person the approved phrases due for review that they were not reminded of lately.

    At most one digest per person per day; a phrase is named again to the same person after
    QUICKPHRASES_REMINDER_REPEAT_DAYS while it stays overdue. Each digest goes over its own
    connection and is logged only once the mail server accepted it, so a timed-out or temporarily
    refused digest is reported in the run, logged as nothing, and sent by the next run; one refused
    for good (5xx) is reported and logged with its refusal, and its phrases wait the repeat interval. `dry_run` renders
    the digests and records nothing.
    """
    as_of = as_of or timezone.localdate()
    if not dry_run:
        ReminderDigest.objects.filter(sent_at__isnull=True, refusal="",
                                      created_at__lt=timezone.now() - ABANDONED_CLAIM_AGE).delete()
        # A refusal holds for the address refused: once the person's address changes, try again.
        ReminderDigest.objects.exclude(refusal="").exclude(email=F("recipient__email")).delete()
    plan = selectors.reminder_plan(as_of=as_of)
    run = ReminderRun(as_of=as_of, dry_run=dry_run, unreachable=plan.unreachable,
                      already_sent_today=plan.already_sent_today)
    run.planned = [render_digest(planned, as_of=as_of) for planned in plan.digests]
    if dry_run:
        return run
    for digest in run.planned:
        claim = _claim(digest, as_of=as_of)
        if claim is None:
            run.claimed_elsewhere.append(digest)
            continue
        try:
            digest.message(get_connection(fail_silently=False)).send()
        except Exception as error:  # noqa: BLE001 — any backend's failure: SMTP refusals, timeouts, DNS, TLS…
            reason = _describe(error)
            if _refused_for_good(error):
                claim.refusal = reason[:2000]
                claim.save(update_fields=["refusal"])
            else:
                claim.delete()
            logger.warning("Review reminder to %s <%s> was not sent: %s",
                           digest.recipient.get_username(), digest.recipient.email, reason)
            run.failed.append((digest, reason))
        else:
            claim.sent_at = timezone.now()
            claim.save(update_fields=["sent_at"])
            run.sent.append(digest)
    return run


def send_review_outcome(*, phrase: Phrase, actor, outcome: str, comment: str = "", raise_errors: bool = False) -> bool:
    """Tell the phrase's owner that a reviewer approved it or sent it back. Returns whether a mail
    went out: not to the reviewer themselves, inactive people, people without an address or who
    switched these mails off. A mail failure is logged, and raised only with `raise_errors` (the
    background task, which then tries again)."""
    owner = phrase.owner
    if (owner is None or not owner.is_active or not owner.email or owner.pk == getattr(actor, "pk", None)
            or outcome not in ("approved", "rejected") or not selectors.wants_review_emails(owner)):
        return False
    language = selectors.interface_languages([owner.pk])[owner.pk]
    with translation.override(language):
        context = {
            "name": _display_name(owner),
            "phrase": phrase,
            "reviewer": _display_name(actor) if actor is not None else gettext("a reviewer"),
            "approved": outcome == "approved",
            "comment": comment,
            "url": selectors.site_url(selectors.phrase_path(phrase.key)),
            "next_review": phrase.review_due_at if outcome == "approved" else None,
        }
        title = " ".join(phrase.title.split())  # a header must not break lines
        if outcome == "approved":
            subject = gettext("Approved: “%(title)s”") % {"title": title}
        else:
            subject = gettext("Sent back for changes: “%(title)s”") % {"title": title}
        text = render_to_string("reminders/email/review_outcome.txt", context)
        html = render_to_string("reminders/email/review_outcome.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [owner.email])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:  # whatever the backend raises, the decision stands
        logger.exception("Review-outcome mail to %s <%s> about %s was not sent",
                         owner.get_username(), owner.email, phrase.key)
        if raise_errors:
            raise
        return False
    return True
