"""Suggestions from a client's message: in-process p95 at 100,000 phrases, extra private memory per worker,
and the first vector build.

    python -m benchmarks.suggest            # 100k phrases
    python -m benchmarks.suggest --quick    # 2k phrases, seconds (CI smoke run)

The word index is built from the synthetic library (benchmarks/synthetic.py). Encoding 100,000 phrases takes
long on a small machine, so the first build is timed on BUILD_SAMPLE phrases (batched, as the build job
encodes them) and the 100k figure is that rate times 100,000 (printed as an estimate); the 100k vector
matrix for the query timings is the sample's vectors repeated (with a little noise), written as the store is
(grouped by language, with the projected first-pass vectors) and memory-mapped, which costs a query the
same as distinct vectors.

Each suggestion is timed twice: wall-clock (what a client waits on this machine, however loaded) and the CPU
time of the thread (the work itself, which other processes on the cores do not inflate); the load average is
printed beside them. Every message is encoded cold (the encoder's memory of recent messages is emptied).

Memory: the model and the vectors are loaded in this process, the search index is mapped from a snapshot
written for it (as the master maps its own, phrases/search/live_index.py) and one suggestion per language
is made, as the gunicorn master does before it forks (LiveVectors.preload), then a forked child serves the
queries and reports how much private memory it gained: the private pages (Private_Dirty + Private_Clean) of
every mapping except read-only shared file mappings. Those (the mapped vector store and index snapshot) are
the page cache: one copy for every worker, whichever process first read a page (smaps counts such a page as
"private" to the only process mapping it, and "dirty" until the kernel writes it back), so they are
reported apart. After each suggestion the child does what a worker's gunicorn post_request hook does once
the response is sent (release_heap_after_request: the allocator's free pages go back to the system); the
figure is taken after the last one, and the most the child held just before a release is printed beside it.
"""
import argparse
import gc
import os
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from benchmarks.common import child_result, percentiles, setup_django, table

BUILD_SAMPLE = 2_000
QUICK_BUILD_SAMPLE = 500   # --quick times the build on fewer phrases: a smoke run
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


def private_mib(shared_under: str | None = None) -> tuple[float, float]:
    """(private MiB of this process outside shared file mappings, resident MiB of the shared mappings of files
    under `shared_under`), from /proc/self/smaps."""
    private = shared = 0
    is_shared = is_store = False
    with open("/proc/self/smaps") as handle:
        for line in handle:
            fields = line.split()
            if fields and "-" in fields[0] and not fields[0].endswith(":"):  # a mapping's header line
                is_shared = fields[1].endswith("s")
                is_store = bool(shared_under) and len(fields) > 5 and fields[5].startswith(shared_under)
            elif fields[0] in ("Private_Dirty:", "Private_Clean:") and not is_shared:
                private += int(fields[1])
            elif fields[0] == "Rss:" and is_store:
                shared += int(fields[1])
    return private / 1024, shared / 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help=f"{BUILD_SAMPLE} phrases only")
    args = parser.parse_args(argv)
    size = BUILD_SAMPLE if args.quick else 100_000
    build_sample = QUICK_BUILD_SAMPLE if args.quick else BUILD_SAMPLE
    setup_django()
    from benchmarks.synthetic import library
    from phrases.search.index import PhraseIndex
    from phrases.search.live_index import live_index
    from suggestions import selectors
    from suggestions.engine.encoder import load_encoder, release_heap_after_request
    from suggestions.engine.vectors import Generation, VectorSnapshot, live_vectors

    started = time.perf_counter()
    encoder = load_encoder()
    load_seconds = time.perf_counter() - started
    if encoder is None:
        print("The sentence model is unavailable: nothing to measure.")
        return
    documents = library(size)
    sample = documents[:build_sample]
    started, cpu_started = time.perf_counter(), time.process_time()
    vectors = encoder.encode_phrases([(d.title, d.body, d.keywords) for d in sample])
    build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    repeats = -(-size // build_sample)
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
    # The index as a server's master holds it (phrases/search/live_index.py): built once, written as a snapshot
    # and mapped back from it (the segment's arrays mapped read-only, the vocabulary unpickled), never the
    # built objects. It holds no phrase objects either, so neither does this process.
    built = PhraseIndex.build(documents)
    built.prepare()
    snapshot = Path(os.environ["QUICKPHRASES_SEARCH_SNAPSHOT_DIR"]) / "search-index"
    snapshot.mkdir()
    built.save(snapshot)
    del documents, sample, built
    gc.collect()
    index = PhraseIndex.load(snapshot)
    index.prepare()
    live_index.index, live_index.checked_at, live_index.usage_checked_at = index, float("inf"), float("inf")

    # As the gunicorn master does before it forks (config/wsgi.py, config/gunicorn.conf.py): one suggestion per
    # language, then the objects built so far go to the permanent generation, so the child's garbage
    # collections do not write to (and so copy) their pages.
    live_vectors.warm_up()
    gc.collect()
    gc.freeze()
    store = os.environ["QUICKPHRASES_SEARCH_SNAPSHOT_DIR"]
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # a worker forked from the ready master
        os.close(reader)
        before, _ = private_mib(store)
        samples, cpu, meaning, release, held = [], [], [], [], 0.0
        for _ in range(3):
            for message in MESSAGES:
                language = selectors.message_language(message, None)
                encoder.forget_recent()
                t0, c0 = time.perf_counter(), time.thread_time()
                selectors.suggest_replies(message, language=language)
                samples.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.thread_time() - c0) * 1000)
                query = encoder.encode_one(message)
                t0 = time.perf_counter()
                live_vectors.snapshot.nearest(query, language, 40)
                meaning.append((time.perf_counter() - t0) * 1000)
                held = max(held, private_mib(store)[0] - before)  # before the release: a request's own peak
                # What the worker's post_request hook does once the response is sent (config/gunicorn.conf.py).
                c0 = time.thread_time()
                release_heap_after_request()
                release.append((time.thread_time() - c0) * 1000)
        after, mapped = private_mib(store)
        os.write(writer, repr((samples, cpu, meaning, release, after - before, held, mapped)).encode())
        os._exit(0)
    os.close(writer)
    samples, cpu, meaning, release, grown, held, mapped = child_result(reader, child)
    shutil.rmtree(store, ignore_errors=True)
    p, c, m, r = percentiles(samples), percentiles(cpu), percentiles(meaning), percentiles(release)
    per_phrase_ms = build_seconds / build_sample * 1000
    per_phrase_cpu_ms = build_cpu / build_sample * 1000
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    rows = [
        [f"{size:,}", f"{p['p50']:.1f} / {p['p95']:.1f}", f"{c['p50']:.1f} / {c['p95']:.1f}",
         f"≤ {TARGET_P95_MS:.0f}", f"{m['p95']:.1f}", f"{r['p95']:.2f}", f"{grown:.1f} ({held:.1f})", f"≤ {TARGET_PRIVATE_MIB:.0f}", f"{mapped:.0f}",
         f"{per_phrase_ms:.1f} ({per_phrase_cpu_ms:.1f} CPU)",
         f"{per_phrase_ms * 100_000 / 1000 / 60:.0f} min ({per_phrase_cpu_ms * 100_000 / 1000 / 60:.0f} CPU) est.",
         f"{write_seconds:.1f}", f"{load_seconds:.1f}"],
    ]
    table(["phrases", "suggest p50 / p95 ms", "CPU p50 / p95 ms", "goal (p95)", "meaning step p95 ms",
           "heap release p95 ms CPU", "worker private MiB (most before a release)", "goal", "snapshot mapped MiB (shared)", "build ms/phrase",
           f"first build at 100k (from {build_sample:,})", "store write s", "model load s"], rows)
    print(f"load average {load} on {os.cpu_count()} CPUs")

if __name__ == "__main__":
    main()
