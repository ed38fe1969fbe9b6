"""The import's lint stage: each distinct text linted once, in forked processes for a large file,
with exactly the findings (and the held phrases) an in-process lint gives."""
import pytest

from phrases import services
from phrases.errors import ImportRejected
from phrases.lint import spelling
from phrases.models import Phrase
from phrases.services import import_lint

pytestmark = pytest.mark.django_db

BODIES = [
    ("ru", "{client_name}, спс за ожидание."),
    ("ru", "Заказ {order_id} будет у Вас {date}."),
    ("ru", "вы можете позвонить на горячую линию"),
    ("en", "Thx, we will ship it ASAP"),
    ("en", "Your refnud is on its way."),
    ("pl", "Dzieki, zamowienie jest w drodze!!!"),
    ("pl", "Zamówienie zostanie dostarczone jutro."),
]


def _library(count):
    phrases = []
    for number in range(count):
        language, body = BODIES[number % len(BODIES)]
        if number % 3:  # two thirds distinct texts, a third repeats
            body = body.replace(".", f" {number}.", 1) if "." in body else f"{body} {number}"
        phrases.append({"key": f"p-{number}", "title": "T", "body": body, "topic": "t", "language": language,
                        "status": "approved"})
    return {"format": "quickphrases/v1", "topics": [{"slug": "t", "name": "T", "parent": None}], "phrases": phrases}


def _report(settings, processes, data):
    settings.QUICKPHRASES_IMPORT_LINT_PROCESSES = processes
    report = services.library_import(data, dry_run=True)
    return report.findings, report.held


def test_lint_in_processes_gives_the_in_process_findings(settings, monkeypatch):
    monkeypatch.setattr(import_lint, "PARALLEL_MIN_TEXTS", 10)
    monkeypatch.setattr(import_lint, "CHUNK", 7)
    data = _library(120)
    findings, held = _report(settings, 1, data)
    spelling.clear_caches()  # the processes' spelling verdicts come from the shared look-ups
    assert (findings, held) == _report(settings, 2, data)
    assert list(findings) == [p["key"] for p in data["phrases"] if p["key"] in findings]  # the file's order
    assert {"key": "p-0", "rules": ["banned-abbreviation"]} in held


def test_each_distinct_text_is_linted_once(settings):
    settings.QUICKPHRASES_IMPORT_LINT_PROCESSES = 1
    seen = []
    texts = [(body, language) for language, body in BODIES]
    import_lint.lint_texts(texts, lambda chunk, results: seen.extend(zip(chunk, results, strict=True)))
    assert [text for text, _ in seen] == texts
    data = _library(14)  # p-0 and p-7 share a text: one lint, both keys get its findings
    findings, _ = _report(settings, 1, data)
    assert findings["p-0"] == findings["p-7"]
    assert findings["p-0"] is not findings["p-7"]  # separate copies: dismissals are marked per phrase


def test_a_failing_consumer_stops_the_processes_and_the_next_import_runs(settings, monkeypatch):
    monkeypatch.setattr(import_lint, "PARALLEL_MIN_TEXTS", 10)
    monkeypatch.setattr(import_lint, "CHUNK", 5)
    settings.QUICKPHRASES_IMPORT_LINT_PROCESSES = 2
    texts = [(f"Text number {n}.", "en") for n in range(200)]

    def cancel(chunk, results):
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        import_lint.lint_texts(texts, cancel)
    got = []
    assert import_lint.lint_texts(texts, lambda chunk, results: got.extend(results)) == 2  # in 2 processes
    assert len(got) == 200


def _lints_in_processes():
    texts = [(f"Text number {n}.", "en") for n in range(200)]
    got = []
    processes = import_lint.lint_texts(texts, lambda chunk, results: got.extend(results))
    return processes, len(got)


def test_a_file_rejected_while_its_words_are_looked_up_ahead_leaves_the_processes_free(settings, monkeypatch):
    monkeypatch.setattr(import_lint, "PARALLEL_MIN_TEXTS", 10)
    monkeypatch.setattr(import_lint, "CHUNK", 5)
    settings.QUICKPHRASES_IMPORT_LINT_PROCESSES = 2
    data = _library(120)
    data["phrases"][60]["topic"] = "no-such-topic"
    with pytest.raises(ImportRejected) as rejected:
        services.library_import(data)
    assert rejected.value.problems == [{"key": "p-60", "field": "topic", "message": "Unknown topic 'no-such-topic'."}]
    assert not Phrase.objects.exists()
    assert _lints_in_processes() == (2, 200)  # the look-ups' processes and the fork lock were released


def test_an_import_cancelled_during_validation_stops_the_look_ups_ahead(settings, monkeypatch):
    monkeypatch.setattr(import_lint, "PARALLEL_MIN_TEXTS", 10)
    monkeypatch.setattr(import_lint, "CHUNK", 5)
    settings.QUICKPHRASES_IMPORT_LINT_PROCESSES = 2

    def progress(stage, done, total):
        if stage == "validating" and done:
            raise KeyboardInterrupt  # as Ctrl+C or a job's cancellation arrives

    with pytest.raises(KeyboardInterrupt):
        services.library_import(_library(2500), progress=progress)
    assert not Phrase.objects.exists()
    assert _lints_in_processes() == (2, 200)
