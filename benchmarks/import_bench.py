"""Library import speed: the command (dry run, first import, unchanged re-import) and the API's
job on the task queue (run by a worker's loop in-process), at 10,000 and 50,000 approved phrases: time, queries per phrase, peak memory.
The first import by command also reports its stages (`import_library -v 2`): wall and CPU time of
each, this process's and the lint processes'.

    python -m benchmarks.import_bench            # 10k and 50k phrases
    python -m benchmarks.import_bench --quick    # 300 phrases, seconds long (CI smoke run)
    python -m benchmarks.import_bench --sizes 3000
    python -m benchmarks.import_bench --sizes 20000,50000,100000 --first-import-only
                                                 # the first import by command only (the default from 100,000)
    python -m benchmarks.import_bench --sizes 20000 --first-import-only --profile /tmp/import-{size}.prof
                                                 # and where the importing process spends its CPU
"""
import argparse
import cProfile
import json
import os
import resource
import tempfile
import threading
import time

from benchmarks.common import rss_mb, setup_django, table


def rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class QueryCounter:
    """Counts queries on every connection (the API job runs on its own thread and connection)."""

    def __init__(self):
        self.count, self._lock = 0, threading.Lock()

    def __call__(self, execute, sql, params, many, context):
        with self._lock:
            self.count += 1
        return execute(sql, params, many, context)

    def install(self):
        from django.db import connection
        from django.db.backends.signals import connection_created

        connection.ensure_connection()
        connection.execute_wrappers.append(self)
        connection_created.connect(lambda sender, connection, **kw: connection.execute_wrappers.append(self),
                                   weak=False)


class PeakMemory:
    """Peak resident memory above the starting point while the block runs (sampled every 20 ms)."""

    def __enter__(self):
        self.base = self.peak = rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, rss_mb())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())

    @property
    def grew_mb(self):
        return self.peak - self.base


def library_file(size, seed=7) -> dict:
    """An approved library of `size` phrases, from the synthetic generator."""
    from benchmarks import synthetic

    documents = synthetic.library(size, seed=seed)
    topics = sorted({d.topic for d in documents})
    return {"format": "quickphrases/v1",
            "topics": [{"slug": slug, "name": slug.replace("-", " ").title(), "parent": None} for slug in topics],
            "phrases": [{"key": d.key, "title": d.title[:120], "body": d.body, "topic": d.topic,
                         "language": d.language, "shortcut": d.shortcut or None, "hotkey": None,
                         "keywords": list(d.keywords), "status": "approved"} for d in documents]}


def _empty_library():
    from phrases.models import FindingDismissal, LiveChange, LivePhrase, Phrase, Topic

    FindingDismissal.objects.all().delete()
    LivePhrase.objects.all().delete()
    LiveChange.objects.all().delete()
    Phrase.history.all().delete()
    Phrase.objects.all().delete()
    Topic.objects.all().delete()


def _measure(counter, run):
    before = counter.count
    with PeakMemory() as memory:
        started = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - started
    return seconds, counter.count - before, memory.grew_mb, result


def bench_size(size, counter, reviewer, api_client, rows, stages, first_import_only=False, profile_path=None):
    from django.conf import settings
    from django.core.management import call_command

    from jobs.worker import Worker
    from phrases.models import LivePhrase

    document = library_file(size)
    path = os.path.join(tempfile.mkdtemp(prefix="qp-import-"), "library.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False)
    quiet = open(os.devnull, "w")  # noqa: SIM115  (the command's report is long)

    def command(*extra):
        return lambda: call_command("import_library", path, "--no-progress", *extra, stdout=quiet)

    report = os.path.join(os.path.dirname(path), "report.txt")

    def first_import():
        profile = cProfile.Profile() if profile_path else None
        with open(report, "w", encoding="utf-8") as out:
            if profile is not None:
                profile.enable()
            call_command("import_library", path, "--no-progress", verbosity=2, stdout=out)
            if profile is not None:
                profile.disable()
                profile.dump_stats(profile_path.replace("{size}", str(size)))

    _empty_library()
    runs = [("command, first import", first_import)]
    if not first_import_only:
        runs = [("command, dry run", command("--dry-run")), *runs, ("command, re-import unchanged", command())]
    for label, run in runs:
        seconds, queries, grew, _ = _measure(counter, run)
        rows.append([f"{size:,}", label, f"{seconds:.1f} s", f"{size / seconds:,.0f}/s", f"{queries:,}",
                     f"{queries / size:.3f}", f"{grew:.0f} MiB"])
    with open(report, encoding="utf-8") as out:
        stages[size] = [line for line in out if line.startswith("Stages:")][-1].strip()
    live = LivePhrase.objects.count()
    if first_import_only:
        return live

    _empty_library()
    settings.QUICKPHRASES_IMPORT_SYNC_LIMIT = min(settings.QUICKPHRASES_IMPORT_SYNC_LIMIT, size - 1)
    settings.QUICKPHRASES_TASKS_IMMEDIATE = False

    def through_api():
        response = api_client.post("/api/v1/library/import/", document, format="json")
        assert response.status_code == 202, response.content[:300]
        accepted = time.perf_counter()
        Worker(burst=True, poll=0).run()  # a worker's loop, in this process: runs the queued job, then stops
        polled = api_client.get(response.json()["url"]).json()
        assert polled["status"] == "succeeded", polled.get("detail")
        return accepted

    started = time.perf_counter()
    seconds, queries, grew, accepted = _measure(counter, through_api)
    rows.append([f"{size:,}", f"API job (202 after {accepted - started:.2f} s)", f"{seconds:.1f} s",
                 f"{size / seconds:,.0f}/s", f"{queries:,}", f"{queries / size:.3f}", f"{grew:.0f} MiB"])
    return live


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", type=lambda text: [int(n) for n in text.split(",")])
    parser.add_argument("--first-import-only", action="store_true",
                        help="only the first import by command (the default for 100,000 phrases and more)")
    parser.add_argument("--profile", metavar="PATH",
                        help="cProfile the first import by command (this process only, not the lint processes) "
                             "into PATH ({size} is replaced by the size); read it with pstats, by tottime")
    args = parser.parse_args(argv)
    setup_django()
    from django.contrib.auth.models import Group, User
    from rest_framework.test import APIClient

    sizes = args.sizes or ([300] if args.quick else [10_000, 50_000])
    from django.conf import settings

    from phrases.lint import lint_text

    if args.quick:
        settings.QUICKPHRASES_HUNSPELL_DIRS = ()  # a smoke run: skip loading the spelling dictionaries

    started = time.perf_counter()
    for text, language in (("Спасибо.", "ru"), ("Thank you.", "en"), ("Dziękuję.", "pl")):
        lint_text(text, language)  # loads the rules and the spelling dictionaries, once per process
    warm_up = time.perf_counter() - started
    counter = QueryCounter()
    counter.install()
    reviewer = User.objects.create_user("bench-reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    api_client = APIClient(HTTP_HOST="127.0.0.1")
    api_client.force_authenticate(reviewer)
    rows, live, stages = [], {}, {}
    for size in sizes:
        live[size] = bench_size(size, counter, reviewer, api_client, rows, stages,
                                first_import_only=args.first_import_only or size >= 100_000,
                                profile_path=args.profile)
    from phrases.services.import_lint import lint_processes

    print("Library import benchmark (SQLite; approved synthetic phrases in ru/en/pl; peak memory above start "
          f"(the parent's; lint processes: {lint_processes()}); "
          f"linter warm-up, once per process: {warm_up:.1f} s{'; spelling off' if args.quick else ''})")
    table(["phrases", "run", "time", "rate", "queries", "queries/phrase", "peak memory"], rows)
    for size, line in stages.items():
        print(f"{size:,} phrases, first import by command: {line}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"Peak memory: this process {rss_peak_mb():.0f} MiB, the largest lint process {children:.0f} MiB "
          f"(resident; they share the parent's pages copy-on-write); load average {os.getloadavg()[0]:.1f}")
    for size, count in live.items():
        print(f"{size:,} phrases: {count:,} live after the import, {size - count:,} held in review over lint errors")


if __name__ == "__main__":
    main()
