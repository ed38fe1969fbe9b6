"""Default rules and terms seeded the way Django seeds defaults (post_migrate and `sync_lint_defaults`),
with a stamp per default: a new database gets them all, a changed default reaches a row still as
installed (once), and a reviewer's edit or deletion is never undone."""
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from phrases.lint import defaults
from phrases.lint.models import DefaultStamp, RuleSetting, RulesRevision, Term
from phrases.lint.sync import sync_default_rules

pytestmark = pytest.mark.django_db
MIGRATIONS = Path(defaults.__file__).parent / "migrations"


def _default_terms():
    return {(("" if language == "*" else language), kind, pattern, suggestion or "")
            for language, kinds in defaults.TERMS.items() for kind, entries in kinds.items()
            for pattern, suggestion in entries}


def test_a_fresh_database_has_every_default_rule_and_term_with_its_stamp():
    assert {(r.rule, r.language, r.severity, r.limit) for r in RuleSetting.objects.all()} == {
        (rule, "", severity, limit) for rule, (severity, limit, _) in defaults.RULES.items()}
    assert set(Term.objects.values_list("language", "kind", "pattern", "suggestion")) == _default_terms()
    assert DefaultStamp.objects.count() == len(defaults.RULES) + len(_default_terms())
    assert RulesRevision.current() == 1


def test_a_second_sync_changes_nothing():
    report = sync_default_rules()
    assert not report.changed and RulesRevision.current() == 1


def test_a_changed_default_reaches_an_unedited_rule_once(monkeypatch):
    severity, limit, description = defaults.RULES["too-many-emoji"]
    monkeypatch.setitem(defaults.RULES, "too-many-emoji", (severity, limit + 3, description))
    report = sync_default_rules()
    assert report.updated == [("rule", "", "too-many-emoji", "")]
    assert RuleSetting.objects.get(rule="too-many-emoji").limit == limit + 3
    assert RulesRevision.current() == 2
    # A reviewer then sets it back: the same default is not offered again.
    RuleSetting.objects.filter(rule="too-many-emoji").update(limit=limit)
    assert not sync_default_rules().changed
    assert RuleSetting.objects.get(rule="too-many-emoji").limit == limit


def test_a_reviewers_edit_survives_a_changed_default(monkeypatch):
    setting = RuleSetting.objects.get(rule="too-many-emoji")
    setting.severity = "error"  # the reviewer's tuning, through the model as the admin saves it
    setting.save()
    severity, limit, description = defaults.RULES["too-many-emoji"]
    monkeypatch.setitem(defaults.RULES, "too-many-emoji", (severity, limit + 3, description))
    report = sync_default_rules()
    assert report.kept == [("rule", "", "too-many-emoji", "")] and not report.changed
    setting.refresh_from_db()
    assert (setting.severity, setting.limit) == ("error", limit)


def test_a_reworded_default_term_replaces_the_unedited_one_and_spares_the_edited_one(monkeypatch):
    kinds = defaults.TERMS["en"]
    (first, first_suggestion), (second, second_suggestion), *rest = kinds["abbreviation"]
    Term.objects.filter(language="en", kind="abbreviation", pattern=second).update(suggestion="a reviewer's word")
    monkeypatch.setitem(kinds, "abbreviation", [(first + "|firstnew", first_suggestion),
                                                (second + "|secondnew", second_suggestion), *rest])
    report = sync_default_rules()
    patterns = set(Term.objects.filter(language="en", kind="abbreviation").values_list("pattern", flat=True))
    assert first not in patterns and first + "|firstnew" in patterns
    assert second in patterns and second + "|secondnew" in patterns  # the edited one stays beside the new
    assert ("term", "en", "abbreviation", second) in report.kept


def test_a_default_a_reviewer_deleted_is_not_brought_back():
    Term.objects.filter(language="en", kind="abbreviation").first().delete()
    count = Term.objects.count()
    assert not sync_default_rules().changed and Term.objects.count() == count


def test_an_older_database_without_stamps_is_adopted_as_it_stands():
    """Installed before the stamps: rows are kept as they are (never overwritten), missing defaults added."""
    DefaultStamp.objects.all().delete()
    RuleSetting.objects.filter(rule="all-caps").update(severity="off")
    Term.objects.filter(language="ru", kind="slang").delete()
    report = sync_default_rules()
    assert RuleSetting.objects.get(rule="all-caps").severity == "off"
    assert {identity[2] for identity in report.created} == {"slang"}
    assert DefaultStamp.objects.count() == len(defaults.RULES) + len(_default_terms())


def test_the_command_reports_what_it_did(monkeypatch):
    severity, limit, description = defaults.RULES["too-long"]
    monkeypatch.setitem(defaults.RULES, "too-long", (severity, limit + 1, description))
    out = StringIO()
    call_command("sync_lint_defaults", stdout=out)
    assert out.getvalue().startswith("0 added, 1 updated, 0 removed; 0 kept")


def test_lint_migrations_import_no_project_code():
    for path in MIGRATIONS.glob("0*.py"):
        imports = re.findall(r"^\s*(?:from|import) (\S+)", path.read_text("utf-8"), flags=re.M)
        assert all(name.split(".")[0] == "django" for name in imports), (path.name, imports)
