"""The reviewers' pages with a big library: the review queue (first and a later page) and a
history page, server time per request through Django's test client (no network), and queries.

    python -m benchmarks.review_queue           # 10,000 phrases, 200 waiting for review
    python -m benchmarks.review_queue --quick   # 1,000 phrases, 50 waiting
"""
import argparse
import random
import time

from benchmarks.common import percentiles, setup_django, table


def _build(size, waiting):
    """`size` live phrases; `waiting` of them in review (half edits of live text, half new), each
    with a history and stored findings, as submissions leave them."""
    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from benchmarks import synthetic
    from benchmarks.search import _load_database
    from phrases.lint import lint_text
    from phrases.models import LivePhrase, Phrase

    _load_database(synthetic.library(size))
    writer = User.objects.create_user("bench-writer", password="x")
    writer.groups.add(Group.objects.get(name="writers"))
    reviewer = User.objects.create_user("bench-reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    rng = random.Random(11)
    now = timezone.now()
    chosen = list(Phrase.objects.order_by("?")[:waiting])
    for number, phrase in enumerate(chosen):
        words = phrase.body.split()
        words[rng.randrange(len(words))] = rng.choice(["сегодня", "today", "dzisiaj", "спс", "вы", "СРОЧНО"])
        phrase.body = " ".join(words)
        phrase.status = "in_review"
        phrase.submitted_at = now - timezone.timedelta(hours=rng.randint(1, 24 * 20))
        phrase.submit_note = "Уточнили сроки." if number % 3 == 0 else ""
        phrase.lint_findings = [f.as_dict() for f in lint_text(phrase.body, phrase.language)]
        phrase.revision = 2
    Phrase.objects.bulk_update(chosen, ["body", "status", "submitted_at", "submit_note", "lint_findings",
                                        "revision"], batch_size=500)
    # Half the waiting phrases are new: no live text.
    LivePhrase.objects.filter(pk__in=[p.pk for p in chosen[::2]]).delete()
    # History rows for the submissions (bulk, as simple-history would write them on save).
    History = Phrase.history.model
    History.objects.bulk_create([
        History(**{f.attname: getattr(p, f.attname) for f in Phrase._meta.fields if f.attname != "updated_at"},
                history_date=p.submitted_at, history_type="~", history_user=writer,
                history_change_reason="Submitted for review")
        for p in chosen], batch_size=500)
    return reviewer, chosen


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    size, waiting = (1_000, 50) if args.quick else (10_000, 200)
    started = time.perf_counter()
    reviewer, chosen = _build(size, waiting)
    print(f"built {size} phrases, {waiting} waiting, in {time.perf_counter() - started:.1f} s")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(reviewer)
    last_page = (waiting + 19) // 20
    rows = []
    for label, path in (("queue, page 1", "/review/"), (f"queue, page {last_page}", f"/review/?page={last_page}"),
                        ("history", f"/phrases/{chosen[0].key}/history/")):
        assert client.get(path).status_code == 200, path  # warm
        samples = []
        for _ in range(args.runs):
            began = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - began) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        stats = percentiles(samples)
        rows.append((label, f"{stats['p50']:.1f}", f"{stats['p95']:.1f}", len(queries), len(response.content) // 1024))
    table(["page", "p50 ms", "p95 ms", "queries", "KiB"], rows)


if __name__ == "__main__":
    main()
