"""Every edit is a version with author, time and reason; versions diff and revert."""
import pytest

from phrases import selectors, services
from phrases.errors import PhraseValidationError
from phrases.models import LivePhrase, PhraseStatus

pytestmark = pytest.mark.django_db


def test_each_write_is_a_version_with_author_and_reason(make_phrase, writer, reviewer):
    phrase = make_phrase()
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Когда привезут"},
                           reason="Clients ask it this way")
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_approve(phrase=phrase, actor=reviewer)
    versions = list(phrase.history.order_by("history_id"))
    assert [(v.history_user, v.history_change_reason) for v in versions] == [
        (writer, "Created"),
        (writer, "Clients ask it this way"),
        (writer, "Submitted for review"),
        (reviewer, "Approved"),
    ]
    assert all(v.history_date for v in versions)


def test_versions_list_field_diffs_against_the_previous_version(make_phrase, writer):
    phrase = make_phrase(title="Сроки")
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Сроки доставки", "keywords": ["срок"]})
    newest, *_, oldest = selectors.phrase_versions(phrase)
    assert {c["field"]: (c["old"], c["new"]) for c in newest["changes"]} == {
        "title": ("Сроки", "Сроки доставки"),
        "keywords": ([], ["срок"]),
    }
    assert {c["field"] for c in oldest["changes"]} >= {"title", "body", "topic"}


def test_revert_restores_old_text_as_a_new_draft_version(make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    original = phrase.history.first().history_id
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Минутку."})
    phrase = services.phrase_submit(phrase=phrase, actor=writer)
    phrase = services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)
    count = phrase.history.count()
    phrase = services.phrase_revert(phrase=phrase, actor=reviewer, version_id=original)
    assert phrase.body == "Одну минуту, пожалуйста."
    assert phrase.history.count() == count + 1
    assert phrase.history.first().history_change_reason == f"Reverted to version {original}"
    # History is never rewritten: the reverted-from version is still there.
    assert phrase.history.filter(body="Минутку.").exists()
    # The restored text is an edit like any other: the live text moves only on approval.
    assert phrase.status == PhraseStatus.DRAFT
    assert LivePhrase.objects.get(key=phrase.key).body == "Минутку."


def test_reverting_to_exactly_the_live_text_leaves_nothing_to_review(make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    live_version = phrase.history.first().history_id
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Черновик."})
    phrase = services.phrase_revert(phrase=phrase, actor=reviewer, version_id=live_version)
    assert phrase.status == PhraseStatus.APPROVED


def test_revert_to_unknown_version_names_the_field(make_phrase, reviewer):
    phrase = make_phrase()
    with pytest.raises(PhraseValidationError) as error:
        services.phrase_revert(phrase=phrase, actor=reviewer, version_id=999999)
    assert "version" in error.value.message_dict
    assert phrase.key in str(error.value)


def test_live_text_as_of_a_date_via_history(make_live_phrase, writer, reviewer):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    approved_at = phrase.reviewed_at
    phrase = services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Минутку, проверяю."})
    assert phrase.history.as_of(approved_at).body == "Одну минуту, пожалуйста."
