"""Admin actions run the same transitions as every other door."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from phrases import services
from phrases.models import LivePhrase, Phrase, PhraseStatus

pytestmark = pytest.mark.django_db


def _staff(user):
    user.is_staff = True
    user.save()
    return user


def test_reviewers_still_right_action_restarts_the_review_clock(client, reviewer, make_live_phrase):
    phrase = make_live_phrase()
    Phrase.objects.filter(pk=phrase.pk).update(review_due_at=timezone.localdate() - timedelta(days=2))
    client.force_login(_staff(reviewer))
    client.post(reverse("admin:phrases_phrase_changelist"),
                {"action": "confirm_selected", "_selected_action": [phrase.pk]})
    assert Phrase.objects.get(pk=phrase.pk).review_due_at > timezone.localdate()
    assert phrase.history.first().history_change_reason == "Reviewed, still right"


def test_admin_approval_is_blocked_by_an_error_until_a_reviewer_dismisses_it(client, reviewer, writer, make_phrase):
    phrase = services.phrase_submit(phrase=make_phrase(body="{client_name}, спс за ожидание."), actor=writer)
    client.force_login(_staff(reviewer))
    url = reverse("admin:phrases_phrase_changelist")
    client.post(url, {"action": "approve_over_warnings", "_selected_action": [phrase.pk]})
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW
    services.finding_dismiss(phrase=phrase, actor=reviewer, rule="banned-abbreviation", text="спс",
                             reason="Цитата клиента.")
    client.post(url, {"action": "approve_over_warnings", "_selected_action": [phrase.pk]})
    assert LivePhrase.objects.filter(phrase=phrase).exists()
