"""Server time of the writers' library page (/phrases/) over a library of 10,000 phrases.

    python -m benchmarks.pages           # 10k phrases, 40 requests per filter
    python -m benchmarks.pages --quick   # 1k phrases

Measured in-process through Django's test client (middleware, session, view, queries and template;
no network), on a fresh SQLite file, with a mix of statuses, stored findings and 30-day usage.
"""
import argparse
import random
import time

from benchmarks.common import percentiles, setup_django, table

FILTERS = ["", "?page=100", "?status=draft", "?language=ru&status=approved", "?flagged=1", "?unused=1",
           "?due=week", "?unapproved=1", "?owner=me", "?q=доставка", "?q=zwrot"]


def _mix(size, seed=3):
    """Spread statuses, findings, owners, review dates and uses over the synthetic library."""
    from datetime import timedelta

    from django.contrib.auth.models import Group, User
    from django.utils import timezone

    from phrases.models import LivePhrase, Phrase, PhraseUse

    rng = random.Random(seed)
    writer = User.objects.create_user("bench-writer", password="x")
    writer.groups.add(Group.objects.get(name="writers"))
    today = timezone.localdate()
    phrases = list(Phrase.objects.all())
    finding = {"rule": "banned-abbreviation", "severity": "error", "message": "x", "start": 0, "end": 3,
               "suggestion": None}
    for phrase in phrases:
        roll = rng.random()
        phrase.owner = writer if roll < 0.3 else None
        phrase.review_due_at = today + timedelta(days=rng.randint(-10, 40))
        if roll < 0.15:
            phrase.status = "draft"
        elif roll < 0.25:
            phrase.status, phrase.lint_findings = "in_review", [finding]
        elif roll < 0.3:
            phrase.status, phrase.changes_requested = "draft", True
    Phrase.objects.bulk_update(phrases, ["owner", "review_due_at", "status", "lint_findings", "changes_requested"],
                               batch_size=2000)
    LivePhrase.objects.filter(phrase__status="draft", phrase__changes_requested=False).filter(
        phrase_id__in=[p.pk for p in phrases[: size // 20]]).delete()
    now = timezone.now()
    uses = [PhraseUse(phrase=rng.choice(phrases), client="bench") for _ in range(size * 5)]
    PhraseUse.objects.bulk_create(uses, batch_size=5000)
    PhraseUse.objects.filter(pk__in=[u.pk for u in uses[::2]]).update(used_at=now - timedelta(days=45))
    return writer


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args(argv)
    setup_django()
    from django.test import Client

    from benchmarks import synthetic
    from benchmarks.search import _load_database

    size = 1_000 if args.quick else 10_000
    _load_database(synthetic.library(size))
    writer = _mix(size)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(writer)
    rows = []
    for query in FILTERS:
        assert client.get("/phrases/" + query).status_code == 200, query  # warm-up (and the search index)
        samples = []
        for _ in range(args.repeat if not args.quick else 5):
            started = time.perf_counter()
            response = client.get("/phrases/" + query)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        stats = percentiles(samples)
        rows.append(["/phrases/" + query, f"{stats['p50']:.1f}", f"{stats['p95']:.1f}"])
    print(f"Library page, {size:,} phrases, server time in ms")
    table(["request", "p50", "p95"], rows)


if __name__ == "__main__":
    main()
