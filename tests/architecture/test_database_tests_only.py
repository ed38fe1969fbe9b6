"""`pytest --database-tests-only` (CI's run on PostgreSQL) keeps every test whose result can depend on the
database and leaves out only those that never reach it."""
import os
import subprocess
import sys

from django.conf import settings

FILES = [
    "tests/lint/test_registry.py",  # the lint's own: no database
    "tests/services/test_diffing.py",  # pure functions
    "tests/api/test_permissions.py",  # a django_db mark on the module
    "tests/review/test_queue.py",  # the database through fixtures (writer, make_phrase…)
    "tests/ops/test_two_servers.py",  # its own servers on PostgreSQL: @pytest.mark.database
    "tests/ops/test_serve.py",  # real processes on the suite's kind of database (the `deployment` fixture)
]


def _collected(*options):
    # On SQLite, as `make test` runs: the `deployment` fixture then has the "sqlite" kind only.
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{settings.BASE_DIR}/not-opened.sqlite3"}
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", *options, *FILES],
                            cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}


def test_only_the_tests_that_never_reach_the_database_are_left_out():
    assert _collected() == set(FILES)
    assert _collected("--database-tests-only") == {
        "tests/api/test_permissions.py", "tests/review/test_queue.py", "tests/ops/test_two_servers.py"}
