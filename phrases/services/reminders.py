"""Monthly review reminders: each owner gets the phrases due for review, with their usage."""
from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from phrases import selectors
from phrases.models import Phrase, PhraseStatus
from phrases.roles import REVIEWERS


def _reviewer_addresses():
    User = get_user_model()
    reviewers = User.objects.filter(Q(groups__name=REVIEWERS) | Q(is_superuser=True), is_active=True)
    return sorted({u.email for u in reviewers if u.email})


def send_review_reminders(*, today=None) -> int:
    """E-mail every owner the approved phrases whose review is due, with 7- and 30-day usage.

    Phrases without an owner with an e-mail address go to the reviewers. Phrases never used in
    30 days are listed first, as candidates to fix or retire. Returns the number of e-mails sent.
    """
    today = today or timezone.localdate()
    due = selectors.usage_counts(selectors.due_for_review(on=today).select_related("owner", "topic"))
    by_recipient = defaultdict(list)
    fallback = _reviewer_addresses()
    for phrase in due:
        recipients = [phrase.owner.email] if phrase.owner and phrase.owner.email else fallback
        for address in recipients:
            by_recipient[address].append(phrase)
    messages = []
    for address, phrases in sorted(by_recipient.items()):
        phrases.sort(key=lambda p: (p.uses_30d > 0, p.uses_30d, p.key))
        context = {"phrases": phrases, "today": today, "unused": [p for p in phrases if p.uses_30d == 0]}
        subject = f"Quickphrases: {len(phrases)} phrase(s) due for review"
        body = render_to_string("phrases/email/review_reminder.txt", context)
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def review_counts() -> dict:
    """How many approved phrases are due now, and how many were never used in 30 days."""
    due = selectors.due_for_review().count()
    unused = selectors.usage_counts(Phrase.objects.filter(status=PhraseStatus.APPROVED)).filter(uses_30d=0).count()
    return {"due": due, "unused_30d": unused}
