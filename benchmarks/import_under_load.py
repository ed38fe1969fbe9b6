"""A large API import while operators search and gunicorn recycles its workers every 40 requests: the import
runs on a queue worker, so the recycling web workers never carry it.

    python -m benchmarks.import_under_load                  # 20,000 phrases, SQLite file
    python -m benchmarks.import_under_load --postgres       # on PostgreSQL (QP_BENCH_POSTGRES or the local server)
    python -m benchmarks.import_under_load --quick          # 1,000 phrases

Prints the import's time from upload to `succeeded`, the searches answered meanwhile (errors, p50/p95) and how
many times gunicorn recycled a worker.
"""
import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.common import ROOT, percentiles, table

SETUP = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
reviewer = User.objects.create_user("rita", "rita@example.com", "x"); reviewer.groups.add(Group.objects.get(name="reviewers"))
operator = User.objects.create_user("otto", "otto@example.com", "x"); operator.groups.add(Group.objects.get(name="operators"))
print(Token.objects.create(user=reviewer).key, Token.objects.create(user=operator).key)
"""
QUERIES = ["доставка заказа", "спасибо за ожидание", "refund status", "zwrot pieniędzy", "когда привезут",
           "order delayed", "adres dostawy", "промокод"]


class SearchTraffic(threading.Thread):
    def __init__(self, server, token):
        super().__init__(daemon=True)
        self.server, self.token = server, token
        self.stop, self.latencies, self.errors = threading.Event(), [], []

    def run(self):
        number = 0
        while not self.stop.is_set():
            query = QUERIES[number % len(QUERIES)]
            started = time.perf_counter()
            try:
                status, _ = self.server.request("GET", f"/api/v1/search/?{urlencode({'q': query})}",
                                                token=self.token)
            except OSError as error:
                status = type(error).__name__
            if status == 200:
                self.latencies.append((time.perf_counter() - started) * 1000)
            else:
                self.errors.append(status)
            number += 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--size", type=int)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--clients", type=int, default=2, help="concurrent searching clients")
    args = parser.parse_args(argv)
    size = args.size or (1000 if args.quick else 20_000)
    kind = "postgres" if args.postgres else "sqlite"
    if args.postgres:
        os.environ["DATABASE_URL"] = os.environ.get("QP_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from benchmarks.deployment import Deployment, drop_template, migrated_template
    from benchmarks.import_bench import library_file

    folder = Path(tempfile.mkdtemp(prefix="qp-under-load-"))
    template = migrated_template(folder, kind)
    deployment = Deployment(folder, kind, template, QUICKPHRASES_IMPORT_SYNC_LIMIT="500")
    try:
        reviewer, operator = deployment.shell(SETUP).strip().splitlines()[-1].split()
        server = deployment.start_server("web", workers=2, GUNICORN_MAX_REQUESTS="40")
        worker = deployment.start_worker()
        deployment.wait_for(lambda: "waiting for jobs" in Path(worker.log_path).read_text(), timeout=300,
                            what="the worker to load the lint rules")
        document = library_file(size)
        traffic = [SearchTraffic(server, operator) for _ in range(args.clients)]
        for client in traffic:
            client.start()
        time.sleep(2)
        started = time.perf_counter()
        status, job = server.request("POST", "/api/v1/library/import/", token=reviewer, data=document, timeout=120)
        assert status == 202, (status, job)
        accepted = time.perf_counter() - started
        path = "/api/v1/library/import/" + job["url"].rstrip("/").rsplit("/", 1)[-1] + "/"
        poll_seconds, stages = [], []
        while True:
            time.sleep(1)
            asked = time.perf_counter()
            try:
                status, answer = server.request("GET", path, token=reviewer, timeout=300)
            except OSError as error:
                status, answer = type(error).__name__, None
            poll_seconds.append(time.perf_counter() - asked)
            job = answer if status == 200 else job
            if status == 200 and job["status"] in ("succeeded", "failed", "cancelled"):
                break
            if status == 200 and job["stage"] and (not stages or stages[-1] != job["stage"]):
                stages.append(job["stage"])
        seconds = time.perf_counter() - started
        for client in traffic:
            client.stop.set()
            client.join()
        log = Path(server.process.log_path).read_text()
        recycled = log.count("Autorestarting worker")
    finally:
        deployment.close()
        drop_template(kind, template)
    latencies = [ms for client in traffic for ms in client.latencies]
    errors = [status for client in traffic for status in client.errors]
    figures = percentiles(latencies) if latencies else {"p50": 0, "p95": 0}
    print(f"API import of {size:,} approved phrases ({kind}) under search traffic ({args.clients} clients), gunicorn "
          "with 2 workers recycled every 40 requests (GUNICORN_MAX_REQUESTS=40), one queue worker")
    table(["import", "202 after", "upload to done", "stages seen", "polls (slowest)", "searches ok", "search errors",
           "search p50", "search p95", "worker recycles"],
          [[job["status"], f"{accepted:.1f} s", f"{seconds:.0f} s", ", ".join(stages) or "-",
            f"{len(poll_seconds)} ({max(poll_seconds):.1f} s)", len(latencies), len(errors), f"{figures['p50']:.0f} ms",
            f"{figures['p95']:.0f} ms", recycled]])
    if job["status"] != "succeeded":
        print(json.dumps(job, ensure_ascii=False)[:2000])


if __name__ == "__main__":
    main()
