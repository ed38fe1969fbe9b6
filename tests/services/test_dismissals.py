"""A reviewer overrules one brand-voice finding: recorded in history, kept by a re-lint while the
flagged words stay, ended by an edit of those words."""
import pytest
from django.core.exceptions import PermissionDenied

from phrases import services
from phrases.errors import IllegalTransition, LintBlocked, PhraseValidationError
from phrases.models import FindingDismissal, LivePhrase, PhraseStatus

pytestmark = pytest.mark.django_db

FLAGGED = "{client_name}, спс за ожидание."  # «спс»: a banned abbreviation in every version of the linter


@pytest.fixture
def flagged_in_review(make_phrase, writer):
    phrase = make_phrase(body=FLAGGED)
    return services.phrase_submit(phrase=phrase, actor=writer)


def _finding(phrase, rule="banned-abbreviation"):
    phrase.refresh_from_db()
    return next(f for f in phrase.lint_findings if f["rule"] == rule)


def test_error_finding_blocks_approval_until_a_reviewer_dismisses_it(flagged_in_review, reviewer):
    with pytest.raises(LintBlocked):
        services.phrase_approve(phrase=flagged_in_review, actor=reviewer, acknowledge_warnings=True)
    services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, rule="banned-abbreviation", text="спс",
                             reason="Цитата клиента, так и задумано.")
    phrase = services.phrase_approve(phrase=flagged_in_review, actor=reviewer, acknowledge_warnings=True)
    assert phrase.status == PhraseStatus.APPROVED
    assert LivePhrase.objects.get(key=phrase.key).body == FLAGGED
    assert "dismissed findings: banned-abbreviation" in phrase.history.first().history_change_reason


def test_dismissal_is_a_version_saying_rule_words_reason_and_reviewer(flagged_in_review, reviewer):
    revision = flagged_in_review.revision
    services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, rule="banned-abbreviation", text="спс",
                             reason="Цитата клиента.")
    version = flagged_in_review.history.first()
    assert version.history_user == reviewer
    assert version.history_change_reason == (
        f"Dismissed finding banned-abbreviation on «спс» ({reviewer.username}): Цитата клиента.")
    finding = _finding(flagged_in_review)
    assert finding["dismissed"]["by"] == reviewer.username and finding["dismissed"]["reason"] == "Цитата клиента."
    flagged_in_review.refresh_from_db()
    assert flagged_in_review.revision == revision + 1


def test_dismissal_by_span_finds_the_same_words(flagged_in_review, reviewer):
    finding = _finding(flagged_in_review)
    dismissal = services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, rule="banned-abbreviation",
                                         start=finding["start"], end=finding["end"], reason="Так и задумано.")
    assert dismissal.text == "спс"


def test_dismissal_survives_a_relint_while_the_flagged_words_stay(flagged_in_review, writer, reviewer):
    services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, rule="banned-abbreviation", text="спс",
                             reason="Так и задумано.")
    # The writer edits another part of the text and resubmits: the linter runs again.
    services.phrase_update(phrase=flagged_in_review, actor=writer,
                           changes={"body": "{client_name}, спс за терпение и ожидание."})
    phrase = services.phrase_submit(phrase=flagged_in_review, actor=writer)
    assert _finding(phrase)["dismissed"] is not None
    assert services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True).status == "approved"


def test_an_edit_of_the_flagged_words_ends_the_dismissal(make_phrase, writer, reviewer):
    phrase = services.phrase_submit(phrase=make_phrase(body="{client_name}, спс за ожидание."), actor=writer)
    services.finding_dismiss(phrase=phrase, actor=reviewer, rule="banned-abbreviation", text="спс",
                             reason="Так и задумано.")
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "{client_name}, пжлст, подождите."})
    phrase = services.phrase_submit(phrase=phrase, actor=writer)
    assert _finding(phrase)["dismissed"] is None
    with pytest.raises(LintBlocked):
        services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)


def test_a_dismissed_warning_counts_as_acknowledged(make_phrase, writer, reviewer):
    # Lowercase «вы»: flagged in every linter version; as a warning here, after the rule's tuning.
    from phrases.lint.models import RuleSetting

    RuleSetting.objects.update_or_create(rule="lowercase-formal-you", language="ru",
                                         defaults={"severity": "warning"})
    phrase = services.phrase_submit(phrase=make_phrase(body="Спасибо, что вы ждёте."), actor=writer)
    warnings = [f for f in phrase.lint_findings if f["severity"] == "warning"]
    for finding in warnings:
        services.finding_dismiss(phrase=phrase, actor=reviewer, rule=finding["rule"], start=finding["start"],
                                 end=finding["end"], reason="Допустимо в этом тексте.")
    assert services.phrase_approve(phrase=phrase, actor=reviewer).status == PhraseStatus.APPROVED


def test_only_reviewers_dismiss_and_only_with_a_reason_and_a_real_finding(flagged_in_review, writer, reviewer):
    with pytest.raises(PermissionDenied):
        services.finding_dismiss(phrase=flagged_in_review, actor=writer, rule="banned-abbreviation", text="спс",
                                 reason="Хочу.")
    for kwargs, field in (({"rule": "banned-abbreviation", "text": "спс", "reason": "  "}, "reason"),
                          ({"rule": "slang", "text": "спс", "reason": "Нет."}, "rule"),
                          ({"rule": "banned-abbreviation", "text": "ожидание", "reason": "Нет."}, "text"),
                          ({"rule": "banned-abbreviation", "start": 0, "end": 3, "reason": "Нет."}, "start"),
                          ({"rule": "banned-abbreviation", "reason": "Нет."}, "text")):
        with pytest.raises(PhraseValidationError) as error:
            services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, **kwargs)
        assert field in error.value.message_dict
    assert not FindingDismissal.objects.exists()


def test_dismissing_twice_is_refused_and_withdrawing_makes_the_error_block_again(flagged_in_review, reviewer):
    dismissal = services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, rule="banned-abbreviation",
                                         text="спс", reason="Так и задумано.")
    with pytest.raises(IllegalTransition):
        services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, rule="banned-abbreviation", text="спс",
                                 reason="Ещё раз.")
    services.finding_dismissal_withdraw(phrase=flagged_in_review, actor=reviewer, dismissal_id=dismissal.pk)
    assert "Withdrew the dismissal" in flagged_in_review.history.first().history_change_reason
    with pytest.raises(LintBlocked):
        services.phrase_approve(phrase=flagged_in_review, actor=reviewer, acknowledge_warnings=True)


def test_refusals_speak_the_users_language(flagged_in_review, reviewer):
    from django.utils import translation

    for language, expected in (("ru", "Пожалуйста, объясните"), ("pl", "Proszę wyjaśnić")):
        with translation.override(language), pytest.raises(PhraseValidationError) as error:
            services.finding_dismiss(phrase=flagged_in_review, actor=reviewer, rule="banned-abbreviation",
                                     text="спс", reason="")
        assert expected in error.value.message_dict["reason"][0]


def test_a_long_flagged_span_is_stored_within_the_column_and_still_matches_only_itself():
    from phrases.services.findings import TEXT_MAX_LENGTH, flagged_text

    body = "Очень длинный текст. " * 60
    whole = {"start": 0, "end": len(body)}
    stored = flagged_text(body, whole)
    assert len(stored) <= TEXT_MAX_LENGTH and stored == flagged_text(body, whole)
    assert flagged_text(body + "!", {"start": 0, "end": len(body) + 1}) != stored
