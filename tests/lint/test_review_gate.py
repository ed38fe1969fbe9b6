"""The linter gates review: errors block approval, warnings need an acknowledgement in history."""
import json

import pytest

from phrases import services
from phrases.errors import LintBlocked
from phrases.models import LivePhrase, Phrase

pytestmark = pytest.mark.django_db


def test_submit_stores_findings_with_the_version(make_phrase, writer):
    phrase = services.phrase_submit(phrase=make_phrase(body="Это ОЧЕНЬ важно."), actor=writer)
    assert [f["rule"] for f in phrase.lint_findings] == ["all-caps"]
    assert phrase.history.first().lint_findings == phrase.lint_findings


def test_error_blocks_approval_even_when_warnings_are_acknowledged(make_phrase, writer, reviewer):
    phrase = services.phrase_submit(phrase=make_phrase(body="Позвоните на горячую линию."), actor=writer)
    with pytest.raises(LintBlocked) as error:
        services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)
    assert {f["rule"] for f in error.value.findings} == {"redirect-channel"}
    assert not LivePhrase.objects.filter(key=phrase.key).exists()


def test_warnings_need_an_acknowledgement_which_history_records(make_phrase, writer, reviewer):
    phrase = services.phrase_submit(phrase=make_phrase(body="Это ОЧЕНЬ важно."), actor=writer)
    with pytest.raises(LintBlocked):
        services.phrase_approve(phrase=phrase, actor=reviewer)
    phrase = services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)
    version = phrase.history.first()
    assert version.warnings_acknowledged is True
    assert version.history_change_reason == "Approved over warnings: all-caps"
    assert LivePhrase.objects.get(key=phrase.key).body == "Это ОЧЕНЬ важно."


def test_clean_text_is_approved_without_acknowledgement(make_phrase, writer, reviewer):
    phrase = services.phrase_submit(phrase=make_phrase(body="Заказ будет у Вас завтра."), actor=writer)
    phrase = services.phrase_approve(phrase=phrase, actor=reviewer)
    assert phrase.warnings_acknowledged is False and phrase.lint_findings == []


def test_import_reports_warnings_per_phrase_but_keeps_the_file(reviewer):
    document = {"format": "quickphrases/v1", "topics": [{"slug": "t", "name": "T", "parent": None}],
                "phrases": [{"key": "loud", "title": "Громко", "body": "Это ОЧЕНЬ важно.", "topic": "t",
                             "language": "ru", "status": "approved"}]}
    report = services.library_import(json.loads(json.dumps(document)), actor=reviewer)
    assert report.created == ["loud"] and report.findings["loud"][0]["rule"] == "all-caps"
    assert Phrase.objects.get(key="loud").warnings_acknowledged is True
