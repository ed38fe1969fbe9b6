"""A large import writes its phrases' versions while the rest of its texts are still being linted,
inside its one transaction: a problem found once the lint is done still rolls everything back."""
import pytest

from phrases import services
from phrases.errors import ImportRejected
from phrases.models import LiveChange, LivePhrase, Phrase
from phrases.services.library_import import _Writer

pytestmark = pytest.mark.django_db

WORDS = ("заказ", "доставка", "курьер", "посылка", "склад", "адрес", "время", "оплата", "пункт", "выдача")


def _phrase(number, **fields):
    body = " ".join(WORDS[(number // 10 ** place) % 10] for place in range(3)).capitalize()
    entry = {"key": f"p{number}-ru", "title": f"Ответ {number}", "body": f"{body} номер {number}.",
             "topic": "delivery", "language": "ru", "status": "approved"}
    entry.update(fields)
    return entry


def _library(phrases):
    return {"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
            "phrases": phrases}


@pytest.fixture
def written_while_linting(monkeypatch):
    """How many phrases the database held each time the import reported lint progress short of the end."""
    monkeypatch.setattr(_Writer, "FLUSH", 20)  # write every 20 versions instead of every 1,000
    counts = []

    def progress(stage, done, total):
        if stage == "linting" and done < total:
            counts.append(Phrase.objects.count())
    return counts, progress


def test_versions_are_written_while_the_rest_of_the_texts_are_linted(written_while_linting):
    counts, progress = written_while_linting
    phrases = [_phrase(number) for number in range(300)]
    report = services.library_import(_library(phrases), progress=progress)
    assert len(report.created) == 300
    assert max(counts) >= 200  # the first chunk of 200 texts was written before the second was linted
    # One version each, ids in the file's order, and every approved phrase live.
    assert list(Phrase.objects.order_by("pk").values_list("key", flat=True)) == [p["key"] for p in phrases]
    assert list(Phrase.history.order_by("history_id").values_list("key", flat=True)) == [p["key"] for p in phrases]
    assert LivePhrase.objects.count() == 300 - len(report.held)
    assert LiveChange.objects.count() == LivePhrase.objects.count()


def test_a_problem_found_after_the_lint_rolls_back_the_versions_written_during_it(written_while_linting):
    counts, progress = written_while_linting
    services.library_import(_library([_phrase(0, shortcut="/aa")]))
    before = (list(Phrase.objects.values_list("key", "status", "shortcut", "revision")), Phrase.history.count(),
              list(LivePhrase.objects.values_list("key", "shortcut")), LiveChange.objects.count())
    # p0 becomes a draft with "/bb", so its approved text keeps "/aa" live: the new p999 cannot take "/aa".
    # Only the live library as it will be (known once every text is linted) shows it.
    phrases = [_phrase(0, shortcut="/bb", status="draft"), *(_phrase(number) for number in range(1, 300)),
               _phrase(999, shortcut="/aa")]
    with pytest.raises(ImportRejected) as error:
        services.library_import(_library(phrases), progress=progress)
    assert [(p["key"], p["field"]) for p in error.value.problems] == [("p999-ru", "shortcut")]
    assert max(counts) > 1  # versions of the new phrases were written before the lint ended …
    after = (list(Phrase.objects.values_list("key", "status", "shortcut", "revision")), Phrase.history.count(),
             list(LivePhrase.objects.values_list("key", "shortcut")), LiveChange.objects.count())
    assert after == before  # … and none is left
