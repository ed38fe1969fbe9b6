"""Holding a phrase's row lock from a second connection, to replay races deterministically."""
import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from phrases.models import Phrase
from tests.api.conftest import api  # noqa: F401  (clients by role)

postgres_only = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="row-lock races need PostgreSQL (SQLite locks the whole database)")


def _someone_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0] > 0


class RowLockHolder(threading.Thread):
    """On its own connection: lock the phrase's row, wait until another connection is blocked on a
    lock, then run `change()` in the same transaction and commit."""

    def __init__(self, phrase_pk, change, timeout=15.0):
        super().__init__(daemon=True)
        self.phrase_pk, self.change, self.timeout = phrase_pk, change, timeout
        self.locked = threading.Event()
        self.someone_waited = False
        self.error = None

    def run(self):
        try:
            with transaction.atomic():
                Phrase.objects.select_for_update().get(pk=self.phrase_pk)
                self.locked.set()
                deadline = time.monotonic() + self.timeout
                while not self._waited() and time.monotonic() < deadline:
                    time.sleep(0.02)
                self.change()
        except BaseException as error:  # reported to the test thread
            self.error = error
        finally:
            self.locked.set()
            connection.close()

    def _waited(self):
        self.someone_waited = self.someone_waited or _someone_waits_for_a_lock()
        return self.someone_waited


@pytest.fixture
def hold_row_lock():
    """hold_row_lock(phrase, change, request): `request()` runs while another connection holds the
    phrase's row lock; that connection applies `change()` and commits once `request()` waits on
    it. Returns request()'s result."""
    def run(phrase, change, request):
        holder = RowLockHolder(phrase.pk, change)
        holder.start()
        assert holder.locked.wait(10)
        result = request()
        holder.join(30)
        assert holder.error is None, holder.error
        assert holder.someone_waited, "the request never waited on the row lock: the race was not replayed"
        return result

    return run
