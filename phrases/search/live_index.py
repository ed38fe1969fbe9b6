"""The process-wide index of the live library, kept fresh by a cheap revision check.

Every search first asks the database for the library revision (the latest LiveChange id) at most
every FRESHNESS seconds. When it moved, only the changed keys are re-read and re-indexed, so an
approval in one worker is searchable in every other within a second, without a rebuild.

Under gunicorn (config/gunicorn.conf.py) the index is ready before any worker accepts a request:
`preload()` runs in the master, loads the snapshot the last build wrote (or builds and writes one),
brings it up to date from the live-change log, and freezes it, so the forked workers share its memory
copy-on-write. runserver and the tests build lazily on the first search instead.
"""
import gc
import hashlib
import logging
import os
import pickle
import threading
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.db.models import Count
from django.utils import timezone

from phrases.models import LiveChange, LivePhrase, PhraseUse
from phrases.search.index import Document, PhraseIndex

FRESHNESS = 0.25          # seconds between revision checks
USAGE_REFRESH = 60.0      # seconds between usage-count refreshes
REBUILD_AFTER = 5000      # more changes than this (and than half the library) at once: rebuild instead of patching
RESNAPSHOT_AFTER = 1000   # a preload that had to apply more changes than this writes a fresh snapshot
USAGE_DAYS = 30
SNAPSHOT_VERSION = 2      # bump when PhraseIndex's attributes change

logger = logging.getLogger(__name__)


def _documents(queryset):
    rows = queryset.values_list("key", "title", "body", "topic__slug", "topic_id", "language", "shortcut",
                                "hotkey", "keywords", "topic__name")
    for key, title, body, topic, topic_id, language, shortcut, hotkey, keywords, topic_name in rows.iterator(
            chunk_size=2000):
        yield Document(key, title, body, topic, topic_id, language, shortcut, hotkey, tuple(keywords or ()),
                       topic_name)


def usage_counts(days=USAGE_DAYS) -> dict:
    """Uses per phrase key over the last `days` days."""
    since = timezone.now() - timedelta(days=days)
    rows = (PhraseUse.objects.filter(used_at__gte=since).values("phrase__key")
            .annotate(uses=Count("id")).values_list("phrase__key", "uses"))
    return dict(rows)


def snapshot_path() -> Path:
    """Where this database's index snapshot lives: QUICKPHRASES_SEARCH_SNAPSHOT_DIR, else .search-index/ in
    the project folder (git-ignored). One file per database, so a test or benchmark database never loads
    another's index. Only the server writes it: keep the folder private to the app's user."""
    directory = Path(os.environ.get("QUICKPHRASES_SEARCH_SNAPSHOT_DIR") or Path(settings.BASE_DIR) / ".search-index")
    db = connection.settings_dict
    identity = f"{db['ENGINE']}|{db['NAME']}|{db.get('HOST') or ''}|{db.get('PORT') or ''}"
    return directory / f"index-v{SNAPSHOT_VERSION}-{hashlib.sha256(identity.encode()).hexdigest()[:16]}.pickle"


class LiveIndex:
    def __init__(self):
        self._lock = threading.Lock()
        self.index: PhraseIndex | None = None
        self.revision = 0
        self.checked_at = 0.0
        self.usage_checked_at = 0.0

    def reset(self):
        with self._lock:
            self.index, self.revision, self.checked_at, self.usage_checked_at = None, 0, 0.0, 0.0

    def _revision(self) -> int:
        return LiveChange.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def _build(self):
        revision = self._revision()  # read first: anything approved meanwhile is applied next time
        index = PhraseIndex()
        for document in _documents(LivePhrase.objects.all()):
            index.add(document)
        self.index, self.revision = index, revision

    def _apply(self, revision):
        changes = list(LiveChange.objects.filter(id__gt=self.revision, id__lte=revision).values_list("key", flat=True))
        if len(changes) > max(REBUILD_AFTER, self.index.alive_count // 2):
            self._build()
            return len(changes)
        keys = set(changes)
        present = {d.key: d for d in _documents(LivePhrase.objects.filter(key__in=keys))}
        for key in keys:
            if key in present:
                self.index.add(present[key])
            else:
                self.index.remove(key)
        self.revision = revision
        if self.index.needs_compaction():
            self._build()
        return len(changes)

    def current(self) -> PhraseIndex:
        """The index, brought up to date with the database if the last check is old enough."""
        now = time.monotonic()
        with self._lock:
            if self.index is None:
                self._build()
                self.checked_at = now
            elif now - self.checked_at >= FRESHNESS:
                revision = self._revision()
                if revision < self.revision:
                    self._build()  # the library was reset underneath us (restored backup, tests)
                elif revision > self.revision:
                    self._apply(revision)
                self.checked_at = now
            if now - self.usage_checked_at >= USAGE_REFRESH or not self.usage_checked_at:
                self.index.usage = usage_counts()
                self.usage_checked_at = now
            return self.index

    def refresh_now(self):
        """Skip the freshness delay on the next search (after a change in this process)."""
        self.checked_at = 0.0

    # -- serving: build once, before the workers start ------------------------------------------

    def preload(self, *, use_snapshot=True, for_fork=True) -> str:
        """Make the index ready in this process (the gunicorn master, before it forks its workers).

        Loads the snapshot if there is one for this database and it is consistent with it, applies the
        live changes since, else builds from the database; writes a fresh snapshot when it built or had
        many changes to apply. Then (`for_fork`) closes the database connections (a forked worker must open
        its own) and freezes the heap so the workers' garbage collector leaves the shared pages alone.
        Returns how it got the index, for the log."""
        started = time.monotonic()
        with self._lock:
            loaded = self._load_snapshot() if use_snapshot else None
            how, write = "built", use_snapshot
            if loaded is not None:
                self.index, self.revision = loaded
                revision = self._revision()
                how, write = "loaded from the snapshot", False
                if revision < self.revision:
                    self._build()
                    how, write = "built (the database is older than the snapshot)", True
                elif revision > self.revision:
                    applied = self._apply(revision)
                    how, write = f"loaded from the snapshot, {applied} changes applied", applied > RESNAPSHOT_AFTER
                if self.index.alive_count != LivePhrase.objects.count():
                    self._build()  # the snapshot belongs to another library under the same name
                    how, write = "built (the snapshot did not match the database)", True
            else:
                self._build()
            self.index.prepare()
            if write:
                self._write_snapshot()
            self.index.usage = usage_counts()
            self.checked_at = self.usage_checked_at = time.monotonic()
        if for_fork:
            connections.close_all()
            gc.collect()
            gc.freeze()
        message = (f"Search index ready: {self.index.alive_count} phrases, {how}, "
                   f"in {time.monotonic() - started:.1f} s")
        logger.info(message)
        return message

    def _load_snapshot(self):
        path = snapshot_path()
        if not path.exists():
            return None
        try:
            gc.disable()  # millions of small objects: the collector would run hundreds of times while loading
            try:
                with path.open("rb") as handle:
                    saved = pickle.load(handle)
            finally:
                gc.enable()
            if saved.get("version") != SNAPSHOT_VERSION or not isinstance(saved.get("index"), PhraseIndex):
                return None
            return saved["index"], int(saved["revision"])
        except Exception:  # a torn or foreign file: rebuild rather than fail to start
            logger.warning("Search index snapshot %s is unreadable; rebuilding", path, exc_info=True)
            return None

    def _write_snapshot(self):
        """Write the snapshot atomically (a temporary file renamed over the old one)."""
        path = snapshot_path()
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            with self.index.lock, temporary.open("wb") as handle:
                pickle.dump({"version": SNAPSHOT_VERSION, "revision": self.revision, "index": self.index}, handle,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            logger.warning("Could not write the search index snapshot %s", path, exc_info=True)

    def write_snapshot(self) -> Path:
        """Build the index from the database now and write its snapshot (the `search_index` command)."""
        with self._lock:
            self._build()
            self.index.prepare()
            self._write_snapshot()
        return snapshot_path()


live_index = LiveIndex()
