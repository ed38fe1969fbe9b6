"""Two app servers (separate gunicorns, separate snapshot folders, as on two hosts) and two workers on one
PostgreSQL and one Redis: an approval on either is found by a search on the other within a second, their sync
cursors agree, and the login throttle counts failures made on both."""
import socket

import pytest

from benchmarks import freshness
from benchmarks.deployment import Deployment, drop_template, migrated_template, on_postgres

REDIS = ("127.0.0.1", 6379)


def _redis_answers() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.mark.database  # its servers share a PostgreSQL database of their own
@pytest.mark.skipif(not on_postgres(), reason="several app servers share one database: needs PostgreSQL "
                                               "(run the suite with DATABASE_URL=postgres://…)")
def test_two_servers_see_each_others_approvals_within_a_second(tmp_path):
    if not _redis_answers():
        pytest.skip(f"no Redis at {REDIS[0]}:{REDIS[1]} for the shared login-throttle cache")
    template = migrated_template(tmp_path, "postgres")
    deployment = Deployment(tmp_path, "postgres", template, THROTTLE_CACHE_URL=f"redis://{REDIS[0]}:{REDIS[1]}/14")
    try:
        figures = freshness.run(deployment, approvals=6, throttle_limit=4)
    finally:
        deployment.close()
        drop_template("postgres", template)
    assert figures["missed"] == []
    assert max(figures["seconds"]) < 1.0, figures["seconds"]
    assert figures["cursors"][0] == figures["cursors"][1]
    assert figures["throttle"] == [400, 400, 400, 400, 429, 429]
