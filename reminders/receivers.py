"""The review-outcome mail listens to `phrase_reviewed`; the decision never depends on it."""
import logging

from django.dispatch import receiver

from phrases.signals import phrase_reviewed
from reminders.services import send_review_outcome

logger = logging.getLogger(__name__)


@receiver(phrase_reviewed, dispatch_uid="reminders-review-outcome-mail")
def mail_review_outcome(sender, *, phrase, actor, outcome, comment="", **kwargs):
    # Sent after commit: anything raised here would surface in the reviewer's request, after the
    # decision was already saved. Log it instead.
    try:
        send_review_outcome(phrase=phrase, actor=actor, outcome=outcome, comment=comment)
    except Exception:
        logger.exception("Could not prepare the review-outcome mail for %s", getattr(phrase, "key", phrase))
