"""The process-wide index of the live library, kept fresh by a cheap revision check.

Every search first asks the database for the library revision (the latest LiveChange id) at most
every FRESHNESS seconds. When it moved, only the changed keys are re-read and re-indexed, so an
approval in one worker is searchable in every other within a second, without a rebuild.

Under gunicorn (config/gunicorn.conf.py) the index is ready before any worker accepts a request:
`preload()` runs in the master, maps the newest snapshot into memory (or builds the index and writes
one), brings it up to date from the live-change log, and freezes the heap, so the forked workers share
it. A snapshot is a folder of numpy arrays (the bulk of the index, memory-mapped read-only: one copy in
the page cache for every worker, whatever they do) and the pickled vocabulary (small). When many phrases
have changed since the snapshot, one process writes a fresh one in a background thread and every
process adopts it at its next revision check; `manage.py search_index` does the same on demand.
runserver and the tests build lazily on the first search instead, and never write snapshots.
"""
import fcntl
import gc
import hashlib
import json
import logging
import os
import shutil
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
SNAPSHOT_VERSION = 4      # bump when the snapshot's arrays or the vocabulary's attributes change
KEEP_GENERATIONS = 2      # snapshots kept on disk (the current one and the one before)

logger = logging.getLogger(__name__)


def _documents(queryset):
    rows = queryset.values_list("key", "title", "body", "topic__slug", "topic_id", "language", "shortcut",
                                "hotkey", "keywords", "topic__name", "family")
    for key, title, body, topic, topic_id, language, shortcut, hotkey, keywords, topic_name, family in rows.iterator(
            chunk_size=2000):
        yield Document(key, title, body, topic, topic_id, language, shortcut, hotkey, tuple(keywords or ()),
                       topic_name, family or "")


def usage_counts(days=USAGE_DAYS) -> dict:
    """Uses per phrase key over the last `days` days."""
    since = timezone.now() - timedelta(days=days)
    rows = (PhraseUse.objects.filter(used_at__gte=since).values("phrase__key")
            .annotate(uses=Count("id")).values_list("phrase__key", "uses"))
    return dict(rows)


def snapshot_path() -> Path:
    """This database's snapshot folder: QUICKPHRASES_SEARCH_SNAPSHOT_DIR, else .search-index/ in the project
    folder (git-ignored), then one folder per database, so a test or benchmark database never loads
    another's index. It holds CURRENT (the name of the newest generation) and the generations themselves.
    Only the server and `search_index` write it: keep it private to the app's user."""
    directory = Path(os.environ.get("QUICKPHRASES_SEARCH_SNAPSHOT_DIR") or Path(settings.BASE_DIR) / ".search-index")
    db = connection.settings_dict
    identity = f"{db['ENGINE']}|{db['NAME']}|{db.get('HOST') or ''}|{db.get('PORT') or ''}"
    return directory / f"index-v{SNAPSHOT_VERSION}-{hashlib.sha256(identity.encode()).hexdigest()[:16]}"


def _current_generation(folder: Path) -> str | None:
    try:
        return (folder / "CURRENT").read_text().strip() or None
    except OSError:
        return None


def _save_generation(index: PhraseIndex, revision: int) -> str | None:
    """Write a freshly built index as a new generation of this database's snapshot, point CURRENT at it (an
    atomic rename) and remove all but the newest generations. Returns its name, or None (logged) when the
    folder cannot be written."""
    folder = snapshot_path()
    name = f"g{revision:012d}-{time.time_ns()}-{os.getpid()}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary = folder / f".{name}.tmp"
        temporary.mkdir(mode=0o700)
        with index.lock:
            index.save(temporary)
        (temporary / "meta.json").write_text(json.dumps({
            "version": SNAPSHOT_VERSION, "revision": revision, "phrases": index.alive_count}))
        os.rename(temporary, folder / name)
        pointer = folder / f".CURRENT.{os.getpid()}.tmp"
        pointer.write_text(name)
        os.replace(pointer, folder / "CURRENT")
    except OSError:
        logger.warning("Could not write the search index snapshot in %s", folder, exc_info=True)
        return None
    generations = sorted(p for p in folder.iterdir() if p.is_dir() and p.name.startswith("g"))
    for old in generations[:-KEEP_GENERATIONS]:  # a process still mapping one keeps its files until it exits
        if old.name != name:
            shutil.rmtree(old, ignore_errors=True)
    return name


class LiveIndex:
    def __init__(self):
        self._lock = threading.Lock()
        self.index: PhraseIndex | None = None
        self.revision = 0
        self.checked_at = 0.0
        self.usage_checked_at = 0.0
        self.snapshots = False         # this process serves from snapshots (set by preload)
        self.generation = None         # the snapshot generation the index was loaded from
        self._background = None        # a thread writing or adopting a snapshot
        self._unusable = set()         # generations that failed to load

    def reset(self):
        with self._lock:
            self.index, self.revision, self.checked_at, self.usage_checked_at = None, 0, 0.0, 0.0
            self.snapshots, self.generation = False, None

    def _revision(self) -> int:
        return LiveChange.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def _build(self):
        revision = self._revision()  # read first: anything approved meanwhile is applied next time
        self.index, self.revision, self.generation = PhraseIndex.build(_documents(LivePhrase.objects.all())), revision, None

    def _apply(self, revision, compact=True):
        changes = list(LiveChange.objects.filter(id__gt=self.revision, id__lte=revision).values_list("key", flat=True))
        if len(changes) > max(REBUILD_AFTER, self.index.alive_count // 2) and not self.snapshots:
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
        if compact and self.index.needs_compaction():
            if self.snapshots:
                self._start_background(self._compact)
            else:
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
                if self.snapshots:
                    newer = _current_generation(snapshot_path())
                    if newer and newer != self.generation and newer not in self._unusable:
                        self._start_background(self._adopt, newer)
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

        Maps the newest snapshot for this database if there is one and it is consistent with it, applies
        the live changes since, else builds from the database; writes a fresh snapshot when it built or had
        many changes to apply. Then (`for_fork`) closes the database connections (a forked worker must open
        its own) and freezes the heap so the workers' garbage collector leaves the shared pages alone.
        Returns how it got the index, for the log."""
        started = time.monotonic()
        with self._lock:
            self.snapshots = use_snapshot
            loaded = self._load_snapshot() if use_snapshot else None
            how, write = "built", use_snapshot
            if loaded is not None:
                self.index, self.revision, self.generation = loaded
                revision = self._revision()
                how, write = "loaded from the snapshot", False
                if revision < self.revision:
                    self._build()
                    how, write = "built (the database is older than the snapshot)", True
                elif revision > self.revision:
                    applied = self._apply(revision, compact=False)  # no thread before the fork: written below
                    how = f"loaded from the snapshot, {applied} changes applied"
                    write = applied > RESNAPSHOT_AFTER or self.index.needs_compaction()
                if self.index.alive_count != LivePhrase.objects.count():
                    self._build()  # the snapshot belongs to another library under the same name
                    how, write = "built (the snapshot did not match the database)", True
            else:
                self._build()
            self.index.prepare()
            if write:
                if self.index.added or self.index.dead_count:
                    self._build()
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

    def _load_generation(self, folder: Path, name: str):
        """(index, revision, name) of a snapshot generation, memory-mapped; raises if it is unusable."""
        meta = json.loads((folder / name / "meta.json").read_text())
        if meta.get("version") != SNAPSHOT_VERSION:
            raise ValueError(f"snapshot version {meta.get('version')}, expected {SNAPSHOT_VERSION}")
        return PhraseIndex.load(folder / name), int(meta["revision"]), name

    def _load_snapshot(self):
        folder = snapshot_path()
        name = _current_generation(folder)
        if name is None:
            return None
        try:
            return self._load_generation(folder, name)
        except Exception:  # a torn or foreign snapshot: rebuild rather than fail to start
            logger.warning("Search index snapshot %s is unreadable; rebuilding", folder / name, exc_info=True)
            return None

    def _write_snapshot(self):
        """Write the freshly built index as a new generation and map it back in place of the built arrays. A
        folder that cannot be written is logged, not fatal: the server then runs on the built index."""
        name = _save_generation(self.index, self.revision)
        if name is None:
            return None
        usage = self.index.usage
        self.index, _, self.generation = self._load_generation(snapshot_path(), name)
        self.index.usage = usage
        return snapshot_path() / name

    def write_snapshot(self) -> Path:
        """Build the index from the database now and write its snapshot (the `search_index` command); running
        servers adopt it at their next revision check."""
        with self._lock:
            self._build()
            return self._write_snapshot() or snapshot_path()

    # -- in the background: compaction and adopting another process's snapshot -------------------

    def _start_background(self, target, *args):
        if self._background is not None and self._background.is_alive():
            return
        self._background = threading.Thread(target=self._run_background, args=(target, *args), daemon=True,
                                            name="search-index")
        self._background.start()

    def _run_background(self, target, *args):
        try:
            target(*args)
        except Exception:
            logger.exception("Search index background work failed")
        finally:
            connections.close_all()  # this thread's own connection

    def _compact(self):
        """Many changes since the snapshot: write a fresh one (one process at a time, under a file lock), then
        adopt it. A process that finds the lock taken waits for the other's snapshot instead."""
        folder = snapshot_path()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with (folder / "build.lock").open("w") as lock_file:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
            revision = self._revision()
            written = _save_generation(PhraseIndex.build(_documents(LivePhrase.objects.all())), revision)
        if written is not None:
            self._adopt(written)

    def adopt_newest_snapshot(self) -> bool:
        """In the gunicorn master, before it forks a worker: switch to the newest snapshot generation if another
        process wrote one since (after a large import), so a recycled worker starts from it instead of applying
        every change since the master's start inside its first request. Returns whether it switched."""
        if not self.snapshots or self.index is None:
            return False
        newer = _current_generation(snapshot_path())
        if not newer or newer == self.generation or newer in self._unusable:
            return False
        try:
            self._adopt(newer)
        finally:
            connections.close_all()  # the forked worker opens its own
        return self.generation == newer

    def _adopt(self, name):
        """Switch to snapshot generation `name` (written by this or another process), then catch up."""
        try:
            index, revision, name = self._load_generation(snapshot_path(), name)
        except Exception:
            self._unusable.add(name)  # not retried on every revision check
            raise
        index.usage = usage_counts()
        with self._lock:
            if self.index is None:
                return
            latest = self._revision()
            if latest < revision:  # the database went back (a restored backup): the snapshot is foreign now
                self._unusable.add(name)
                return
            previous = self.index, self.revision, self.generation
            self.index, self.revision, self.generation = index, revision, name
            if latest > revision:
                self._apply(latest, compact=False)
            if self.index.alive_count != LivePhrase.objects.count():  # another library under the same name
                self.index, self.revision, self.generation = previous
                self._unusable.add(name)
                return
            self.checked_at = time.monotonic()


live_index = LiveIndex()
