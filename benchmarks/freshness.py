"""Two app servers and two workers on one PostgreSQL and one Redis, as on separate hosts: how soon an
approval on one server is found by a search on the other, whether their sync cursors agree, and whether
the login throttle counts failures across both.

    python -m benchmarks.freshness                       # 40 approvals, alternating servers
    python -m benchmarks.freshness --quick               # 6 approvals
    QP_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres python -m benchmarks.freshness

Each server is gunicorn (config/gunicorn.conf.py) with its own search snapshot folder; the figures are from
the approval's response to the first search response that contains the phrase (polled every 10 ms).
"""
import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks.common import ROOT, percentiles, table

SETUP = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
from phrases import services
from phrases.models import Topic
def person(name, group):
    user = User.objects.create_user(name, f"{{name}}@example.com", "right-password-" + name)
    user.groups.add(Group.objects.get(name=group))
    return user
reviewer, writer = person("rita", "reviewers"), person("wade", "writers")
operator = person({operator!r}, "operators")
topic = Topic.objects.create(slug="delivery", name="Delivery")
for i, word in enumerate({words!r}):
    phrase = services.phrase_create(actor=writer, key=f"fresh-{{i}}", title=f"Parcel {{word}}", topic=topic,
                                    language="en", body=f"Your parcel {{word}} is on its way to you.")
    services.phrase_submit(phrase=phrase, actor=writer)
print(Token.objects.create(user=reviewer).key, Token.objects.create(user=operator).key)
"""


def probe_words(count: int) -> list[str]:
    """Made-up words, one per phrase, that no other phrase contains."""
    words = []
    for number in range(count):
        letters = ""
        for _ in range(3):
            number, digit = divmod(number, 26)
            letters += chr(ord("a") + digit)
        words.append(f"quokzel{letters}")
    return words


def run(deployment, *, approvals: int, throttle_limit: int = 4) -> dict:
    """The scenario on a migrated deployment (benchmarks.deployment.Deployment on PostgreSQL)."""
    words = probe_words(approvals)
    # A new name each run: the throttle's counts live in the shared cache beyond the run.
    username = f"otto-{uuid.uuid4().hex[:8]}"
    reviewer, operator = deployment.shell(SETUP.format(words=words, operator=username)).strip().splitlines()[-1].split()
    limits = {"LOGIN_FAILURES_PER_ACCOUNT": f"{throttle_limit}/15m", "LOGIN_FAILURES_PER_ADDRESS": "1000/15m"}
    servers = [deployment.start_server("a", **limits), deployment.start_server("b", **limits)]
    deployment.start_worker()
    deployment.start_worker()

    seconds, missed = [], []
    for number, word in enumerate(words):
        approving, searching = servers[number % 2], servers[1 - number % 2]
        status, answer = approving.request("POST", f"/api/v1/phrases/fresh-{number}/approve/", token=reviewer,
                                           data={"acknowledge_warnings": True})
        assert status == 200, (status, answer)
        approved = time.perf_counter()
        while True:
            status, found = searching.request("GET", f"/api/v1/search/?q={word}&language=en", token=operator)
            if status == 200 and any(hit["key"] == f"fresh-{number}" for hit in found["results"]):
                seconds.append(time.perf_counter() - approved)
                break
            if time.perf_counter() - approved > 10:
                missed.append(f"fresh-{number}")
                break
            time.sleep(0.01)

    cursors = [server.request("GET", "/api/v1/sync/", token=operator)[1]["cursor"] for server in servers]
    statuses = []
    for attempt in range(throttle_limit + 2):
        statuses.append(servers[attempt % 2].request("POST", "/api/v1/auth/token/",
                                                     data={"username": username, "password": f"wrong-{attempt}"})[0])
    return {"seconds": seconds, "missed": missed, "cursors": cursors, "throttle": statuses}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--approvals", type=int)
    args = parser.parse_args(argv)
    os.environ["DATABASE_URL"] = os.environ.get("QP_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from benchmarks.deployment import Deployment, drop_template, migrated_template

    folder = Path(tempfile.mkdtemp(prefix="qp-freshness-"))
    template = migrated_template(folder, "postgres")
    deployment = Deployment(folder, "postgres", template,
                            THROTTLE_CACHE_URL=os.environ.get("QP_BENCH_REDIS", "redis://127.0.0.1:6379/14"))
    try:
        figures = run(deployment, approvals=args.approvals or (6 if args.quick else 40))
    finally:
        deployment.close()
        drop_template("postgres", template)
    ms = percentiles([s * 1000 for s in figures["seconds"]])
    print("Freshness across two app servers (gunicorn, one worker each, own snapshot folders) and two queue "
          "workers on one PostgreSQL and one Redis: approval on one server -> found by search on the other")
    table(["approvals", "found", "p50", "p95", "max", "missed (>10 s)"],
          [[len(figures["seconds"]) + len(figures["missed"]), len(figures["seconds"]), f"{ms['p50']:.0f} ms",
            f"{ms['p95']:.0f} ms", f"{max(figures['seconds']) * 1000:.0f} ms", len(figures["missed"])]])
    print(f"sync cursors: {figures['cursors'][0]} and {figures['cursors'][1]} "
          f"({'agree' if len(set(figures['cursors'])) == 1 else 'DIFFER'})")
    print(f"failed logins alternating between the servers: {figures['throttle']}")


if __name__ == "__main__":
    main()
