"""Probes for load balancers and the metrics endpoint for Prometheus. The probes need no login and say
nothing about the library; /metrics answers the addresses in QUICKPHRASES_METRICS_ALLOWED and superusers."""
import ipaddress
import logging
import os

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """The process is up and answering (no database needed)."""
    return JsonResponse({"status": "ok"})


def _database_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        logger.warning("Readiness: the database is unreachable", exc_info=True)
        connection.close()
        return False


def _queue_ready() -> bool:
    from jobs.models import Job

    try:
        Job.objects.filter(status=Job.Status.QUEUED).exists()
        return True
    except DatabaseError:
        return False


def _search_ready() -> bool:
    from phrases.search.live_index import live_index

    if live_index.index is not None:
        return True
    try:
        # A server that started while the database was down loads the index now (from the snapshot under
        # gunicorn, as its preload would have).
        if os.environ.get("QUICKPHRASES_SEARCH_PRELOAD") == "1":
            live_index.preload(for_fork=False)
        else:
            live_index.current()
        return True
    except DatabaseError:
        logger.warning("Readiness: the search index could not be loaded", exc_info=True)
        return False


@never_cache
@require_GET
def readyz(request):
    """200 when this process can serve: the database answers, the search index is loaded, the queue is
    reachable; else 503 naming what is not ready."""
    checks = {"database": _database_ready()}
    checks["search_index"] = checks["database"] and _search_ready()
    checks["queue"] = checks["database"] and _queue_ready()
    ready = all(checks.values())
    return JsonResponse({"status": "ready" if ready else "not ready", "checks": checks}, status=200 if ready else 503)


def _allowed(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for entry in settings.QUICKPHRASES_METRICS_ALLOWED:
        try:
            if ip in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


@never_cache
@require_GET
def metrics(request):
    if not _allowed(request.META.get("REMOTE_ADDR", "")):
        user = getattr(request, "user", None)
        if not (user is not None and user.is_authenticated and user.is_superuser):
            raise PermissionDenied("Metrics are for the monitoring system.")
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)


def _registry():
    """Under gunicorn (PROMETHEUS_MULTIPROC_DIR, see config/gunicorn.conf.py) the counts of every worker, added
    up from their files, plus the collectors read at scrape time (the queue, this process's index lag); else
    this process's registry, which holds all of them."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    from jobs.metrics import QueueCollector
    from ops.metrics import IndexLagCollector

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    registry.register(QueueCollector())
    registry.register(IndexLagCollector())
    return registry
