"""Serving benchmark: the search API under gunicorn, next to PostgreSQL full-text search on the same stack.

    python -m benchmarks.serving            # 100,000 phrases, 3 workers, 1/20/50 clients, PostgreSQL
    python -m benchmarks.serving --quick    # 1,000 phrases, 1 and 5 clients, a few seconds (CI smoke run)

Loads a synthetic library into a dedicated database (PostgreSQL `qp_bench` on 127.0.0.1:5432 when a
server answers, else a temporary SQLite file: then there is no FTS column), starts gunicorn with
config/gunicorn.conf.py (3 workers, preload) serving benchmarks.fts_app (the project plus a
benchmark-only /api/v1/fts-search/ over a GIN index), and measures on loopback only:
- cold start: process start to the first answered search, without a snapshot (first start ever: it
  builds and writes one) and with it (every later start, a deploy or a restart);
- memory: RSS, PSS and private memory of the master and of each worker after the load;
- latency (p50/p95/p99) and throughput for 1, 20 and 50 concurrent clients, each level bounded in
  requests and seconds, for our search and for PostgreSQL FTS, in the same run;
- the same for suggestions (POST /api/v1/suggest/) with generated client messages
  (benchmarks/client_messages.py; the language left out of a third, so it is detected). The phrase vectors
  are written to the snapshot folder before the servers start, as a deployment keeps them between starts:
  VECTOR_SAMPLE phrases are encoded and their vectors repeated (with a little noise) for the rest, as
  benchmarks/suggest.py does (encoding 100,000 phrases takes about an hour here; its first build is that
  benchmark's estimate). Without the sentence model the suggest rows measure suggestions on words alone.
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

from benchmarks.common import ROOT, percentiles, table

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
VECTOR_SAMPLE = 2_000     # phrases encoded for the vector store (100 with --quick)
PG_BENCH_NAME = "qp_bench"


def psycopg_error():
    try:
        import psycopg

        return psycopg.Error
    except ImportError:
        return OSError


def _postgres_available():
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://"), connect_timeout=3,
                             autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_NAME} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {PG_BENCH_NAME}")
        return True
    except (ImportError, OSError, psycopg_error()) as error:  # no server, no rights: fall back to SQLite
        print(f"PostgreSQL not available ({error.__class__.__name__}); using SQLite, no FTS comparison")
        return False


def _setup(size, use_postgres):
    if use_postgres:
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_NAME}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='qp-serve-')}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from benchmarks import synthetic
    from benchmarks.fts_app import FTS_INDEX_SQL
    from benchmarks.search import _load_database

    call_command("migrate", verbosity=0)
    documents = synthetic.library(size)
    started = time.perf_counter()
    _load_database(documents)
    if use_postgres:
        with connection.cursor() as cursor:
            cursor.execute(FTS_INDEX_SQL)
            cursor.execute("ANALYZE")
    print(f"Loaded {size:,} phrases in {time.perf_counter() - started:.0f} s")
    user = User.objects.create_user("bench-operator", password=None)
    user.groups.add(Group.objects.get(name="operators"))
    token = Token.objects.create(user=user).key
    connection.close()
    return documents, token


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with the project's config, on a free loopback port."""

    def __init__(self, snapshot_dir, workers=3):
        self.port = _free_port()
        env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{self.port}", "WEB_CONCURRENCY": str(workers),
               "QUICKPHRASES_SEARCH_SNAPSHOT_DIR": snapshot_dir, "ALLOWED_HOSTS": "127.0.0.1",
               "GUNICORN_MAX_REQUESTS": "0"}
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed in stop())
        self.started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py",
                                         "--log-level", "warning", "benchmarks.fts_app"],
                                        cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_pids(self):
        try:
            with open(f"/proc/{self.process.pid}/task/{self.process.pid}/children") as handle:
                return [int(pid) for pid in handle.read().split()]
        except OSError:
            return []

    def output(self):
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def close(self):
        self.log.close()


def _get(url, token, timeout=60):
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def _post(url, token, payload, timeout=60):
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST", headers={
        "Authorization": f"Token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def _suggest_payload(number, message):
    """A third of the requests leave the language out: the server detects it."""
    payload = {"message": message["message"], "limit": 3}
    if number % 3:
        payload["language"] = message["language"]
    return payload


def _write_vectors(snapshot_dir, sample_size):
    """The phrase vectors of the loaded library, in the snapshot folder the servers use: `sample_size` phrases
    encoded, their vectors repeated with a little noise for the rest. Returns a note, or None without the model."""
    os.environ["QUICKPHRASES_SEARCH_SNAPSHOT_DIR"] = snapshot_dir
    import numpy as np

    from phrases.models import LivePhrase
    from suggestions.engine.encoder import load_encoder
    from suggestions.engine.vectors import Generation, content_hash

    started = time.perf_counter()
    encoder = load_encoder()
    if encoder is None:
        return None
    rows = list(LivePhrase.objects.order_by("phrase_id").values_list("key", "title", "body", "keywords", "language"))
    sample = rows[:sample_size]
    encode_started = time.perf_counter()
    vectors = encoder.encode_phrases([(title, body, keywords or ()) for _k, title, body, keywords, _l in sample])
    per_phrase = (time.perf_counter() - encode_started) / max(len(sample), 1)
    matrix = np.tile(vectors, (-(-len(rows) // len(sample)), 1))[:len(rows)]
    matrix += np.random.default_rng(3).normal(0, 0.01, matrix.shape).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    hashes = np.fromiter((content_hash(k, t, b, kw) for k, t, b, kw, _l in rows), dtype=np.uint64, count=len(rows))
    Generation.write(hashes, matrix.astype(np.float32), np.array([row[4] for row in rows], dtype=object))
    from django.db import connections

    connections.close_all()
    return (f"phrase vectors: {len(sample):,} encoded ({per_phrase * 1000:.0f} ms a phrase), repeated for "
            f"{len(rows):,}, written in {time.perf_counter() - started:.0f} s before the servers started")


def _query_url(server, path, query):
    params = {"q": query.text, "limit": 10, **({"language": query.language} if query.language else {})}
    return server.url(path) + "?" + urllib.parse.urlencode(params)


def _first_answer(server, token, query, limit_s):
    """Seconds from starting the server to its first answered search (None if it never answered)."""
    deadline = time.perf_counter() + limit_s
    while time.perf_counter() < deadline:
        if server.process.poll() is not None:
            return None
        try:
            _get(_query_url(server, "/api/v1/search/", query), token, timeout=limit_s)
            return time.perf_counter() - server.started
        except (OSError, http.client.HTTPException, ValueError):  # not listening yet, or starting
            time.sleep(0.05)
    return None


def _memory(pid):
    """(RSS, PSS, private) MiB of one process, from /proc/<pid>/smaps_rollup."""
    values = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                name, _, rest = line.partition(":")
                if name in ("Rss", "Pss", "Private_Clean", "Private_Dirty"):
                    values[name] = int(rest.split()[0]) / 1024
    except OSError:
        return None
    return values.get("Rss", 0), values.get("Pss", 0), values.get("Private_Clean", 0) + values.get("Private_Dirty", 0)


def _load(server, token, path, queries, clients, max_requests, max_seconds, messages=None):
    """`clients` threads sending searches (or, with `messages`, suggestion requests) back to back; bounded in
    requests and time."""
    samples, errors = [], [0]
    lock = threading.Lock()
    counter = iter(range(max_requests))
    deadline = time.perf_counter() + max_seconds

    def client(offset):
        while time.perf_counter() < deadline:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            started = time.perf_counter()
            try:
                if messages:
                    _post(server.url(path), token, _suggest_payload(
                        number, messages[(number * 7 + offset) % len(messages)]), timeout=30)
                else:
                    _get(_query_url(server, path, queries[(number * 7 + offset) % len(queries)]), token, timeout=30)
            except (OSError, http.client.HTTPException, ValueError):
                with lock:
                    errors[0] += 1
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                samples.append(elapsed)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    stats = percentiles(samples) if samples else {"p50": 0, "p95": 0, "p99": 0}
    return {**stats, "rps": len(samples) / wall, "n": len(samples), "errors": errors[0]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 phrases, 1 and 5 clients, seconds")
    parser.add_argument("--size", type=int, help="phrases (default 100,000; 1,000 with --quick)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--seconds", type=float, help="per load level (default 15; 2 with --quick)")
    parser.add_argument("--sqlite", action="store_true", help="use SQLite even when PostgreSQL answers")
    args = parser.parse_args(argv)
    size = args.size or (1_000 if args.quick else 100_000)
    levels = [1, 5] if args.quick else [1, 20, 50]
    seconds = args.seconds or (2.0 if args.quick else 15.0)
    max_requests = 200 if args.quick else 5_000
    use_postgres = not args.sqlite and _postgres_available()
    documents, token = _setup(size, use_postgres)
    from benchmarks import synthetic

    queries = synthetic.queries(documents, count=400)
    from benchmarks import client_messages

    messages = client_messages.generate(400)
    engine = "PostgreSQL" if use_postgres else "SQLite"
    print(f"Serving benchmark: {size:,} phrases, {engine}, gunicorn {args.workers} workers (preload), "
          f"{os.cpu_count()} cores, clients on loopback")

    snapshot_dir = tempfile.mkdtemp(prefix="qp-snapshot-")
    notes = []
    try:
        vectors_note = _write_vectors(snapshot_dir, 100 if args.quick else VECTOR_SAMPLE)
        print(vectors_note or "The sentence model is unavailable: the suggest rows measure suggestions on words alone")
        first = Server(snapshot_dir, args.workers)
        try:
            cold_build = _first_answer(first, token, queries[0], limit_s=900)
        finally:
            first.stop()
            first_log = first.output()
            first.close()
        notes.append(("cold start, first start ever (builds the index, writes the snapshot)", cold_build))
        server = Server(snapshot_dir, args.workers)
        try:
            cold = _first_answer(server, token, queries[0], limit_s=300)
            notes.append(("cold start with the snapshot (every later start)", cold))
            if cold is None:
                print(server.output())
                raise SystemExit("the server never answered")
            # Every worker answers at once: a burst of as many requests as workers, timed.
            burst = _load(server, token, "/api/v1/search/", queries, args.workers, args.workers, 60)
            notes.append((f"slowest of the first {args.workers} concurrent searches after that", burst["p99"] / 1000))
            found, judged = {}, queries[:60] if args.quick else queries
            for label, path in [("ours", "/api/v1/search/")] + (
                    [("PostgreSQL FTS", "/api/v1/fts-search/")] if use_postgres else []):
                found[label] = sum(
                    any(hit["key"] == query.expect for hit in _get(_query_url(server, path, query), token)["results"][:5])
                    for query in judged)
            shown = sum(bool(_post(server.url("/api/v1/suggest/"), token, _suggest_payload(n, message))["results"])
                        for n, message in enumerate(messages[:30]))
            rows = []
            for clients in levels:
                for label, path, asked in [("ours", "/api/v1/search/", None)] + (
                        [("PostgreSQL FTS", "/api/v1/fts-search/", None)] if use_postgres else []) + [
                        ("suggest", "/api/v1/suggest/", messages)]:
                    _load(server, token, path, queries, min(clients, 4), 20, 10, asked)  # warm connections, caches
                    result = _load(server, token, path, queries, clients, max_requests, seconds, asked)
                    rows.append([clients, label, f"{result['p50']:.1f}", f"{result['p95']:.1f}",
                                 f"{result['p99']:.1f}", f"{result['rps']:.0f}", result["n"], result["errors"]])
            memory = [("master", server.process.pid)] + [("worker", pid) for pid in server.worker_pids()]
            memory_rows = []
            for role, pid in memory:
                measured = _memory(pid)
                if measured:
                    memory_rows.append([role, pid, f"{measured[0]:.0f}", f"{measured[1]:.0f}", f"{measured[2]:.0f}"])
            log = server.output()
        finally:
            server.stop()
            server.close()
    finally:
        shutil.rmtree(snapshot_dir, ignore_errors=True)

    print()
    table(["clients", "request", "p50 ms", "p95 ms", "p99 ms", "req/s", "requests", "errors"], rows)
    print()
    table(["process", "pid", "RSS MiB", "PSS MiB", "private MiB (not shared)"], memory_rows)
    print()
    for label, count in found.items():
        print(f"{label}: the intended phrase in the top 5 for {count} of {len(judged)} operator-style queries")
    print(f"suggest: suggestions shown for {shown} of 30 generated client messages (the synthetic library's "
          f"phrases are word salad: this says the path ran, not how good it is)")
    if vectors_note:
        print(vectors_note)
    for label, value in notes:
        print(f"{label}: " + (f"{value:.2f} s" if value is not None else "no answer"))
    for line in (first_log + log).splitlines():
        if line.startswith("Search index ready"):
            print(line)


if __name__ == "__main__":
    main()
