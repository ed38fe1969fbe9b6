"""Suggestions from a client's message: in-process p95 at 100,000 phrases, extra private memory per worker,
and the first vector build.

    python -m benchmarks.suggest            # 100k phrases
    python -m benchmarks.suggest --quick    # 2k phrases, seconds (CI smoke run)

The word index is built from the synthetic library (benchmarks/synthetic.py). Encoding 100,000 phrases takes
long on a small machine, so the first build is timed on BUILD_SAMPLE phrases and the 100k figure is that rate
times 100,000 (printed as an estimate); the 100k vector matrix for the query timings is the sample's vectors
repeated (with a little noise), written as the store is (grouped by language, with the projected
first-pass vectors) and memory-mapped, which costs a query the same as distinct vectors. Memory: the model and the vectors are loaded in
this process (as the gunicorn master does before it forks), then a forked child serves the queries and
reports how much of its memory became private (Private_Dirty), which is what each worker adds.
"""
import argparse
import gc
import os
import shutil
import tempfile
import time

import numpy as np

from benchmarks.common import percentiles, setup_django, table

BUILD_SAMPLE = 2_000
TARGET_P95_MS = 20.0
TARGET_PRIVATE_MIB = 20.0
MESSAGES = [
    "здравствуйте, где мой заказ? оплатил неделю назад, а статус не меняется",
    "курьер так и не приехал, весь день ждала дома",
    "хочу вернуть пылесос, не подошёл по мощности, как оформить возврат?",
    "my parcel is late and nobody answers the phone",
    "can I pay in installments for the fridge?",
    "the box arrived crushed and the kettle inside is cracked",
    "dlaczego paczka jeszcze nie dotarła? zamawiałem tydzień temu",
    "chcę zwrócić buty, są za małe",
    "списали деньги дважды за один заказ",
    "можно забрать заказ самовывозом сегодня вечером?",
]


def private_dirty_mib() -> float:
    with open("/proc/self/smaps_rollup") as handle:
        for line in handle:
            if line.startswith("Private_Dirty:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"{BUILD_SAMPLE} phrases only")
    args = parser.parse_args(argv)
    size = BUILD_SAMPLE if args.quick else 100_000
    setup_django()
    from benchmarks.synthetic import library
    from phrases.search.index import PhraseIndex
    from phrases.search.live_index import live_index
    from suggestions import selectors
    from suggestions.engine.encoder import load_encoder
    from suggestions.engine.vectors import Generation, VectorSnapshot, live_vectors

    started = time.perf_counter()
    encoder = load_encoder()
    load_seconds = time.perf_counter() - started
    if encoder is None:
        print("The sentence model is unavailable: nothing to measure.")
        return
    documents = library(size)
    sample = documents[:BUILD_SAMPLE]
    started = time.perf_counter()
    vectors = encoder.encode_phrases([(d.title, d.body, d.keywords) for d in sample])
    build_seconds = time.perf_counter() - started
    repeats = -(-size // len(sample))
    matrix = np.tile(vectors, (repeats, 1))[:size]
    matrix += np.random.default_rng(3).normal(0, 0.01, matrix.shape).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    # The store as a worker maps it: written grouped by language (with the projected first-pass vectors),
    # then memory-mapped read-only from a throwaway folder.
    languages = np.array([d.language for d in documents], dtype=object)
    hashes = np.arange(1, size + 1, dtype=np.uint64)
    os.environ["QUICKPHRASES_SEARCH_SNAPSHOT_DIR"] = tempfile.mkdtemp(prefix="qp-suggest-bench-")
    started = time.perf_counter()
    Generation.write(hashes, matrix, languages)
    write_seconds = time.perf_counter() - started
    generation = Generation.load_current()
    del matrix
    live_vectors.snapshot = VectorSnapshot(generation, [d.key for d in documents], languages,
                                           generation.rows_of(hashes, languages), np.zeros((0, 512), np.float32),
                                           np.zeros(0, dtype=np.int64))
    live_vectors.checked_at = float("inf")  # serve this snapshot, do not follow the (empty) database
    index = PhraseIndex.build(documents)
    live_index.index, live_index.checked_at, live_index.usage_checked_at = index, float("inf"), float("inf")

    # As the gunicorn master does before each fork (config/gunicorn.conf.py): objects built so far go to the
    # permanent generation, so the child's garbage collections do not write to (and so copy) their pages.
    gc.collect()
    gc.freeze()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # a worker forked from the ready master
        os.close(reader)
        before = private_dirty_mib()
        for message in MESSAGES[:3]:
            selectors.suggest_replies(message)
        samples, meaning = [], []
        for _ in range(3):
            for message in MESSAGES:
                language = selectors.message_language(message, None)
                t0 = time.perf_counter()
                selectors.suggest_replies(message, language=language)
                samples.append((time.perf_counter() - t0) * 1000)
                query = encoder.encode_one(message)
                t0 = time.perf_counter()
                live_vectors.snapshot.nearest(query, language, 40)
                meaning.append((time.perf_counter() - t0) * 1000)
        grown = private_dirty_mib() - before
        os.write(writer, repr((samples, meaning, grown)).encode())
        os._exit(0)
    os.close(writer)
    data = b""
    while chunk := os.read(reader, 65536):
        data += chunk
    os.waitpid(child, 0)
    samples, meaning, grown = eval(data.decode())  # noqa: S307 - our own child's repr of floats
    shutil.rmtree(os.environ["QUICKPHRASES_SEARCH_SNAPSHOT_DIR"], ignore_errors=True)
    p = percentiles(samples)
    m = percentiles(meaning)
    per_phrase_ms = build_seconds / len(sample) * 1000
    rows = [
        [f"{size:,}", f"{p['p50']:.1f}", f"{p['p95']:.1f}", f"≤ {TARGET_P95_MS:.0f}", f"{m['p95']:.1f}",
         f"{grown:.1f}", f"≤ {TARGET_PRIVATE_MIB:.0f}", f"{per_phrase_ms:.1f}",
         f"{per_phrase_ms * 100_000 / 1000 / 60:.0f} min (est.)", f"{write_seconds:.1f}", f"{load_seconds:.1f}"],
    ]
    table(["phrases", "suggest p50 ms", "p95 ms", "goal", "meaning step p95 ms", "worker private MiB", "goal",
           "build ms/phrase", "first build at 100k", "store write s", "model load s"], rows)


if __name__ == "__main__":
    main()
