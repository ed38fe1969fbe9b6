# ruff: noqa: N999  (gunicorn's conventional file name)
"""gunicorn settings for Quickphrases: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

The search index is made ready once, in the master, before any worker accepts a request (preload_app): its
snapshot (.search-index/, or QUICKPHRASES_SEARCH_SNAPSHOT_DIR) is memory-mapped read-only and brought up
to date from the live-change log, or the index is built from the database and the snapshot written the
first time. Workers are forked from the master; the snapshot's arrays are shared through the page cache
and never written, so a worker's own memory stays Django plus a small overlay of recent approvals, which
each keeps fresh on its own (an approval is visible in every worker within a second). No worker ever
builds inside a request, so gunicorn's default 30 s timeout holds at any library size. The same goes for
suggestions (suggestions/engine/vectors.py, LiveVectors.preload): the master loads the sentence model, maps
the phrase vectors and makes one suggestion per language, so the workers share the model's arrays and the
lookups a first query builds; a first vector build is left to the task queue (`manage.py run_worker`).
After a request that ran the model, a worker gives the allocator's free pages back (post_request), so the
pages its requests wrote on the heap shared with the master do not pile up in its private memory.

Prometheus metrics count across all workers (prometheus_client's multiprocess mode): each worker writes its
counts to files in PROMETHEUS_MULTIPROC_DIR (default: a new temporary folder per gunicorn start, removed at
exit; a folder you set is emptied at start), /metrics adds them up whichever worker answers, and the files of
a worker that exits are marked dead (child_exit) so its live gauges drop out while its counts stay counted.

Environment: GUNICORN_BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (workers, default 3),
GUNICORN_TIMEOUT (default 30), PROMETHEUS_MULTIPROC_DIR.
"""
import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("QUICKPHRASES_SEARCH_PRELOAD", "1")
os.environ.setdefault("QUICKPHRASES_LINT_PRELOAD", "1")  # config/wsgi.py: the linter ready before the fork

# Before anything imports prometheus_client (the app is loaded after this file): its metric values are then
# kept in files shared by the workers.
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).mkdir(parents=True, exist_ok=True)
    for stale in Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).glob("*.db"):  # a previous run's counts
        stale.unlink()
else:
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="quickphrases-metrics-")
    _made_by_us = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    _master = os.getpid()
    atexit.register(lambda: os.getpid() == _master and shutil.rmtree(_made_by_us, ignore_errors=True))

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Recycling a worker is cheap (a fork of the ready master), so bound slow leaks this way.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10


def pre_fork(server, worker):
    """A worker forked later (recycled by max_requests, or after a crash) starts from the newest snapshot, so it
    does not re-apply a large import's changes inside its first request. Never stops the fork. The master's
    objects are then frozen out of garbage collection (gc.freeze), so a worker's collections do not write to
    the pages it shares with the master (which would copy them into its private memory)."""
    try:
        from phrases.search.live_index import live_index

        if live_index.adopt_newest_snapshot():
            server.log.info("Search index: the master adopted snapshot %s", live_index.generation)
    except Exception:
        server.log.warning("Search index: could not adopt the newest snapshot before forking", exc_info=True)
    import gc

    gc.freeze()


def post_fork(server, worker):
    """With the lint preloaded in the master (config/wsgi.py), the new worker lints one long text per language
    before it takes a request (phrases.lint.engine.warm_worker): the pages of the master's it writes to on a
    first text are copied now, not inside a request (~10 ms of a 20,000-character text). Never stops the worker."""
    if os.environ.get("QUICKPHRASES_LINT_PRELOAD") != "1":
        return
    try:
        from phrases.lint.engine import warm_worker
        from phrases.lint.ruleset import ruleset_in_memory

        warm_worker(ruleset_in_memory())  # the rules the master compiled; no database query before the first request
    except Exception:
        server.log.warning("Lint: the worker's warm-up failed; its first texts warm it instead", exc_info=True)


def post_request(worker, req, environ, resp):
    """After a response that ran the sentence model, the worker gives the allocator's free pages back, so what
    the request wrote on the heap it shares with the master does not stay in its private memory
    (suggestions/engine/encoder.py, release_heap_after_request; `python -m benchmarks.suggest` calls the same)."""
    from suggestions.engine.encoder import release_heap_after_request

    release_heap_after_request()


def child_exit(server, worker):
    """A worker ended (recycled, crashed, or stopping): its live gauges leave /metrics; its counts stay."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
