"""Variants that never drift apart: a changed approved text marks the family's other variants
"may be outdated" until they are updated and approved, or a reviewer confirms them."""
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from phrases import services
from phrases.errors import IllegalTransition
from phrases.models import DriftMark, Phrase
from phrases.services.workflow import phrase_confirm_variant
from reminders.services import send_review_reminders

pytestmark = pytest.mark.django_db

EN = {"title": "One minute", "body": "One moment, please."}
PL = {"title": "Chwileczkę", "body": "Chwileczkę, proszę."}


@pytest.fixture
def family(make_live_phrase):
    ru = make_live_phrase(key="hold-minute-ru", family="hold-minute", title="Минутку", body="Одну минуту, пожалуйста.")
    en = make_live_phrase(key="hold-minute-en", family="hold-minute", language="en", **EN)
    pl = make_live_phrase(key="hold-minute-pl", family="hold-minute", language="pl", **PL)
    return ru, en, pl


def _change_and_approve(phrase, writer, reviewer, **changes):
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes=changes)
    services.phrase_submit(phrase=phrase, actor=writer)
    return services.phrase_approve(phrase=Phrase.objects.get(pk=phrase.pk), actor=reviewer, acknowledge_warnings=True)


def test_new_variants_mark_nothing(family):
    assert DriftMark.objects.count() == 0


def test_approving_a_changed_russian_variant_marks_english_and_polish_with_the_diff(family, writer, reviewer):
    ru, en, pl = family
    _change_and_approve(ru, writer, reviewer, body="Одну минуту, пожалуйста, я проверю заказ.")
    marks = {mark.phrase.key: mark for mark in DriftMark.objects.select_related("phrase", "source")}
    assert set(marks) == {"hold-minute-en", "hold-minute-pl"}
    assert marks["hold-minute-en"].source.key == "hold-minute-ru"
    assert marks["hold-minute-en"].changes == {"body": ["Одну минуту, пожалуйста.",
                                                        "Одну минуту, пожалуйста, я проверю заказ."]}


def test_an_edit_not_yet_approved_marks_nothing(family, writer):
    ru, _en, _pl = family
    services.phrase_update(phrase=ru, actor=writer, changes={"body": "Совсем другой текст."})
    assert DriftMark.objects.count() == 0


def test_confirming_still_right_clears_the_mark_and_keeps_the_text(family, writer, reviewer):
    ru, en, _pl = family
    _change_and_approve(ru, writer, reviewer, body="Одну минуту, пожалуйста, я проверю заказ.")
    with pytest.raises(PermissionDenied):
        phrase_confirm_variant(phrase=en, actor=writer)
    confirmed = phrase_confirm_variant(phrase=Phrase.objects.get(pk=en.pk), actor=reviewer)
    assert not DriftMark.objects.filter(phrase=en).exists()
    assert DriftMark.objects.filter(phrase__key="hold-minute-pl").exists()
    assert confirmed.body == EN["body"] and confirmed.status == "approved"
    assert confirmed.history.first().version_action["action"] == "confirm_variant"
    with pytest.raises(IllegalTransition):
        phrase_confirm_variant(phrase=Phrase.objects.get(pk=en.pk), actor=reviewer)


def test_updating_the_variant_clears_its_mark_once_approved(family, writer, reviewer):
    ru, en, pl = family
    _change_and_approve(ru, writer, reviewer, body="Одну минуту, пожалуйста, я проверю заказ.")
    edited = services.phrase_update(phrase=Phrase.objects.get(pk=en.pk), actor=writer,
                                    changes={"body": "One moment, please, I will check the order."})
    assert DriftMark.objects.filter(phrase=en).exists()  # a draft is not yet the family's text
    services.phrase_submit(phrase=edited, actor=writer)
    services.phrase_approve(phrase=Phrase.objects.get(pk=en.pk), actor=reviewer, acknowledge_warnings=True)
    assert not DriftMark.objects.filter(phrase=en).exists()
    # The English change in turn marks Russian and keeps Polish marked (by both variants now).
    assert set(DriftMark.objects.values_list("phrase__key", "source__key")) == {
        ("hold-minute-pl", "hold-minute-ru"), ("hold-minute-pl", "hold-minute-en"),
        ("hold-minute-ru", "hold-minute-en")}


def test_the_mark_shows_in_the_editor_list_and_health_and_the_reviewer_confirms_there(
        client, family, writer, reviewer):
    ru, en, _pl = family
    _change_and_approve(ru, writer, reviewer, body="Одну минуту, пожалуйста, я проверю заказ.")
    client.force_login(writer)
    editor = client.get("/phrases/hold-minute-en/").content.decode()
    assert "May be outdated" in editor and "я проверю заказ" in editor and "still-right" not in editor
    listed = client.get("/phrases/", {"outdated": "1"}).content.decode()
    assert "hold-minute-en" in listed and "hold-minute-pl" in listed and "hold-minute-ru" not in listed
    health = client.get("/health/").content.decode()
    assert "Language variants that may be outdated" in health and "hold-minute-en" in health
    client.force_login(reviewer)
    editor = client.get("/phrases/hold-minute-en/").content.decode()
    assert "/phrases/hold-minute-en/still-right/" in editor
    answer = client.post("/phrases/hold-minute-en/still-right/", {"revision": Phrase.objects.get(pk=en.pk).revision})
    assert answer.status_code == 302
    assert not DriftMark.objects.filter(phrase=en).exists()


def test_the_review_digest_lists_the_marked_variants(family, writer, reviewer, settings):
    ru, en, pl = family
    Phrase.objects.filter(pk__in=[en.pk, pl.pk]).update(owner=reviewer)
    reviewer.email = "roman@example.com"
    reviewer.save()
    _change_and_approve(ru, writer, reviewer, body="Одну минуту, пожалуйста, я проверю заказ.")
    run = send_review_reminders(as_of=timezone.localdate() + timedelta(days=1))
    assert len(run.sent) == 1
    message = next(m for m in mail.outbox if m.to == ["roman@example.com"])
    assert "may be outdated" in message.subject
    assert "hold-minute-en" in message.body and "hold-minute-pl" in message.body and "hold-minute-ru" in message.body


def test_an_import_that_changes_a_variants_approved_text_marks_the_others(family):
    from phrases.services.library_import import library_import

    entry = {"key": "hold-minute-ru", "title": "Минутку", "body": "Одну минуту, я уточню.", "topic": "delivery",
             "language": "ru", "family": "hold-minute", "status": "approved"}
    library_import({"format": "quickphrases/v1", "topics": [{"slug": "delivery", "name": "Доставка", "parent": None}],
                    "phrases": [entry]})
    assert set(DriftMark.objects.values_list("phrase__key", flat=True)) == {"hold-minute-en", "hold-minute-pl"}
