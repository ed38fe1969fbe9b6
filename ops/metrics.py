"""Prometheus metrics of search and suggestions: latency as served, and how far this process's search index
lags behind the library (read at scrape time)."""
import time

from prometheus_client import REGISTRY, Histogram
from prometheus_client.core import GaugeMetricFamily

# The endpoints whose latency operators watch (namespace:url_name); everything else is in django-prometheus's
# per-view histograms.
WATCHED = {"api:search": "search", "phrases:search": "search", "api:suggest": "suggest",
           "api:suggest-feedback": "suggest_feedback"}
LATENCY = Histogram("quickphrases_request_seconds", "Time to answer search and suggestion requests", ["endpoint"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0))


class LatencyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        endpoint = WATCHED.get(match.view_name) if match is not None else None
        if endpoint is not None:
            LATENCY.labels(endpoint=endpoint).observe(time.perf_counter() - started)
        return response


class IndexLagCollector:
    """Library changes (LiveChange rows) not yet in this process's search index, and its revision."""

    def describe(self):  # registering must not query the database
        yield GaugeMetricFamily("quickphrases_search_index_lag_changes", "")
        yield GaugeMetricFamily("quickphrases_search_index_check_age_seconds", "")

    def collect(self):
        from django.db import DatabaseError

        from phrases.search.live_index import live_index

        if live_index.index is None:
            return
        try:
            revision = live_index._revision()
        except DatabaseError:
            return
        lag = GaugeMetricFamily("quickphrases_search_index_lag_changes",
                                "Library changes not yet applied to this process's search index")
        lag.add_metric([], max(revision - live_index.revision, 0))
        yield lag
        age = GaugeMetricFamily("quickphrases_search_index_check_age_seconds",
                                "Seconds since this process last compared its index with the library")
        age.add_metric([], max(time.monotonic() - live_index.checked_at, 0.0))
        yield age


_registered = False


def register_collectors():
    global _registered
    if not _registered:
        REGISTRY.register(IndexLagCollector())
        _registered = True
