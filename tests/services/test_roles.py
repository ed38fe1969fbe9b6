"""Who may do what, enforced in the services (contract section 3)."""
import pytest
from django.core.exceptions import PermissionDenied

from phrases import services
from phrases.models import PhraseStatus

pytestmark = pytest.mark.django_db


def test_operators_cannot_create_edit_or_submit(make_phrase, operator):
    with pytest.raises(PermissionDenied):
        make_phrase(actor=operator)
    phrase = make_phrase()
    with pytest.raises(PermissionDenied):
        services.phrase_update(phrase=phrase, actor=operator, changes={"title": "Другое"})
    with pytest.raises(PermissionDenied):
        services.phrase_submit(phrase=phrase, actor=operator)


@pytest.mark.parametrize("role", ["operator", "writer"])
def test_only_reviewers_approve_reject_and_revert(role, request, make_phrase, writer):
    actor = request.getfixturevalue(role)
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    with pytest.raises(PermissionDenied):
        services.phrase_approve(phrase=phrase, actor=actor)
    with pytest.raises(PermissionDenied):
        services.phrase_reject(phrase=phrase, actor=actor, comment="Нет.")
    with pytest.raises(PermissionDenied):
        services.phrase_revert(phrase=phrase, actor=actor, version_id=phrase.history.last().history_id)
    assert phrase.__class__.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW


def test_reviewers_do_everything_writers_do(make_phrase, reviewer):
    phrase = make_phrase(actor=reviewer)
    phrase = services.phrase_update(phrase=phrase, actor=reviewer, changes={"title": "Срок"})
    phrase = services.phrase_submit(phrase=phrase, actor=reviewer)
    assert services.phrase_approve(phrase=phrase, actor=reviewer).status == PhraseStatus.APPROVED


def test_superuser_may_do_everything_without_a_group(make_phrase, superuser):
    phrase = services.phrase_submit(phrase=make_phrase(actor=superuser), actor=superuser)
    services.phrase_approve(phrase=phrase, actor=superuser)
    services.phrase_delete(phrase=phrase, actor=superuser)


def test_inactive_reviewer_loses_the_role(make_phrase, writer, reviewer):
    reviewer.is_active = False
    reviewer.save()
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    with pytest.raises(PermissionDenied):
        services.phrase_approve(phrase=phrase, actor=reviewer)


def test_only_reviewers_import_files(writer):
    with pytest.raises(PermissionDenied):
        services.library_import({"format": "quickphrases/v1", "topics": [], "phrases": []}, actor=writer)


def test_a_flushed_database_gets_its_role_groups_and_default_rules_back(db):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from phrases.lint import defaults
    from phrases.lint.models import RuleSetting

    reviewers = Group.objects.get(name="reviewers")
    granted = set(reviewers.permissions.values_list("codename", flat=True))
    assert {"change_phrase", "change_rulesetting"} <= granted

    call_command("flush", interactive=False, verbosity=0)

    assert set(Group.objects.values_list("name", flat=True)) == {"operators", "writers", "reviewers"}
    assert set(Group.objects.get(name="reviewers").permissions.values_list("codename", flat=True)) == granted
    assert set(RuleSetting.objects.values_list("rule", flat=True)) == set(defaults.RULES)


def test_reviewers_tuning_survives_a_migrate(db):
    from django.core.management import call_command

    from phrases.lint.models import RuleSetting

    RuleSetting.objects.filter(rule="too-long").delete()
    call_command("migrate", interactive=False, verbosity=0)
    assert not RuleSetting.objects.filter(rule="too-long").exists()
