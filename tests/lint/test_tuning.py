"""Reviewers tune the rules in the database; the change applies at once, without a deploy."""
import pytest
from django.urls import reverse

from phrases.lint import lint_text
from phrases.lint.models import RuleSetting, RulesRevision, Term

pytestmark = pytest.mark.django_db


def _rules(body, language="ru"):
    return {f.rule: f.severity for f in lint_text(body, language)}


def test_migration_installs_the_default_rules():
    assert RuleSetting.objects.filter(language="").count() == 16
    assert Term.objects.filter(language="ru", kind="abbreviation", pattern="спс").exists()


def test_changing_a_severity_applies_at_once(monkeypatch):
    from phrases.lint import ruleset

    assert _rules("Это ОЧЕНЬ важно.")["all-caps"] == "warning"
    before = RulesRevision.current()
    setting = RuleSetting.objects.get(rule="all-caps", language="")
    setting.severity = "error"
    setting.save()  # as the admin saves it: the save itself moves the rules revision
    assert RulesRevision.current() == before + 1
    monkeypatch.setattr(ruleset, "CHECK_INTERVAL", 0)  # the next revision check now, not a second later
    assert _rules("Это ОЧЕНЬ важно.")["all-caps"] == "error"


def test_turning_a_rule_off_and_a_language_override():
    setting = RuleSetting.objects.get(rule="too-many-exclamations", language="")
    setting.severity = "off"
    setting.save()
    assert "too-many-exclamations" not in _rules("Ура!! Готово.")
    RuleSetting.objects.create(rule="too-many-exclamations", language="ru", severity="error", limit=2)
    assert "too-many-exclamations" not in _rules("Ура!! Готово.")
    assert _rules("Ура!!! Готово.")["too-many-exclamations"] == "error"
    assert "too-many-exclamations" not in _rules("Great!!! Done.", "en")


def test_adding_a_banned_word_with_suggestion():
    Term.objects.create(language="ru", kind="abbreviation", pattern="спасибки", suggestion="спасибо")
    finding = next(f for f in lint_text("Спасибки за ожидание.", "ru") if f.rule == "banned-abbreviation")
    assert finding.suggestion == "Спасибо"  # at the start of a sentence the replacement is capitalised
    finding = next(f for f in lint_text("Ну, спасибки за ожидание.", "ru") if f.rule == "banned-abbreviation")
    assert finding.suggestion == "спасибо"


def test_other_processes_see_changes_through_the_revision(settings):
    before = RulesRevision.current()
    Term.objects.create(language="en", kind="slang", pattern="yolo")
    assert RulesRevision.current() == before + 1


def test_admin_rejects_an_invalid_pattern(client, reviewer):
    reviewer.is_staff = True
    reviewer.save()
    client.force_login(reviewer)
    response = client.post(reverse("admin:lint_term_add"), {"language": "ru", "kind": "slang", "pattern": "(unclosed"})
    assert response.status_code == 200 and "Not a valid regular expression" in response.content.decode()
    assert not Term.objects.filter(pattern="(unclosed").exists()


def test_writers_can_read_but_not_edit_rules(client, writer):
    writer.is_staff = True
    writer.save()
    client.force_login(writer)
    assert client.get(reverse("admin:lint_rulesetting_changelist")).status_code == 200
    assert client.get(reverse("admin:lint_term_add")).status_code == 403
