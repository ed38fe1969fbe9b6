"""Messages no phrase of a shop's library should answer (the weather, a job application, a supplier's offer, a
scam call in the shop's name, a request to delete one's data, homework…), written for this project in ru, en
and pl (suggestions/data/out_of_scope.jsonl, no message from the development set). They are the abstention
test's counter-examples: a client's message that is much closer in meaning to one of them than to any phrase
is about something the library does not cover (ranking.OUT_OF_SCOPE_MARGIN). Encoded once per process with
the loaded sentence model; a request then costs one product of ~60 vectors."""
import json
import threading
from pathlib import Path

import numpy as np

EXAMPLES_PATH = Path(__file__).resolve().parent / "data" / "out_of_scope.jsonl"

_lock = threading.Lock()
_cache: dict = {}   # id(encoder) -> (encoder, vectors)


def example_messages() -> list[str]:
    return [json.loads(line)["message"] for line in EXAMPLES_PATH.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def example_vectors(encoder) -> np.ndarray:
    """The examples' vectors for this encoder (rows L2-normalised), computed on first use."""
    with _lock:
        cached = _cache.get(id(encoder))
        if cached is not None and cached[0] is encoder:
            return cached[1]
    vectors = encoder.encode(example_messages())
    vectors.flags.writeable = False
    with _lock:
        _cache.clear()
        _cache[id(encoder)] = (encoder, vectors)
    return vectors


def out_of_scope_similarity(encoder, query: np.ndarray) -> float:
    """How close the message is to the nearest out-of-scope example (cosine)."""
    vectors = example_vectors(encoder)
    return float(np.max(vectors @ query)) if len(vectors) else -1.0
