"""The review workflow: draft → in_review → approved, archived, and what operators see."""
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from phrases import services
from phrases.errors import IllegalTransition, LintBlocked, PhraseValidationError, StaleRevision
from phrases.models import LiveChange, LivePhrase, Phrase, PhraseStatus

pytestmark = pytest.mark.django_db


def test_new_phrase_is_a_draft_owned_by_its_writer_and_not_live(make_phrase, writer):
    phrase = make_phrase()
    assert phrase.status == PhraseStatus.DRAFT
    assert phrase.owner == writer
    assert not LivePhrase.objects.filter(key=phrase.key).exists()


def test_submit_moves_draft_to_review_and_stores_lint_findings(make_phrase, writer):
    phrase = make_phrase(body="спс за ожидание")
    phrase = services.phrase_submit(phrase=phrase, actor=writer)
    assert phrase.status == PhraseStatus.IN_REVIEW
    assert "banned-abbreviation" in {f["rule"] for f in phrase.lint_findings}
    version = phrase.history.first()
    assert version.status == PhraseStatus.IN_REVIEW
    assert version.lint_findings == phrase.lint_findings


def test_approve_makes_text_live_and_stamps_review(make_phrase, writer, reviewer, settings):
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 30
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    phrase = services.phrase_approve(phrase=phrase, actor=reviewer)
    assert phrase.status == PhraseStatus.APPROVED
    assert phrase.reviewed_by == reviewer
    assert abs(phrase.reviewed_at - timezone.now()) < timedelta(minutes=1)
    assert phrase.review_due_at == (phrase.reviewed_at + timedelta(days=30)).date()
    live = LivePhrase.objects.get(key=phrase.key)
    assert live.body == phrase.body
    assert live.approved_by == reviewer
    assert live.version == phrase.history.first().history_id
    assert LiveChange.objects.filter(key=phrase.key, action="upsert").count() == 1


def test_review_interval_comes_from_settings(make_phrase, writer, reviewer, settings):
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 7
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    phrase = services.phrase_approve(phrase=phrase, actor=reviewer)
    assert phrase.review_due_at == (phrase.reviewed_at + timedelta(days=7)).date()


def test_edit_of_approved_phrase_leaves_live_text_untouched(make_live_phrase, writer):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    changes_before = LiveChange.objects.count()
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Одну минуту, проверяю."})
    assert phrase.status == PhraseStatus.DRAFT
    assert Phrase.objects.get(pk=phrase.pk).body == "Одну минуту, проверяю."
    assert LivePhrase.objects.get(key=phrase.key).body == "Одну минуту, пожалуйста."
    assert LiveChange.objects.count() == changes_before


def test_approving_the_new_text_replaces_the_live_text(make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Одну минуту, проверяю."})
    phrase = services.phrase_submit(phrase=phrase, actor=writer)
    assert LivePhrase.objects.get(key=phrase.key).body == "Одну минуту, пожалуйста."
    services.phrase_approve(phrase=phrase, actor=reviewer)
    assert LivePhrase.objects.get(key=phrase.key).body == "Одну минуту, проверяю."


def test_reject_needs_a_comment_and_returns_phrase_to_draft(make_phrase, writer, reviewer):
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    with pytest.raises(PhraseValidationError) as error:
        services.phrase_reject(phrase=phrase, actor=reviewer, comment="  ")
    assert "comment" in error.value.message_dict
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW
    phrase = services.phrase_reject(phrase=phrase, actor=reviewer, comment="Добавьте имя клиента.")
    assert phrase.status == PhraseStatus.DRAFT
    assert phrase.review_comment == "Добавьте имя клиента."
    assert phrase.history.first().history_change_reason == "Rejected: Добавьте имя клиента."


def test_rejecting_an_edit_keeps_the_old_live_text(make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Минуту."})
    phrase = services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_reject(phrase=phrase, actor=reviewer, comment="Слишком сухо.")
    assert LivePhrase.objects.get(key=phrase.key).body == "Одну минуту, пожалуйста."


def test_archive_removes_the_live_text_and_restore_brings_back_a_draft(make_live_phrase, reviewer, writer):
    phrase = make_live_phrase()
    phrase = services.phrase_archive(phrase=phrase, actor=reviewer)
    assert phrase.status == PhraseStatus.ARCHIVED
    assert not LivePhrase.objects.filter(key=phrase.key).exists()
    assert LiveChange.objects.filter(key=phrase.key).last().action == "delete"
    phrase = services.phrase_restore(phrase=phrase, actor=writer)
    assert phrase.status == PhraseStatus.DRAFT
    assert not LivePhrase.objects.filter(key=phrase.key).exists()


def test_writer_cannot_archive_a_live_phrase_but_can_archive_a_draft(make_live_phrase, make_phrase, writer):
    with pytest.raises(PermissionDenied):
        services.phrase_archive(phrase=make_live_phrase(), actor=writer)
    draft = services.phrase_archive(phrase=make_phrase(), actor=writer)
    assert draft.status == PhraseStatus.ARCHIVED


def test_hard_delete_is_for_superusers_and_withdraws_live_text(make_live_phrase, reviewer, superuser):
    phrase = make_live_phrase()
    with pytest.raises(PermissionDenied):
        services.phrase_delete(phrase=phrase, actor=reviewer)
    services.phrase_delete(phrase=phrase, actor=superuser)
    assert not Phrase.objects.filter(key=phrase.key).exists()
    assert LiveChange.objects.filter(key=phrase.key).last().action == "delete"
    assert Phrase.history.filter(key=phrase.key).first().history_type == "-"


@pytest.mark.parametrize(
    "status, step",
    [
        ("draft", "approve"), ("draft", "reject"), ("draft", "restore"),
        ("in_review", "submit"), ("in_review", "restore"),
        ("approved", "submit"), ("approved", "approve"), ("approved", "reject"), ("approved", "restore"),
        ("archived", "submit"), ("archived", "approve"), ("archived", "reject"), ("archived", "archive"),
        ("archived", "edit"), ("archived", "revert"),
    ],
)
def test_illegal_transitions_raise_and_change_nothing(status, step, make_phrase, writer, reviewer):
    phrase = make_phrase()
    if status in ("in_review", "approved"):
        phrase = services.phrase_submit(phrase=phrase, actor=writer)
    if status == "approved":
        phrase = services.phrase_approve(phrase=phrase, actor=reviewer)
    if status == "archived":
        phrase = services.phrase_archive(phrase=phrase, actor=reviewer)
    versions = phrase.history.count()
    calls = {
        "submit": lambda: services.phrase_submit(phrase=phrase, actor=reviewer),
        "approve": lambda: services.phrase_approve(phrase=phrase, actor=reviewer),
        "reject": lambda: services.phrase_reject(phrase=phrase, actor=reviewer, comment="Нет."),
        "restore": lambda: services.phrase_restore(phrase=phrase, actor=reviewer),
        "archive": lambda: services.phrase_archive(phrase=phrase, actor=reviewer),
        "edit": lambda: services.phrase_update(phrase=phrase, actor=reviewer, changes={"title": "Новое"}),
        "revert": lambda: services.phrase_revert(phrase=phrase, actor=reviewer,
                                                 version_id=phrase.history.last().history_id),
    }
    with pytest.raises(IllegalTransition) as error:
        calls[step]()
    assert phrase.key in str(error.value)
    fresh = Phrase.objects.get(pk=phrase.pk)
    assert fresh.status == status
    assert fresh.history.count() == versions


def test_editing_a_phrase_in_review_sends_it_back_to_draft(make_phrase, writer):
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Когда привезут"})
    assert phrase.status == PhraseStatus.DRAFT


def test_an_edit_that_changes_nothing_makes_no_version(make_phrase, writer):
    phrase = make_phrase()
    versions = phrase.history.count()
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": phrase.title})
    assert phrase.history.count() == versions


def test_stale_expected_revision_is_refused_and_changes_nothing(make_phrase, writer):
    phrase = make_phrase()
    seen = phrase.revision
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Первая правка"})
    with pytest.raises(StaleRevision):
        services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Вторая правка"},
                               expected_revision=seen)
    assert Phrase.objects.get(pk=phrase.pk).title == "Первая правка"


def test_partial_edits_from_two_stale_copies_both_survive(make_phrase, writer, reviewer):
    first_copy = make_phrase()
    second_copy = Phrase.objects.get(pk=first_copy.pk)
    services.phrase_update(phrase=first_copy, actor=writer, changes={"title": "Новый заголовок"})
    services.phrase_update(phrase=second_copy, actor=reviewer, changes={"keywords": ["когда привезут"]})
    fresh = Phrase.objects.get(pk=first_copy.pk)
    assert fresh.title == "Новый заголовок"
    assert fresh.keywords == ["когда привезут"]


def test_lint_errors_block_approval(make_phrase, writer, reviewer):
    phrase = services.phrase_submit(phrase=make_phrase(body="{client_name}, я не знаю, когда привезут заказ."),
                                    actor=writer)
    with pytest.raises(LintBlocked) as error:
        services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)
    assert "i-dont-know" in {f["rule"] for f in error.value.findings}
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW
    assert not LivePhrase.objects.filter(key=phrase.key).exists()
