"""The phrase-vector store: grouped by language, a query reads only its language's block, and in a big block
the projected first pass keeps the phrases an exact scan would rank first."""
import numpy as np
import pytest

from suggestions.engine.vectors import COARSE_MIN_ROWS, DIMENSIONS, Generation, VectorSnapshot


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("QUICKPHRASES_SEARCH_SNAPSHOT_DIR", str(tmp_path))
    return tmp_path


def _library(count, seed=1):
    """Vectors shaped like sentence vectors: most of their length on a few dozen shared directions."""
    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(64, DIMENSIONS))
    vectors = rng.normal(size=(count, 64)) @ topics + 0.3 * rng.normal(size=(count, DIMENSIONS))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    languages = np.array(["ru", "en", "pl"], dtype=object)[rng.integers(0, 3, count)]
    hashes = rng.choice(np.iinfo(np.int64).max, size=count, replace=False).astype(np.uint64)
    return hashes, vectors.astype(np.float32), languages


def _snapshot(generation, hashes, languages):
    rows = generation.rows_of(hashes, languages)
    return VectorSnapshot(generation, [f"k{i}" for i in range(len(hashes))], languages, rows,
                          np.zeros((0, DIMENSIONS), np.float32), np.zeros(0, dtype=np.int64))


def test_a_written_generation_is_grouped_by_language_and_finds_every_row(folder):
    hashes, vectors, languages = _library(3000)
    Generation.write(hashes, vectors, languages)
    generation = Generation.load_current()
    assert set(generation.blocks) == {"ru", "en", "pl"}
    rows = generation.rows_of(hashes, languages)
    assert (rows >= 0).all()
    assert np.allclose(np.asarray(generation.vectors)[rows], vectors)
    for language, (start, end) in generation.blocks.items():
        assert set(languages[np.flatnonzero((rows >= start) & (rows < end))]) == {language}
    assert generation.coarse is None  # blocks this small are read whole


def test_nearest_reads_only_the_language_and_matches_an_exact_scan(folder):
    count = 3 * COARSE_MIN_ROWS + 600
    hashes, vectors, languages = _library(count)
    Generation.write(hashes, vectors, languages)
    generation = Generation.load_current()
    assert generation.coarse is not None and generation.coarse.shape[1] < DIMENSIONS
    snapshot = _snapshot(generation, hashes, languages)
    rng = np.random.default_rng(7)
    agree = []
    for number in range(20):
        query = vectors[rng.integers(count)] + 0.5 * rng.normal(size=DIMENSIONS).astype(np.float32)
        query /= np.linalg.norm(query)
        language = ["ru", "en", "pl"][number % 3]
        slots, similarities = snapshot.nearest(query, language, 10)
        assert all(languages[slot] == language for slot in slots)
        assert np.allclose(similarities, vectors[slots] @ query, atol=1e-5)
        exact = np.where(languages == language, vectors @ query, -np.inf)
        agree.append(len(set(slots.tolist()) & set(np.argsort(-exact)[:10].tolist())))
    assert np.mean(agree) >= 9.5


def test_a_generation_from_before_the_grouping_still_serves(folder):
    hashes, vectors, languages = _library(500)
    order = np.argsort(hashes)
    legacy = Generation(hashes[order], vectors[order])  # one block of unknown language
    snapshot = _snapshot(legacy, hashes, languages)
    query = vectors[0]
    slots, similarities = snapshot.nearest(query, languages[0], 5)
    assert slots[0] == 0 and similarities[0] == pytest.approx(1.0, abs=1e-5)
    assert all(languages[slot] == languages[0] for slot in slots)
    assert np.allclose(snapshot.similarity_to(query, [1, 2]), vectors[[1, 2]] @ query, atol=1e-5)



def test_a_first_build_too_big_for_a_request_is_queued_and_suggestions_work_on_words_meanwhile(
        folder, model, starter, monkeypatch):
    from jobs.models import Job
    from jobs.worker import run_immediately
    from suggestions import selectors
    from suggestions.engine import vectors
    from suggestions.tasks import BUILD_VECTORS

    monkeypatch.setattr(vectors, "SYNC_BUILD_LIMIT", 10)  # the starter library's 50 phrases are "big" here
    assert vectors.live_vectors.current() is None
    assert vectors.live_vectors.state == "building"
    job = Job.objects.get(task=BUILD_VECTORS)
    assert job.status == Job.Status.QUEUED
    assert not list(store_generations(folder))  # nothing was encoded in this (web) process

    _language, results = selectors.suggest_replies("где мой заказ? оплатил неделю назад", language="ru")
    assert all(result["why"] for result in results)  # served on words alone, without waiting for the build
    assert selectors.suggestions_status()["vectors"] == "building"

    run_immediately(job.pk)  # as `manage.py run_worker` runs it
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert len(list(store_generations(folder))) == 1
    vectors.live_vectors.refresh_now()
    snapshot = vectors.live_vectors.current()
    assert snapshot is not None and vectors.live_vectors.state == "ready"
    assert sorted(snapshot.keys) == sorted(starter)
    assert (snapshot.rows >= 0).all()  # every phrase's vector comes from the mapped generation
    key = next(iter(starter))
    phrase = starter[key]
    expected = model.encode_phrases([(phrase["title"], phrase["body"], phrase.get("keywords") or ())])[0]
    assert np.allclose(snapshot.vector(key), expected, atol=1e-5)


def test_a_second_build_job_finds_nothing_left_to_encode(folder, model, starter):
    from suggestions.engine.vectors import LiveVectors

    assert LiveVectors().build_now() == len(starter)
    assert LiveVectors().build_now() == 0


def store_generations(folder):
    return (folder / "vectors-use-multilingual-v3").glob("g*")


def test_the_encoder_remembers_a_repeated_message_and_gives_the_same_vector(model):
    message = "курьер так и не приехал, весь день ждала дома"
    model.forget_recent()
    first = model.encode_one(message)
    again = model.encode_one(message)
    assert again is first
    assert not first.flags.writeable  # a caller cannot change what the next one gets
    assert np.allclose(first, model.encode([message])[0], atol=1e-6)


def test_an_approval_during_a_queued_build_queues_one_more_build(folder, model, starter, monkeypatch, writer,
                                                                 reviewer):
    from jobs.models import Job
    from phrases import services
    from phrases.models import Topic
    from suggestions.engine import vectors
    from suggestions.tasks import BUILD_VECTORS

    monkeypatch.setattr(vectors, "SYNC_BUILD_LIMIT", 10)
    assert vectors.live_vectors.current() is None
    assert Job.objects.filter(task=BUILD_VECTORS).count() == 1
    phrase = services.phrase_create(actor=writer, key="late-parcel-sorry", title="Late parcel",
                                    body="We are sorry the parcel is late.", topic=Topic.objects.first(),
                                    language="en")
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)
    vectors.live_vectors.refresh_now()
    assert vectors.live_vectors.current() is None  # still on words alone: the first build has not run
    assert Job.objects.filter(task=BUILD_VECTORS).count() == 2


def test_the_encoder_runs_on_one_blas_thread_without_a_per_call_limit_and_encodes_as_with_it(model):
    from threadpoolctl import ThreadpoolController, threadpool_info

    backend = model._model._model
    assert backend._threadpool is None  # the backend's own limit around every call is skipped ...
    assert all(info["num_threads"] == 1 for info in threadpool_info() if info["user_api"] == "blas")  # ... as redundant
    texts = ["my parcel is late and nobody answers the phone", "хочу вернуть пылесос, как оформить возврат?"]
    without_limit = model.encode(texts)
    backend._threadpool = ThreadpoolController().limit
    try:
        with_limit = model.encode(texts)
    finally:
        backend._threadpool = None
    np.testing.assert_array_equal(without_limit, with_limit)


def test_a_worker_gives_its_free_heap_back_only_after_a_request_that_ran_the_model(model):
    from suggestions.engine.encoder import release_heap_after_request

    release_heap_after_request()  # whatever earlier tests encoded
    assert release_heap_after_request() is False  # a search or a page: nothing encoded, nothing to trim
    model.forget_recent()
    first = model.encode_one("my parcel is late and nobody answers the phone")
    assert release_heap_after_request() is True
    assert release_heap_after_request() is False
    model.forget_recent()
    again = model.encode_one("my parcel is late and nobody answers the phone")
    assert release_heap_after_request() is True
    np.testing.assert_array_equal(first, again)  # the trimmed heap changes no result
