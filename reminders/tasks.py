"""The review cycle's background tasks: the outcome mail of each decision and the daily digests."""
from datetime import date

from django.contrib.auth import get_user_model

from jobs.registry import task
from phrases.models import Phrase
from reminders.services import send_review_outcome, send_review_reminders

OUTCOME_MAIL = "reminders.review_outcome_mail"
DAILY_DIGESTS = "reminders.daily_digests"


@task(name=OUTCOME_MAIL, max_attempts=3)
def review_outcome_mail(context, *, phrase_id: int, actor_id: int | None, outcome: str, comment: str = ""):
    phrase = Phrase.objects.filter(pk=phrase_id).select_related("owner").first()
    if phrase is None:
        return
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    # A mail server that refuses or times out raises here: the queue tries again later.
    send_review_outcome(phrase=phrase, actor=actor, outcome=outcome, comment=comment, raise_errors=True)


@task(name=DAILY_DIGESTS, max_attempts=3, daily=True)
def daily_digests(context, *, day: str):
    """Once a day (one job per day, whichever worker sees it come due): the review reminder digests.
    A digest the mail server refused is sent by a retry of the job (each person's day is claimed once)."""
    run = send_review_reminders(as_of=date.fromisoformat(day))
    if run.failed:
        raise RuntimeError(f"{len(run.failed)} digest(s) were not accepted by the mail server; retrying later.")
