"""/health/: the review cycle's figures for writers and reviewers, and the "still right" button."""
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from phrases import services
from phrases.models import FindingDismissal, LivePhrase, PhraseUse
from reminders.selectors import review_health
from reminders.services import send_review_reminders

pytestmark = pytest.mark.django_db
HEALTH = "/health/"


@pytest.fixture
def library(make_live_phrase, make_phrase, writer_with_address, operator, due_day, settings):
    """Two overdue phrases (one reminded), one due in three days, one draft, one flagged, usage."""
    overdue_a = make_live_phrase(key="overdue-a", title="Overdue A")
    overdue_b = make_live_phrase(key="overdue-b", title="Overdue B", shortcut="/ob")
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 3
    soon = make_live_phrase(key="soon", title="Soon due", shortcut="/soon")
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 60
    later = make_live_phrase(key="later", title="Later", shortcut="/later")
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 30
    make_phrase(key="draft-one", title="A draft")
    later.lint_findings = [{"rule": "cliche", "severity": "warning", "message": "", "start": 0, "end": 3}]
    later.save()
    overdue_a.lint_findings = [{"rule": "all-caps", "severity": "warning", "message": "", "start": 0, "end": 3}]
    overdue_a.save()
    FindingDismissal.objects.create(phrase=overdue_a, rule="all-caps", text=overdue_a.body[0:3], reason="brand")
    for _ in range(4):
        PhraseUse.objects.create(phrase=later, user=operator)
    PhraseUse.objects.create(phrase=soon, user=operator)
    return {"overdue_a": overdue_a, "overdue_b": overdue_b, "soon": soon, "later": later}


def test_figures_count_due_overdue_unused_flagged_unapproved_and_unanswered(library, due_day):
    with freeze_time(due_day - timedelta(days=26)):
        send_review_reminders()  # "soon" (3-day interval) is overdue by then and reminded
    with freeze_time(due_day):
        health = review_health()

    assert health.overdue == 3  # overdue-a, overdue-b, soon
    assert health.reminded == 1  # soon: reminded, not reviewed since
    assert health.flagged == 1  # later's cliché; overdue-a's finding was dismissed
    assert health.unapproved == 1
    assert health.digests_sent_30d == 1


def test_figures_today(library):
    health = review_health()
    assert health.due_week == 1 and health.overdue == 0
    assert health.unused == 0  # overdue-a and overdue-b were never used, but went live only today
    assert [p.key for p in health.most_used] == ["later", "soon"]
    assert health.least_used == []  # both used phrases are already the most used: no repeat


def test_unused_counts_from_when_the_phrase_went_live(library):
    with freeze_time(timezone.now() + timedelta(days=29)):
        assert review_health().unused == 0
    with freeze_time(timezone.now() + timedelta(days=31)):
        assert review_health().unused == 4  # live for 31 days; the uses were 31 days ago


def test_least_used_never_repeats_the_most_used(library, make_live_phrase, operator):
    extra = [make_live_phrase(key=f"extra-{n}", title=f"Extra {n}") for n in range(5)]
    for n, phrase in enumerate(extra):
        for _ in range(n + 2):
            PhraseUse.objects.create(phrase=phrase, user=operator)
    health = review_health(most=5)
    most, least = [p.key for p in health.most_used], [p.key for p in health.least_used]
    assert not set(most) & set(least)
    assert least == ["soon", "extra-0"]  # the 7 used phrases: 5 most used, the 2 others least used


def test_health_page_links_each_figure_to_the_phrase_list(client, writer, library):
    client.force_login(writer)
    response = client.get(HEALTH)
    assert response.status_code == 200
    html = response.content.decode()
    for query in ("due=week", "overdue=1", "unused=1", "flagged=1", "unapproved=1", "reminded=1"):
        assert f'href="/phrases/?{query}"' in html
    assert 'href="/phrases/later/"' in html


def test_health_page_query_count_is_fixed(client, reviewer, library, django_assert_num_queries, due_day):
    with freeze_time(due_day):
        client.force_login(reviewer)
        client.get(HEALTH)  # warm the session
        # 11 for the page itself, 2 for the missing replies (unanswered messages, most learned phrases),
        # 2 for the navigation's counts (sent back to me, waiting for review), 1 for the variants
        # marked "may be outdated"
        with django_assert_num_queries(16):
            response = client.get(HEALTH)
    assert response.content.decode().count('class="still-right"') == 3


def test_health_page_is_in_russian_for_a_russian_browser(client, writer, library):
    client.force_login(writer)
    response = client.get(HEALTH, HTTP_ACCEPT_LANGUAGE="ru")
    assert "Состояние библиотеки" in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_log_in(client, method):
    response = getattr(client, method)(HEALTH)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_operators_may_not_see_the_health_page(client, operator):
    client.force_login(operator)
    assert client.get(HEALTH).status_code == 403


def test_writers_see_no_still_right_button_and_may_not_confirm(client, writer, library, due_day):
    with freeze_time(due_day):
        client.force_login(writer)
        assert 'class="still-right"' not in client.get(HEALTH).content.decode()
        phrase = library["overdue_a"]
        response = client.post(reverse("reminders:still-right", args=[phrase.key]), {"revision": phrase.revision})
    assert response.status_code == 403
    phrase.refresh_from_db()
    assert phrase.review_due_at == due_day


def test_still_right_is_offered_only_where_the_confirm_action_allows_it(client, reviewer, library, due_day):
    """The button follows ConfirmAction.can(), not a role check of its own: an approved phrase whose
    live text is gone cannot be confirmed as still right, so it gets no button."""
    LivePhrase.objects.filter(phrase=library["overdue_b"]).delete()
    with freeze_time(due_day):
        client.force_login(reviewer)
        page = client.get(HEALTH).content.decode()
    assert 'aria-label="Still right: Overdue A"' in page
    assert "Overdue B" in page and 'aria-label="Still right: Overdue B"' not in page


def test_reviewer_confirms_an_overdue_phrase_with_one_post(client, reviewer, library, due_day):
    phrase = library["overdue_a"]
    with freeze_time(due_day + timedelta(days=2)):
        client.force_login(reviewer)
        response = client.post(reverse("reminders:still-right", args=[phrase.key]),
                               {"revision": phrase.revision}, follow=True)
    assert response.status_code == 200
    phrase.refresh_from_db()
    assert phrase.review_due_at == due_day + timedelta(days=32)
    assert phrase.history.first().history_change_reason == "Reviewed, still right"
    assert "is confirmed as still right" in response.content.decode()


def test_still_right_needs_a_csrf_token(reviewer, library):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewer)
    phrase = library["overdue_a"]
    response = client.post(reverse("reminders:still-right", args=[phrase.key]), {"revision": phrase.revision})
    assert response.status_code == 403
    phrase.refresh_from_db()
    assert phrase.history.first().history_change_reason != "Reviewed, still right"


def test_still_right_on_a_stale_page_changes_nothing(client, reviewer, writer, library):
    phrase = library["overdue_a"]
    seen = phrase.revision
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Edited meanwhile"})
    client.force_login(reviewer)
    response = client.post(reverse("reminders:still-right", args=[phrase.key]), {"revision": seen})
    assert response.status_code == 409
    assert "nothing was confirmed" in response.content.decode()
    phrase.refresh_from_db()
    assert phrase.status == "draft" and phrase.history.first().history_change_reason != "Reviewed, still right"


@pytest.mark.parametrize("data", [{}, {"revision": "abc"}, {"revision": "1e9"}])
def test_still_right_without_a_usable_revision_is_a_400(client, reviewer, library, data):
    client.force_login(reviewer)
    response = client.post(reverse("reminders:still-right", args=["overdue-a"]), data)
    assert response.status_code == 400


def test_still_right_for_an_unknown_phrase_is_a_404(client, reviewer):
    client.force_login(reviewer)
    assert client.post(reverse("reminders:still-right", args=["no-such"]), {"revision": 1}).status_code == 404


def test_still_right_only_accepts_post(client, reviewer, library):
    client.force_login(reviewer)
    assert client.get(reverse("reminders:still-right", args=["overdue-a"])).status_code == 405


def test_still_right_for_a_draft_is_refused(client, reviewer, library):
    from phrases.models import Phrase

    draft = Phrase.objects.get(key="draft-one")
    client.force_login(reviewer)
    response = client.post(reverse("reminders:still-right", args=[draft.key]), {"revision": draft.revision})
    assert response.status_code == 409
    assert mail.outbox == []
    assert timezone.localdate()  # page still renders figures
