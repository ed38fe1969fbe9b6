"""The process-wide index of the live library, kept fresh by a cheap revision check.

Every search first asks the database for the library revision (the latest LiveChange id) at most
every FRESHNESS seconds. When it moved, only the changed keys are re-read and re-indexed, so an
approval in one worker is searchable in every other within a second, without a rebuild.
"""
import threading
import time
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from phrases.models import LiveChange, LivePhrase, PhraseUse
from phrases.search.index import Document, PhraseIndex

FRESHNESS = 0.25          # seconds between revision checks
USAGE_REFRESH = 60.0      # seconds between usage-count refreshes
REBUILD_AFTER = 5000      # more changes than this at once: rebuild instead of patching
USAGE_DAYS = 30


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
        if len(changes) > REBUILD_AFTER:
            self._build()
            return
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


live_index = LiveIndex()
