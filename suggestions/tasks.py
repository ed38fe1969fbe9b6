"""The suggestions' background task: the daily deletion of stored client messages past their retention."""
import logging

from jobs.registry import task
from suggestions.services import purge_expired_suggestion_data

logger = logging.getLogger(__name__)

PURGE_EXPIRED = "suggestions.purge_expired"


@task(name=PURGE_EXPIRED, max_attempts=3, daily=True)
def purge_expired(context, *, day: str):
    """Once a day (one job per day, whichever worker sees it come due): delete the client messages and searches
    kept for suggestions longer than QUICKPHRASES_SUGGEST_RETENTION_DAYS."""
    deleted = purge_expired_suggestion_data()
    logger.info("Suggestions: deleted %d stored messages past their retention (%s)", deleted, day)
