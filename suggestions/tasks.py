"""Background tasks of suggestions (found by the jobs app's autodiscovery): the first vector build of a big
library, and the daily deletion of stored client messages past their retention."""
import logging

from jobs.registry import task
from suggestions.services import purge_expired_suggestion_data

logger = logging.getLogger(__name__)

BUILD_VECTORS = "suggestions.build_vectors"
PURGE_EXPIRED = "suggestions.purge_expired"


@task(name=BUILD_VECTORS, max_attempts=3)
def build_vectors(context):
    """Encode the live phrases that have no vector yet and write a new vector generation (the first build of a
    big library, or a large import): on the task queue, never in a web worker, which serves on words alone
    meanwhile and maps the generation once it is written. One build at a time per store folder (a file lock);
    a second job waits for the first and then has little or nothing left to encode."""
    from suggestions.engine.vectors import LiveVectors

    context.progress("encoding", 0, 1)
    LiveVectors().build_now(progress=lambda done, total: context.progress("encoding", done, total))
    context.progress("encoding", 1, 1)


@task(name=PURGE_EXPIRED, max_attempts=3, daily=True)
def purge_expired(context, *, day: str):
    """Once a day (one job per day, whichever worker sees it come due): delete the client messages and searches
    kept for suggestions longer than QUICKPHRASES_SUGGEST_RETENTION_DAYS."""
    deleted = purge_expired_suggestion_data()
    logger.info("Suggestions: deleted %d stored messages past their retention (%s)", deleted, day)
