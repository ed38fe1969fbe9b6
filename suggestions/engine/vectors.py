"""Phrase vectors: one per live phrase version, computed once and shared by every worker.

Vectors are content-addressed: a phrase's row is found by a 64-bit hash of its key and text, so a version
is encoded once, whatever process or database meets it first. The store on disk sits beside the search
snapshot (QUICKPHRASES_SEARCH_SNAPSHOT_DIR, else .search-index/) as generations of two .npy files, the
hashes (sorted) and the float32 vectors, memory-mapped read-only: the page cache holds one copy for every
worker, like the search index's arrays. A process keeps privately only which row is which live phrase (a
few bytes a phrase) and the vectors of the versions approved since the generation it maps.

The live side follows the library like the search index (phrases/search/live_index.py): at most every
FRESHNESS seconds it reads the library revision and re-reads only the changed keys, so an approval is
suggestible within a second. The first build of a big library is a job on the task queue (suggestions/tasks.py,
run by `manage.py run_worker`), never work of a web worker: suggestions work on words alone until the new
generation is written, and searches never wait for it.
"""
import fcntl
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connections

from suggestions.engine.encoder import DIMENSIONS, MODEL_NAME, load_encoder

logger = logging.getLogger(__name__)

FRESHNESS = 0.25
SYNC_BUILD_LIMIT = 500       # libraries with more phrases to encode than this are built on the task queue
BATCH = 256                  # phrases encoded per model call during a build
EXTRA_LIMIT = 20000          # versions kept in private memory before a new generation is written
KEEP_GENERATIONS = 2


def content_hash(key: str, title: str, body: str, keywords) -> int:
    data = "\x00".join((key, title, body, "\x1f".join(keywords or ()))).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def store_path() -> Path:
    directory = Path(os.environ.get("QUICKPHRASES_SEARCH_SNAPSHOT_DIR") or Path(settings.BASE_DIR) / ".search-index")
    return directory / f"vectors-{MODEL_NAME}"


COARSE_DIMENSIONS = 128      # the first pass of a query reads vectors projected on this many principal axes
COARSE_MIN_ROWS = 4000       # language blocks smaller than this are read whole, exactly
COARSE_KEEP = 400            # rows the first pass keeps for the exact second pass
BASIS_SAMPLE = 20000         # rows the principal axes are computed from
WARM_UP_MESSAGES = {"ru": "здравствуйте, где мой заказ? курьер не приехал",
                    "en": "hello, where is my order? the courier did not come",
                    "pl": "dzień dobry, gdzie jest moje zamówienie? kurier nie przyjechał"}


class Generation:
    """The mapped store: the vectors grouped by language (one contiguous block of rows per language, sorted by
    hash within it), their hashes, and, for big libraries, the vectors projected on their first
    COARSE_DIMENSIONS principal axes (a query's first pass reads those: a quarter of the bytes)."""

    def __init__(self, hashes: np.ndarray, vectors: np.ndarray, name: str | None = None, blocks=None,
                 coarse: np.ndarray | None = None, basis: np.ndarray | None = None):
        self.hashes, self.vectors, self.name = hashes, vectors, name
        self.blocks = blocks if blocks is not None else {"": (0, len(hashes))}   # language -> (start, end)
        self.coarse, self.basis = coarse, basis

    @classmethod
    def empty(cls):
        return cls(np.zeros(0, np.uint64), np.zeros((0, DIMENSIONS), np.float32), blocks={})

    def rows_of(self, hashes: np.ndarray, languages=None) -> np.ndarray:
        """The row of each hash (looked up in its language's block, and in a block of unknown language),
        -1 where the store has none."""
        found = np.full(len(hashes), -1, dtype=np.int64)
        languages = np.asarray(languages if languages is not None else [""] * len(hashes), dtype=object)
        for language, (start, end) in self.blocks.items():
            if end <= start:
                continue
            wanted = np.flatnonzero((languages == language) if language else (found < 0))
            if not len(wanted):
                continue
            block = self.hashes[start:end]
            positions = np.minimum(np.searchsorted(block, hashes[wanted]), len(block) - 1)
            hit = block[positions] == hashes[wanted]
            found[wanted[hit]] = start + positions[hit]
        return found

    def languages(self) -> np.ndarray:
        names = np.full(len(self.hashes), "", dtype=object)
        for language, (start, end) in self.blocks.items():
            names[start:end] = language
        return names

    @classmethod
    def load_current(cls):
        folder = store_path()
        try:
            name = (folder / "CURRENT").read_text().strip()
            hashes = np.load(folder / name / "hashes.npy", mmap_mode="r", allow_pickle=False)
            vectors = np.load(folder / name / "vectors.npy", mmap_mode="r", allow_pickle=False)
            blocks_file = folder / name / "blocks.json"
            blocks = ({key: tuple(value) for key, value in json.loads(blocks_file.read_text()).items()}
                      if blocks_file.exists() else None)
            coarse = basis = None
            if (folder / name / "coarse.npy").exists():
                coarse = np.load(folder / name / "coarse.npy", mmap_mode="r", allow_pickle=False)
                basis = np.load(folder / name / "basis.npy", allow_pickle=False)
        except (OSError, ValueError):
            return None
        if vectors.shape != (len(hashes), DIMENSIONS):
            return None
        if coarse is not None and (coarse.shape != (len(hashes), COARSE_DIMENSIONS)
                                   or basis.shape != (DIMENSIONS, COARSE_DIMENSIONS)):
            coarse = basis = None
        return cls(hashes, vectors, name, blocks, coarse, basis)

    @staticmethod
    def write(hashes: np.ndarray, vectors: np.ndarray, languages=None) -> str | None:
        """A new generation from (hashes, vectors, languages) in any order; returns its name or None (logged)."""
        folder = store_path()
        languages = np.asarray(languages if languages is not None else [""] * len(hashes), dtype=object)
        order = np.lexsort((hashes, languages.astype(str)))
        hashes, vectors, languages = hashes[order], vectors[order], languages[order]
        keep = np.ones(len(hashes), dtype=bool)
        keep[1:] = (hashes[1:] != hashes[:-1]) | (languages[1:] != languages[:-1])
        hashes, vectors, languages = hashes[keep], np.asarray(vectors[keep], dtype=np.float32), languages[keep]
        blocks = {}
        for language in dict.fromkeys(languages.tolist()):
            rows = np.flatnonzero(languages == language)
            blocks[language] = (int(rows[0]), int(rows[-1]) + 1)
        name = f"g{time.time_ns()}-{os.getpid()}"
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            temporary = folder / f".{name}.tmp"
            temporary.mkdir(mode=0o700)
            _save(temporary / "hashes.npy", np.ascontiguousarray(hashes))
            _save(temporary / "vectors.npy", np.ascontiguousarray(vectors))
            (temporary / "blocks.json").write_text(json.dumps(blocks))
            if max((end - start for start, end in blocks.values()), default=0) >= COARSE_MIN_ROWS:
                basis = principal_axes(vectors)
                _save(temporary / "basis.npy", basis)
                _save(temporary / "coarse.npy", np.ascontiguousarray(vectors @ basis, dtype=np.float32))
            os.rename(temporary, folder / name)
            pointer = folder / f".CURRENT.{os.getpid()}.tmp"
            pointer.write_text(name)
            os.replace(pointer, folder / "CURRENT")
        except OSError:
            logger.warning("Could not write phrase vectors in %s", folder, exc_info=True)
            return None
        generations = sorted(p for p in folder.iterdir() if p.is_dir() and p.name.startswith("g"))
        for old in generations[:-KEEP_GENERATIONS]:
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)
        return name


def _save(path: Path, array: np.ndarray) -> None:
    """Write an .npy file and flush it to disk before the generation is renamed into place: a crash never
    leaves a CURRENT pointing at half-written vectors, and the workers map clean page-cache pages (shared,
    reclaimable), not dirty ones waiting for write-back."""
    with path.open("wb") as handle:
        np.save(handle, array, allow_pickle=False)
        handle.flush()
        os.fsync(handle.fileno())


def principal_axes(vectors: np.ndarray) -> np.ndarray:
    """The COARSE_DIMENSIONS directions (DIMENSIONS x COARSE_DIMENSIONS, orthonormal) that keep most of the
    vectors' dot products, from the singular vectors of a sample (uncentred: dot products are what we keep)."""
    step = max(1, len(vectors) // BASIS_SAMPLE)
    sample = np.asarray(vectors[::step], dtype=np.float64)
    _u, _s, vt = np.linalg.svd(sample, full_matrices=False)
    return np.ascontiguousarray(vt[:COARSE_DIMENSIONS].T, dtype=np.float32)


class VectorSnapshot:
    """What a query reads: the live phrases' vectors (mapped rows plus private extras) by slot."""

    def __init__(self, generation, keys, languages, rows, extra_vectors, extra_slots):
        self.generation = generation
        self.keys = keys                                # slot -> key
        self.slot_of = {key: slot for slot, key in enumerate(keys)}
        self.languages = languages                      # slot -> language (str array)
        self.rows = rows                                # slot -> generation row, -1 for extras
        mapped = rows >= 0
        self._mapped_slots = np.flatnonzero(mapped)
        self._mapped_rows = rows[mapped]
        self._extra_vectors = extra_vectors
        self._extra_slots = extra_slots
        self._whole = len(self._mapped_rows) == len(generation.hashes) and np.array_equal(
            self._mapped_rows, np.arange(len(self._mapped_rows)))

    def __len__(self):
        return len(self.keys)

    def language_mask(self, language: str | None) -> np.ndarray | None:
        if not language:
            return None
        masks = self.__dict__.setdefault("_masks", {})
        if language not in masks:
            masks[language] = self.languages == language
        return masks[language]

    def similarities(self, query: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
        """Cosine-like similarity of `query` to every slot (-inf where `allowed` is False)."""
        scores = np.full(len(self.keys), -np.inf, dtype=np.float32)
        if len(self._mapped_rows):
            vectors = self.generation.vectors
            if self._whole:
                scores[self._mapped_slots] = vectors @ query
            else:
                scores[self._mapped_slots] = (vectors @ query)[self._mapped_rows]
        if len(self._extra_slots):
            scores[self._extra_slots] = self._extra_vectors @ query
        if allowed is not None:
            scores[~allowed] = -np.inf
        return scores

    def _row_slots(self) -> np.ndarray:
        """generation row -> live slot (-1 for versions no longer live); a few bytes a row, kept privately."""
        if "_row_slot" not in self.__dict__:
            row_slot = np.full(len(self.generation.hashes), -1, dtype=np.int32)
            row_slot[self._mapped_rows] = self._mapped_slots
            self._row_slot = row_slot
        return self._row_slot

    def nearest(self, query: np.ndarray, language: str | None, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The `count` live phrases (in `language`, if given) closest to `query`: (slots, similarities), best
        first. Reads only the language's block of the mapped vectors; in a big block, first the projected
        vectors (a quarter of the bytes) to keep COARSE_KEEP rows, then those rows' full vectors, exactly."""
        generation = self.generation
        if language:  # its block, and a block of unknown language (a generation from before the grouping)
            blocks = [(generation.blocks[name], name == "") for name in (language, "") if name in generation.blocks]
        else:
            blocks = [(block, False) for block in generation.blocks.values()]
        row_slot = self._row_slots()
        slots, scores = [], []
        for (start, end), mixed in blocks:
            if end <= start:
                continue
            if generation.coarse is not None and end - start > max(COARSE_MIN_ROWS, COARSE_KEEP):
                # The COARSE_KEEP best rows of the first pass: partitioned in place on the scores (no negated
                # copy), their full vectors gathered in row order (sequential reads of the mapped file).
                rough = np.asarray(generation.coarse[start:end]) @ (query @ generation.basis)
                rows = np.argpartition(rough, len(rough) - COARSE_KEEP)[len(rough) - COARSE_KEEP:]
                rows.sort()
                rows += start
                exact = np.asarray(generation.vectors[rows]) @ query
            else:
                rows = np.arange(start, end)
                exact = np.asarray(generation.vectors[start:end]) @ query
            live = row_slot[rows]
            keep = live >= 0
            if mixed:
                keep &= self.languages[np.maximum(live, 0)] == language
            slots.append(live[keep].astype(np.int64))
            scores.append(exact[keep])
        if len(self._extra_slots):
            extra = self._extra_slots
            keep = (self.languages[extra] == language) if language else np.ones(len(extra), dtype=bool)
            slots.append(extra[keep])
            scores.append(self._extra_vectors[keep] @ query)
        if not slots:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        slots, scores = np.concatenate(slots), np.concatenate(scores).astype(np.float32)
        if len(slots) > count:
            top = np.argpartition(-scores, count - 1)[:count]
            slots, scores = slots[top], scores[top]
        order = np.argsort(-scores, kind="stable")
        return slots[order], scores[order]

    def similarity_to(self, query: np.ndarray, slots) -> np.ndarray:
        """The exact similarity of `query` to the phrases at `slots` (a few rows read)."""
        slots = np.asarray(slots, dtype=np.int64)
        scores = np.zeros(len(slots), dtype=np.float32)
        rows = self.rows[slots] if len(slots) else np.zeros(0, dtype=np.int64)
        mapped = rows >= 0
        if mapped.any():
            scores[mapped] = np.asarray(self.generation.vectors[rows[mapped]]) @ query
        for position in np.flatnonzero(~mapped).tolist():
            scores[position] = float(self.vector(self.keys[int(slots[position])]) @ query)
        return scores

    def vector(self, key: str) -> np.ndarray | None:
        slot = self.slot_of.get(key)
        if slot is None:
            return None
        if self.rows[slot] >= 0:
            return np.asarray(self.generation.vectors[self.rows[slot]])
        return self._extra_vectors[int(np.flatnonzero(self._extra_slots == slot)[0])]


class LiveVectors:
    """The process-wide phrase vectors of the live library."""

    def __init__(self):
        self._lock = threading.Lock()
        self.snapshot: VectorSnapshot | None = None
        self.revision = -1
        self.checked_at = 0.0
        self.state = "not built"        # "ready", "building", "not built", "unavailable"
        self._extras: dict[int, np.ndarray] = {}
        self._extra_languages: dict[int, str] = {}
        self._generation = None
        self._waiting_for = None        # the generation seen while the task queue builds
        self._requested = None          # the library revision a build was last queued for

    def reset(self):
        with self._lock:
            self.snapshot, self.revision, self.checked_at, self.state = None, -1, 0.0, "not built"
            self._extras.clear()
            self._extra_languages.clear()

    def refresh_now(self):
        self.checked_at = 0.0

    def current(self) -> VectorSnapshot | None:
        """The vectors of the live library, or None while they are not ready (no model, or a first build
        running in the background)."""
        if load_encoder() is None:
            self.state = "unavailable"
            return None
        now = time.monotonic()
        if now - self.checked_at < FRESHNESS and self.snapshot is not None:
            return self.snapshot
        with self._lock:
            from phrases.models import LiveChange

            revision = LiveChange.objects.order_by("-id").values_list("id", flat=True).first() or 0
            waiting = self.state == "building" and self._waiting_for == self._newest_name()
            if (revision != self.revision or self.snapshot is None) and not waiting:
                self._refresh(revision)
            elif waiting and revision != self._requested:
                # The library changed during the build (or its job gave up): queue one for this revision too;
                # it waits for the running build and then encodes what that one did not.
                self._request_build(revision)
            self.checked_at = now
            return self.snapshot

    def _live_rows(self):
        from phrases.models import LivePhrase

        return list(LivePhrase.objects.order_by("language", "key")
                    .values_list("key", "title", "body", "keywords", "language"))

    def _refresh(self, revision, *, requested=False):
        """Map every live phrase to its vector; encode the versions nobody has encoded yet (here when they
        are few, else on the task queue)."""
        rows = self._live_rows()
        if self._generation is None or self._generation.name != self._newest_name():
            self._generation = Generation.load_current() or Generation.empty()
        hashes = np.fromiter((content_hash(k, t, b, kw) for k, t, b, kw, _ in rows), dtype=np.uint64,
                             count=len(rows))
        found = self._generation.rows_of(hashes, self._languages(rows))
        missing = [i for i in np.flatnonzero(found < 0).tolist() if int(hashes[i]) not in self._extras]
        if len(missing) > SYNC_BUILD_LIMIT:
            # The task queue builds while every process keeps serving on words alone; each maps the new
            # generation once it is written (current() looks for it at every revision check).
            self.state, self._waiting_for = "building", self._newest_name()
            if not requested:
                self._request_build(revision)
                if self._newest_name() != self._waiting_for:  # built already (the tests run jobs at once)
                    self._refresh(revision, requested=True)
            return
        self._encode(rows, hashes, missing)
        self._install(rows, hashes, revision)

    def _request_build(self, revision):
        """Queue the build job, once per library revision whichever worker asks first."""
        from jobs.services import enqueue
        from suggestions.tasks import BUILD_VECTORS

        self._requested = revision
        try:
            enqueue(BUILD_VECTORS, unique_key=f"{BUILD_VECTORS}@{MODEL_NAME}:{revision}")
        except Exception:  # a failed enqueue must not fail the search: suggestions stay on words alone
            logger.warning("Could not queue the phrase-vector build", exc_info=True)

    @staticmethod
    def _languages(rows) -> np.ndarray:
        return np.array([row[4] for row in rows], dtype=object)

    def _newest_name(self):
        try:
            return (store_path() / "CURRENT").read_text().strip()
        except OSError:
            return None

    def _encode(self, rows, hashes, missing, progress=None):
        encoder = load_encoder()
        for start in range(0, len(missing), BATCH):
            if progress is not None:
                progress(start, len(missing))
            chunk = missing[start:start + BATCH]
            vectors = encoder.encode_phrases([(rows[i][1], rows[i][2], rows[i][3] or ()) for i in chunk])
            for i, vector in zip(chunk, vectors):
                self._extras[int(hashes[i])] = vector
                self._extra_languages[int(hashes[i])] = rows[i][4]
        if len(self._extras) > EXTRA_LIMIT or (missing and len(missing) == len(rows)):
            self._write_generation(hashes, self._languages(rows))

    def _write_generation(self, live_hashes, live_languages):
        """Fold the private vectors into a new generation on disk (keeping the mapped rows, so other
        databases sharing the folder keep theirs), grouped by language, then map it."""
        extra_hashes = np.fromiter(self._extras.keys(), dtype=np.uint64, count=len(self._extras))
        extra_vectors = np.stack(list(self._extras.values())) if self._extras else np.zeros((0, DIMENSIONS))
        extra_languages = np.array([self._extra_languages.get(h, "") for h in self._extras], dtype=object)
        old = self._generation
        keep = np.ones(len(old.hashes), dtype=bool)
        if len(old.hashes) > 4 * max(len(live_hashes), 1000):  # mostly stale versions: keep the live ones
            keep = np.isin(old.hashes, live_hashes)
        old_languages = old.languages()
        unknown = np.flatnonzero(old_languages == "")
        if len(unknown):  # rows of a generation from before the grouping: their language from the live rows
            known = dict(zip(np.asarray(live_hashes).tolist(), live_languages.tolist()))
            for row in unknown.tolist():
                old_languages[row] = known.get(int(old.hashes[row]), "")
        name = Generation.write(np.concatenate([np.asarray(old.hashes)[keep], extra_hashes]),
                                np.concatenate([np.asarray(old.vectors)[keep], extra_vectors]).astype(np.float32),
                                np.concatenate([old_languages[keep], extra_languages]))
        if name is not None:
            self._generation = Generation.load_current() or self._generation
            self._extras.clear()
            self._extra_languages.clear()

    def _install(self, rows, hashes, revision):
        found = self._generation.rows_of(hashes, self._languages(rows))
        extra_slots = np.flatnonzero(found < 0)
        extra_vectors = (np.stack([self._extras[int(hashes[i])] for i in extra_slots])
                         if len(extra_slots) else np.zeros((0, DIMENSIONS), np.float32))
        self.snapshot = VectorSnapshot(self._generation, [row[0] for row in rows],
                                       np.array([row[4] for row in rows], dtype=object), found,
                                       extra_vectors.astype(np.float32), extra_slots)
        self.revision = revision
        self.state = "ready"

    @staticmethod
    def _build_lock():
        """An exclusive lock on the store folder (waits for a build running elsewhere), or None."""
        folder = store_path()
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle = (folder / "build.lock").open("w")
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            return None
        return handle

    def preload(self) -> str:
        """In the gunicorn master, before the fork: load the model (its arrays are then shared by the workers)
        and map the vectors; a library needing a first build gets it from the task queue (the workers queue it)."""
        started = time.monotonic()
        if load_encoder() is None:
            self.warm_up()
            return "Suggestions: the sentence model is unavailable; suggestions work on words alone"
        with self._lock:
            from phrases.models import LiveChange

            rows = self._live_rows()
            self._generation = Generation.load_current() or Generation.empty()
            hashes = np.fromiter((content_hash(k, t, b, kw) for k, t, b, kw, _ in rows), dtype=np.uint64,
                                 count=len(rows))
            missing = int((self._generation.rows_of(hashes, self._languages(rows)) < 0).sum())
            if missing <= SYNC_BUILD_LIMIT:
                revision = LiveChange.objects.order_by("-id").values_list("id", flat=True).first() or 0
                self._refresh(revision)
        self.warm_up()
        return (f"Suggestions: model {MODEL_NAME} loaded, {len(rows) - missing} of {len(rows)} phrase vectors "
                f"mapped, in {time.monotonic() - started:.1f} s")

    @staticmethod
    def warm_up():
        """One suggestion per language, in the gunicorn master before the fork (and in the benchmark): the
        first search and encoding of a process build lookups and grow the allocator's heap, which done here
        are shared by every worker instead of copied into each (about 10 MiB a worker)."""
        from suggestions.selectors import suggest_replies

        for language in settings.QUICKPHRASES_LANGUAGES:
            try:
                suggest_replies(WARM_UP_MESSAGES.get(language, WARM_UP_MESSAGES["en"]), language=language)
            except Exception:  # a warm-up never stops a server from starting
                logger.warning("Warming up suggestions in %s failed", language, exc_info=True)
        encoder = load_encoder()
        if encoder is not None:
            encoder.forget_recent()
        connections.close_all()

    def build_now(self, progress=None) -> int:
        """Encode every live phrase not in the store yet, here and now, and write a new generation (the
        `suggestions.build_vectors` job and the benchmark); returns how many were encoded. `progress(done,
        total)` is called before each batch."""
        lock = self._build_lock()
        try:
            with self._lock:
                rows = self._live_rows()
                self._generation = Generation.load_current() or Generation.empty()
                hashes = np.fromiter((content_hash(k, t, b, kw) for k, t, b, kw, _ in rows), dtype=np.uint64,
                                     count=len(rows))
                missing = np.flatnonzero(self._generation.rows_of(hashes, self._languages(rows)) < 0).tolist()
                started = time.monotonic()
                self._encode(rows, hashes, missing, progress)
                if self._extras:
                    self._write_generation(hashes, self._languages(rows))
                if missing:
                    logger.info("Phrase vectors built: %d phrases in %.1f s", len(missing), time.monotonic() - started)
                self.snapshot, self.revision = None, -1
                return len(missing)
        finally:
            if lock is not None:
                lock.close()


live_vectors = LiveVectors()
