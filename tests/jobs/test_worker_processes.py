"""Real worker processes on a real database: a SIGKILLed worker's import runs again whole, a running import
is cancelled and rolls back, two workers send a day's digest once."""
import json
import time

import pytest

# A reviewer and a library of `size` phrases, every text distinct (the import lints each distinct text once).
DOCUMENT = """
from django.contrib.auth.models import Group, User
reviewer, _ = User.objects.get_or_create(username="rita", defaults={{"email": "rita@example.com"}})
reviewer.groups.add(Group.objects.get(name="reviewers"))
document = {{"format": "quickphrases/v1", "topics": [{{"slug": "delivery", "name": "Delivery", "parent": None}}],
            "phrases": [{{"key": f"eta-{{i}}", "title": f"Delivery time {{i}}", "topic": "delivery", "language": "en",
                          "body": f"{{{{client_name}}}}, your order {{{{order_id}}}} arrives in {{i % 9 + 1}} days (parcel {{i}}).",
                          "status": "approved"}} for i in range({size})]}}
"""
ENQUEUE_IMPORT = DOCUMENT + """
from api.import_jobs import start_import_job
job = start_import_job(data=document, actor=reviewer, dry_run=False, publish_over_findings=False, reason="")
print(job.pk, job.job_id)
"""


def _enqueue_import(deployment, size):
    import_job, queue_job = deployment.shell(ENQUEUE_IMPORT.format(size=size)).strip().splitlines()[-1].split()
    return import_job.replace("-", ""), queue_job


def _import_status(deployment, import_job):
    return deployment.value("SELECT status FROM api_importjob WHERE replace(CAST(id AS TEXT), '-', '') = ?",
                            (import_job,))


def _phrases(deployment):
    return deployment.value("SELECT count(*) FROM phrases_phrase")


def _job(deployment, queue_job):
    row = deployment.query("SELECT status, attempts FROM jobs_job WHERE replace(CAST(id AS TEXT), '-', '') = ?",
                           (queue_job.replace("-", ""),))
    return row[0] if row else None


HELD_IMPORT = DOCUMENT + """
from tests.jobs.held_import import start_held_import
job = start_held_import(data=document, actor=reviewer, gate="{gate}", hold_at="{hold_at}", retried={retried})
print(job.pk, job.job_id)
"""


def test_a_killed_workers_import_runs_again_whole_on_the_next_worker(deployment):
    """The real import on a real worker, held at its first report of "writing" (tests/jobs/held_import.py, retried
    as the real task is) so the SIGKILL certainly lands mid-import, however fast the import runs."""
    gate = deployment.folder / "gate"
    output = deployment.shell(HELD_IMPORT.format(size=3000, gate=gate, hold_at="writing", retried=True))
    import_job, queue_job = output.strip().splitlines()[-1].split()
    import_job = import_job.replace("-", "")
    worker = deployment.start_worker(preload="tests.jobs.held_import")
    deployment.wait_for(lambda: deployment.progress(queue_job).get("stage") == "writing",
                        what="the import to be under way")
    deployment.kill(worker)  # SIGKILL: no cleanup of any kind

    assert _phrases(deployment) == 0  # its transaction died with it: all or nothing
    assert _job(deployment, queue_job) == ("running", 1)  # as the dead worker left it

    gate.touch()  # the next attempt runs through
    deployment.start_worker(preload="tests.jobs.held_import")
    deployment.wait_for(lambda: _import_status(deployment, import_job) in ("succeeded", "failed"),
                        what="the import to finish on the second worker")
    assert _import_status(deployment, import_job) == "succeeded"
    assert _job(deployment, queue_job) == ("succeeded", 2)
    assert _phrases(deployment) == 3000
    # A large import is followed by a fresh search snapshot, written by the worker for the servers to adopt.
    deployment.wait_for(lambda: deployment.value(
        "SELECT status FROM jobs_job WHERE task = 'phrases.write_search_snapshot'") == "succeeded",
        what="the snapshot job")
    assert list((deployment.folder / "index").glob("*/CURRENT"))


@pytest.mark.parametrize("hold_at", ["linting", "writing"])
def test_cancelling_a_running_import_rolls_it_back(deployment, hold_at):
    """The real import on a real worker, held at its first report of a stage (tests/jobs/held_import.py) so the
    cancellation certainly arrives while it runs: at "writing" its topics are already written in its
    transaction, and the cancellation rolls them back too."""
    gate = deployment.folder / "gate"
    output = deployment.shell(HELD_IMPORT.format(size=1200, gate=gate, hold_at=hold_at, retried=False))
    import_job, queue_job = output.strip().splitlines()[-1].split()
    import_job = import_job.replace("-", "")
    deployment.start_worker(preload="tests.jobs.held_import")
    deployment.wait_for(lambda: deployment.progress(queue_job).get("stage") == hold_at,
                        what=f"the import to report {hold_at}")
    answer = deployment.shell(
        "from api.import_jobs import import_job_cancel\nfrom api.models import ImportJob\n"
        f"job = import_job_cancel(ImportJob.objects.get(pk='{import_job}'))\nprint(job.status, job.detail)")
    assert answer.startswith("running Cancelling")
    gate.touch()
    deployment.wait_for(lambda: _import_status(deployment, import_job) == "cancelled", what="the cancellation")
    assert _job(deployment, queue_job) == ("cancelled", 1)
    assert _phrases(deployment) == 0
    assert deployment.value("SELECT count(*) FROM phrases_topic WHERE slug = 'delivery'") == 0
    assert deployment.value("SELECT detail FROM api_importjob WHERE replace(CAST(id AS TEXT), '-', '') = ?",
                            (import_job,)) == "The import was cancelled; nothing was changed."


def test_two_workers_send_the_days_digest_once(deployment, tmp_path):
    mail = tmp_path / "mail"
    environment = {"EMAIL_URL": f"filemail:///{mail}", "QUICKPHRASES_DAILY_JOBS_AT": "00:00",
                   "QUICKPHRASES_REVIEW_INTERVAL_DAYS": "0"}
    deployment.env.update(environment)
    _, first_import = _enqueue_import(deployment, 3)
    deployment.manage("run_worker", "--burst", QUICKPHRASES_DAILY_JOBS_AT="23:59")  # the import only
    assert _job(deployment, first_import)[0] == "succeeded"
    workers = [deployment.start_worker(), deployment.start_worker()]
    deployment.wait_for(lambda: deployment.value(
        "SELECT count(*) FROM jobs_job WHERE task = 'reminders.daily_digests' AND status = 'succeeded'"),
        what="the daily digest job")
    deployment.wait_for(lambda: all(p.poll() is None for p in workers), what="both workers to be running", timeout=5)
    # Both workers keep looking at the schedule; the day's job exists once and its digest went out once.
    time.sleep(2)
    assert deployment.value("SELECT count(*) FROM jobs_job WHERE task = 'reminders.daily_digests'") == 1
    assert deployment.value("SELECT count(*) FROM reminders_reminderdigest WHERE sent_at IS NOT NULL") == 1
    messages = [path.read_text() for path in mail.iterdir()]
    assert len(messages) == 1 and "rita@example.com" in messages[0]


def test_two_concurrent_imports_of_the_same_new_keys_end_with_one_clear_error(deployment):
    if deployment.kind == "sqlite":
        pytest.skip("SQLite runs one import at a time (its write lock); the second then updates what the first made")
    # Both held at their first report of "validating" (nothing written yet), then let go together: they
    # certainly overlap, however fast an import runs.
    gate = deployment.folder / "gate"
    started = []
    for _ in range(2):
        output = deployment.shell(HELD_IMPORT.format(size=1500, gate=gate, hold_at="validating", retried=False))
        import_job, queue_job = output.strip().splitlines()[-1].split()
        started.append((import_job.replace("-", ""), queue_job))
    (first, first_queued), (second, second_queued) = started
    deployment.start_worker(preload="tests.jobs.held_import")
    deployment.start_worker(preload="tests.jobs.held_import")
    deployment.wait_for(lambda: all(deployment.progress(queued).get("stage") == "validating"
                                    for queued in (first_queued, second_queued)), what="both imports to be validating")
    gate.touch()
    deployment.wait_for(lambda: {_import_status(deployment, first), _import_status(deployment, second)} <= {
        "succeeded", "failed"}, what="both imports to finish")
    outcomes = sorted((_import_status(deployment, job), job) for job in (first, second))
    assert [status for status, _ in outcomes] == ["failed", "succeeded"]
    problems = deployment.value("SELECT problems FROM api_importjob WHERE replace(CAST(id AS TEXT), '-', '') = ?",
                                (outcomes[0][1],))
    problems = problems if isinstance(problems, list) else json.loads(problems)
    assert problems == [{"key": "(file)", "field": "key", "message": (
        "Another import or edit created some of the same phrases while this import ran; nothing was imported. "
        "Import the file again.")}]
    assert _phrases(deployment) == 1500
