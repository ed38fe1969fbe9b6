"""Prometheus metrics of the queue, read from the database at scrape time (the jobs run in worker processes,
which serve no metrics themselves): jobs by status, including the failed ones, and the oldest waiting job."""
from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily

JOBS = "quickphrases_jobs"
OLDEST = "quickphrases_jobs_oldest_queued_seconds"


class QueueCollector:
    def describe(self):  # registering must not query the database
        yield GaugeMetricFamily(JOBS, "Background jobs by status (failed: gave up after their attempts)",
                                labels=["status"])
        yield GaugeMetricFamily(OLDEST, "Age of the oldest job due and still waiting for a worker")

    def collect(self):
        from django.db import DatabaseError
        from django.db.models import Count, Min
        from django.utils import timezone

        from jobs.models import Job

        try:
            counts = dict.fromkeys(Job.Status.values, 0)
            counts.update(Job.objects.values_list("status").annotate(n=Count("id")).order_by())
            oldest = Job.objects.filter(status=Job.Status.QUEUED, run_after__lte=timezone.now()).aggregate(
                at=Min("created_at"))["at"]
        except DatabaseError:
            return
        jobs = GaugeMetricFamily(JOBS, "Background jobs by status (failed: gave up after their attempts)",
                                 labels=["status"])
        for status, count in counts.items():
            jobs.add_metric([status], count)
        yield jobs
        age = GaugeMetricFamily(OLDEST, "Age of the oldest job due and still waiting for a worker")
        age.add_metric([], (timezone.now() - oldest).total_seconds() if oldest else 0.0)
        yield age


_registered = False


def register_collectors():
    global _registered
    if not _registered:
        REGISTRY.register(QueueCollector())
        _registered = True
