"""API speed: an unchanged sync (304), a full sync, and a page of 100 phrases.

    python -m benchmarks.api           # 10k phrases
    python -m benchmarks.api --quick   # 1k phrases
"""
import argparse
import time

from benchmarks.common import percentiles, setup_django, table


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    setup_django()
    from django.contrib.auth.models import User
    from rest_framework.test import APIClient

    from api.models import ChatToolToken
    from benchmarks import synthetic
    from benchmarks.search import _load_database

    size = 1_000 if args.quick else 10_000
    _load_database(synthetic.library(size))
    from phrases.models import LiveChange, LivePhrase

    # One change per phrase, as a library built by approvals has.
    LiveChange.objects.bulk_create([LiveChange(key=key, action="upsert")
                                    for key in LivePhrase.objects.values_list("key", flat=True)], batch_size=5000)
    token, key = ChatToolToken.issue(name="bench")
    tool = APIClient(HTTP_HOST="127.0.0.1")
    tool.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    operator = User.objects.create_user("bench-operator", password="x")
    operator.groups.add(*__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(name="operators"))
    people = APIClient(HTTP_HOST="127.0.0.1")
    people.force_authenticate(operator)

    started = time.perf_counter()
    cursor, pages, received = None, 0, 0
    while True:
        page = tool.get("/api/v1/sync/", {"since": cursor, "limit": 2000} if cursor else {"limit": 2000}).json()
        pages += 1
        received += len(page["upserts"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    full_sync = time.perf_counter() - started

    first = tool.get("/api/v1/sync/", {"since": cursor})
    etag = first["ETag"]
    not_modified = []
    for _ in range(300):
        started = time.perf_counter()
        response = tool.get("/api/v1/sync/", {"since": cursor}, HTTP_IF_NONE_MATCH=etag)
        not_modified.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 304
    listing, page_count = [], size // 100
    for number in range(100):
        started = time.perf_counter()
        response = people.get("/api/v1/phrases/", {"page": number % page_count + 1, "page_size": 100})
        listing.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:200]
    nm, ls = percentiles(not_modified), percentiles(listing)
    print(f"API benchmark, {size:,} live phrases (Django test client, SQLite; server-side time)")
    table(["measure", "p50", "p95", "target"], [
        ["sync 304 (unchanged)", f"{nm['p50']:.2f} ms", f"{nm['p95']:.2f} ms", "p95 ≤ 5 ms"],
        [f"full sync ({received:,} phrases, {pages} pages)", f"{full_sync:.2f} s", "", "≤ 1.5 s at 10k"],
        ["list page of 100", f"{ls['p50']:.1f} ms", f"{ls['p95']:.1f} ms", "p95 ≤ 30 ms"],
    ])


if __name__ == "__main__":
    main()
