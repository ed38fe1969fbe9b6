"""Reviewers see how often each rule is overruled; the new term kinds reach existing databases."""
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from phrases.lint import lint_text
from phrases.lint.defaults import RULES
from phrases.lint.models import RuleSetting, RulesRevision, Term
from phrases.models import FindingDismissal

pytestmark = pytest.mark.django_db

terms_migration = importlib.import_module("phrases.lint.migrations.0004_blame_and_redirect_terms")


def _dismiss(phrase, rule, text, user):
    return FindingDismissal.objects.create(phrase=phrase, rule=rule, text=text, reason="Fine here", dismissed_by=user)


@pytest.fixture
def admin_client(client, reviewer):
    reviewer.is_staff = True
    reviewer.save()
    client.force_login(reviewer)
    return client


def _counts(response):
    return {(setting.rule, setting.language): setting.dismissal_count
            for setting in response.context["cl"].result_list}


def test_rule_settings_show_how_many_findings_reviewers_dismissed(admin_client, make_phrase, reviewer):
    russian, english = make_phrase(language="ru"), make_phrase(language="en", body="Hello {client_name}.")
    _dismiss(russian, "all-caps", "ОЧЕНЬ", reviewer)
    _dismiss(english, "all-caps", "VERY", reviewer)
    _dismiss(russian, "slang", "норм", reviewer)
    RuleSetting.objects.create(rule="all-caps", language="ru", severity="warning", limit=4)

    response = admin_client.get(reverse("admin:lint_rulesetting_changelist"))
    counts = _counts(response)
    assert counts[("all-caps", "")] == 2   # every language
    assert counts[("all-caps", "ru")] == 1  # the Russian override: Russian phrases only
    assert counts[("slang", "")] == 1 and counts[("cliche", "")] == 0
    assert "dismissed findings" in response.content.decode().lower()
    in_russian = admin_client.get(reverse("admin:lint_rulesetting_changelist"), HTTP_ACCEPT_LANGUAGE="ru")
    assert "отклонённые замечания" in in_russian.content.decode().lower()


def test_rule_settings_sort_by_dismissals(admin_client, make_phrase, reviewer):
    phrase = make_phrase()
    for text in ("ОЧЕНЬ", "ВАЖНО", "СРОЧНО"):
        _dismiss(phrase, "all-caps", text, reviewer)
    _dismiss(phrase, "slang", "норм", reviewer)
    listing = admin_client.get(reverse("admin:lint_rulesetting_changelist"))
    index = list(listing.context["cl"].list_display).index("dismissals")
    ordered = admin_client.get(reverse("admin:lint_rulesetting_changelist") + f"?o=-{index}")
    rules = [setting.rule for setting in ordered.context["cl"].result_list]
    assert rules[:2] == ["all-caps", "slang"]


def test_migration_swaps_old_default_terms_but_keeps_reviewers_tuning():
    # A database as the previous release left it: the old defaults, one tuned, one added by a reviewer.
    Term.objects.filter(kind__in=["third-party", "fault", "disown", "request", "call", "contact", "visit",
                                  "channel", "venue", "chat", "redirect", "blame"]).delete()
    old_rows = [Term(language=language, kind=kind, pattern=pattern, suggestion=suggestion)
                for language, kind, pattern, suggestion in terms_migration.REMOVED]
    Term.objects.bulk_create(old_rows)
    broad, tuned = terms_migration.REMOVED[0], terms_migration.REMOVED[1]
    Term.objects.filter(language=tuned[0], kind=tuned[1], pattern=tuned[2]).update(suggestion="our own advice")
    Term.objects.create(language="ru", kind="blame", pattern="это\\s+всё\\s+почта", suggestion="")
    revision = RulesRevision.current()

    terms_migration.install_sentence_terms(apps, None)

    assert not Term.objects.filter(language=broad[0], kind=broad[1], pattern=broad[2]).exists()
    assert Term.objects.get(language=tuned[0], kind=tuned[1], pattern=tuned[2]).suggestion == "our own advice"
    assert Term.objects.filter(pattern="это\\s+всё\\s+почта").exists()
    for language, kind, pattern, _ in terms_migration.ADDED:
        assert Term.objects.filter(language=language, kind=kind, pattern=pattern).exists()
    assert RulesRevision.current() > revision
    assert "blame-shift" in {f.rule for f in lint_text("Коллеги из отдела возвратов потеряли Вашу заявку.", "ru")}


def test_migration_does_not_bring_back_a_default_a_reviewer_deleted():
    language, kind, pattern, _ = terms_migration.ADDED[0]
    Term.objects.filter(language=language, kind=kind, pattern=pattern).delete()
    # Only terms that are new in this release are added; a fresh database already has them all.
    terms_migration.install_sentence_terms(apps, None)
    assert Term.objects.filter(language=language, kind=kind, pattern=pattern).count() == 1
    terms_migration.install_sentence_terms(apps, None)
    assert Term.objects.filter(language=language, kind=kind, pattern=pattern).count() == 1


def test_fresh_database_has_every_default_term_and_new_descriptions():
    assert Term.objects.filter(kind="third-party", language="pl").exists()
    assert RuleSetting.objects.get(rule="blame-shift", language="").description == RULES["blame-shift"][2]


linear_migration = importlib.import_module("phrases.lint.migrations.0005_linear_time_term_patterns")


def test_linear_time_migration_rewrites_untouched_defaults_and_adds_new_terms():
    from phrases.lint.patterns import check_term_pattern

    old_language, old_kind, old_pattern, new_pattern, suggestion = linear_migration.REWRITES[1]
    Term.objects.filter(language=old_language, kind=old_kind, pattern=new_pattern).delete()
    Term.objects.create(language=old_language, kind=old_kind, pattern=old_pattern, suggestion=suggestion)
    added = linear_migration.ADDED[0]
    Term.objects.filter(language=added[0], kind=added[1], pattern=added[2]).delete()
    linear_migration.to_linear_patterns(apps, None)
    assert not Term.objects.filter(pattern=old_pattern).exists()
    assert Term.objects.filter(language=old_language, kind=old_kind, pattern=new_pattern).exists()
    assert Term.objects.filter(language=added[0], kind=added[1], pattern=added[2]).exists()
    for pattern in Term.objects.exclude(kind="acronym").values_list("pattern", flat=True):
        check_term_pattern(pattern.replace("{third-party}", "(?:party)"))
