"""The queue's rules, in process: enqueue by name, retries, giving up, lost workers, the daily schedule."""
import socket
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from jobs import registry
from jobs.errors import UnknownTask
from jobs.models import Job
from jobs.services import enqueue, job_cancel
from jobs.worker import Worker, claim_next, enqueue_due_daily_jobs, execute, reclaim_lost_jobs

pytestmark = pytest.mark.django_db
calls = []


def _flaky(context, *, fail_times: int):
    calls.append(context.attempt)
    if context.attempt <= fail_times:
        raise ConnectionRefusedError("the mail server said no")


given_up = []
registry.task(name="tests.flaky", max_attempts=2, on_give_up=lambda job, message: given_up.append(message))(_flaky)


@pytest.fixture(autouse=True)
def _queue_mode(settings):
    settings.QUICKPHRASES_TASKS_IMMEDIATE = False
    calls.clear()
    given_up.clear()


def test_an_unknown_task_is_refused_at_enqueue():
    with pytest.raises(UnknownTask):
        enqueue("tests.no-such-task")


def test_a_unique_key_makes_enqueue_idempotent():
    first = enqueue("tests.flaky", params={"fail_times": 0}, unique_key="once")
    assert enqueue("tests.flaky", params={"fail_times": 0}, unique_key="once").pk == first.pk
    assert Job.objects.count() == 1


def test_a_task_that_raises_is_tried_again_later_then_given_up():
    job = enqueue("tests.flaky", params={"fail_times": 5})
    assert execute(claim_next("here:1:1"), heartbeat=False) == Job.Status.QUEUED
    job.refresh_from_db()
    assert job.run_after > timezone.now() and "mail server said no" in job.error
    assert claim_next("here:1:1") is None  # not due yet
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    assert execute(claim_next("here:1:1"), heartbeat=False) == Job.Status.FAILED
    assert calls == [1, 2] and len(given_up) == 1


@pytest.mark.django_db(transaction=True)  # the worker's loop closes stale connections, as between real jobs
def test_a_task_that_succeeds_on_its_second_try():
    job = enqueue("tests.flaky", params={"fail_times": 1})
    execute(claim_next("here:1:1"), heartbeat=False)
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    assert Worker(burst=True, poll=0).run() is None
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.attempts == 2


def test_a_job_whose_worker_process_is_gone_is_queued_again_then_failed():
    job = enqueue("tests.flaky", params={"fail_times": 0})
    gone = f"{socket.gethostname()}:999999999:1"  # no such process on this host
    claim_next(gone)
    assert reclaim_lost_jobs() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and job.worker == "" and job.attempts == 1
    claim_next(gone)
    reclaim_lost_jobs()
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "stopped" in job.error and len(given_up) == 1


def test_a_job_on_another_host_is_reclaimed_only_after_its_lease():
    job = enqueue("tests.flaky", params={"fail_times": 0})
    claim_next("elsewhere:42:1")
    assert reclaim_lost_jobs() == 0
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - timedelta(seconds=61))
    assert reclaim_lost_jobs() == 1


def test_cancelling_a_queued_job_means_it_never_runs():
    job = enqueue("tests.flaky", params={"fail_times": 0})
    assert job_cancel(job=job).status == Job.Status.CANCELLED and given_up == ["cancelled"]
    assert claim_next("here:1:1") is None and calls == []


def test_the_daily_digest_is_enqueued_once_a_day_from_its_time(settings):
    settings.QUICKPHRASES_DAILY_JOBS_AT = "07:00"
    early = timezone.make_aware(datetime(2026, 12, 7, 6, 59))
    enqueue_due_daily_jobs(early)
    assert not Job.objects.filter(task="reminders.daily_digests").exists()
    for minute in (0, 1, 30):
        enqueue_due_daily_jobs(early.replace(hour=7, minute=minute))
    job = Job.objects.get(task="reminders.daily_digests")
    assert job.unique_key == "reminders.daily_digests@2026-12-07" and job.params == {"day": "2026-12-07"}
    enqueue_due_daily_jobs(early + timedelta(days=1, hours=2))
    assert Job.objects.filter(task="reminders.daily_digests").count() == 2



written = []


@registry.task(name="tests.cancelled_between_reports", max_attempts=1,
               on_give_up=lambda job, message: given_up.append(message))
def _cancelled_between_reports(context):
    """In one transaction (as the import): writes a row, is cancelled (as DELETE on its URL does), reports."""
    from django.contrib.auth.models import Group
    from django.db import transaction

    with transaction.atomic():
        context.progress("writing", 0, 2)
        Group.objects.create(name="made-by-the-cancelled-task")
        job_cancel(job=Job.objects.get(pk=context.job_id))
        written.append("before the report")
        context.progress("writing", 1, 2)
        written.append("after the report")


@pytest.mark.django_db(transaction=True)
def test_a_running_job_stops_at_its_next_progress_report_after_a_cancel_and_rolls_back():
    """No heartbeat thread here: the report itself reads the cancel flag, so a cancellation is seen however
    fast the task runs, and the task's transaction rolls back."""
    from django.contrib.auth.models import Group

    job = enqueue("tests.cancelled_between_reports")
    written.clear()
    assert execute(claim_next("here:1:1"), heartbeat=False) == Job.Status.CANCELLED
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and job.error == "Cancelled." and given_up == ["cancelled"]
    assert written == ["before the report"]
    assert not Group.objects.filter(name="made-by-the-cancelled-task").exists()
