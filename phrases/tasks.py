"""Background tasks of the library (found by the jobs app's autodiscovery)."""
from jobs.registry import task

WRITE_SEARCH_SNAPSHOT = "phrases.write_search_snapshot"


@task(name=WRITE_SEARCH_SNAPSHOT, max_attempts=2)
def write_search_snapshot(context):
    """Build the search index and write a fresh snapshot generation (what `manage.py search_index` does), after a
    large import: app servers on this host adopt it at their next revision check and gunicorn's master before
    its next fork, instead of each worker applying every change of the import itself. The worker does not keep
    the index it built."""
    from phrases.search.live_index import live_index

    context.progress("building", 0, 1)
    try:
        live_index.write_snapshot()
    finally:
        live_index.reset()
    context.progress("building", 1, 1)
