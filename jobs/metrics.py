"""Prometheus metrics of the queue: job outcomes (counted where they run) and the queue's depth (read from
the database when scraped)."""
from prometheus_client import REGISTRY, Counter
from prometheus_client.core import GaugeMetricFamily

JOBS_FINISHED = Counter("quickphrases_jobs_finished_total", "Background jobs finished, by task and outcome",
                        ["task", "status"])


def job_finished(task: str, status: str) -> None:
    JOBS_FINISHED.labels(task=task, status=str(status)).inc()


class QueueDepthCollector:
    """Jobs by status (queued, running) at scrape time: the queue as every worker sees it."""

    def describe(self):  # registering must not query the database
        yield GaugeMetricFamily("quickphrases_jobs", "Background jobs waiting or running", labels=["status"])

    def collect(self):
        from django.db import DatabaseError

        from jobs.models import Job

        gauge = GaugeMetricFamily("quickphrases_jobs", "Background jobs waiting or running", labels=["status"])
        try:
            counts = dict.fromkeys((Job.Status.QUEUED, Job.Status.RUNNING), 0)
            for status in counts:
                counts[status] = Job.objects.filter(status=status).count()
        except DatabaseError:
            return
        for status, count in counts.items():
            gauge.add_metric([str(status)], count)
        yield gauge


_registered = False


def register_collectors():
    global _registered
    if not _registered:
        REGISTRY.register(QueueDepthCollector())
        _registered = True
