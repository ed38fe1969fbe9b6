"""The review-outcome mail listens to `phrase_reviewed`; the decision never depends on it."""
import logging

from django.dispatch import receiver

from phrases.signals import phrase_reviewed

logger = logging.getLogger(__name__)


@receiver(phrase_reviewed, dispatch_uid="reminders-review-outcome-mail")
def mail_review_outcome(sender, *, phrase, actor, outcome, comment="", **kwargs):
    # Sent after commit, by a worker (jobs app): the mail server's speed or failures never reach the reviewer's
    # request, and a refused mail is tried again. Anything raised while queueing is logged, not raised: the
    # decision was already saved.
    from jobs.services import enqueue
    from reminders.tasks import OUTCOME_MAIL

    try:
        enqueue(OUTCOME_MAIL, params={"phrase_id": phrase.pk, "actor_id": getattr(actor, "pk", None),
                                      "outcome": outcome, "comment": comment})
    except Exception:
        logger.exception("Could not queue the review-outcome mail for %s", getattr(phrase, "key", phrase))
