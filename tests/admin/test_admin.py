"""The admin goes through the services: history with diffs, review actions, concurrent saves."""
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from phrases.models import LivePhrase, Phrase, PhraseStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    def make(user):
        user.is_staff = True
        user.save()
        return user
    return make


def test_reviewer_sees_history_with_diffs(client, staff, reviewer, make_live_phrase, writer):
    from phrases import services

    phrase = make_live_phrase(title="Сроки")
    services.phrase_update(phrase=phrase, actor=writer, changes={"title": "Сроки доставки"})
    client.force_login(staff(reviewer))
    response = client.get(reverse("admin:phrases_phrase_history", args=[phrase.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Сроки доставки" in page and "Edited title" in page and writer.username in page


def test_writer_edits_through_the_service_and_live_text_stays(client, staff, writer, make_live_phrase):
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    client.force_login(staff(writer))
    url = reverse("admin:phrases_phrase_change", args=[phrase.pk])
    form = {"title": phrase.title, "body": "Одну минуту, уточняю.", "topic": phrase.topic_id, "language": "ru",
            "shortcut": "", "hotkey": "", "keywords": "[]", "revision": phrase.revision}
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    fresh = Phrase.objects.get(pk=phrase.pk)
    assert fresh.body == "Одну минуту, уточняю." and fresh.status == PhraseStatus.DRAFT
    assert fresh.history.first().history_user == writer
    assert LivePhrase.objects.get(pk=phrase.pk).body == "Одну минуту, пожалуйста."


def test_admin_save_of_a_stale_form_is_refused(client, staff, writer, reviewer, make_phrase):
    from phrases import services

    phrase = make_phrase()
    stale_revision = phrase.revision
    services.phrase_update(phrase=phrase, actor=reviewer, changes={"title": "Правка рецензента"})
    client.force_login(staff(writer))
    form = {"title": "Моя правка", "body": phrase.body, "topic": phrase.topic_id, "language": "ru",
            "shortcut": "", "hotkey": "", "keywords": "[]", "revision": stale_revision}
    response = client.post(reverse("admin:phrases_phrase_change", args=[phrase.pk]), form)
    assert response.status_code == 200
    assert "Someone else saved this phrase" in response.content.decode()
    assert Phrase.objects.get(pk=phrase.pk).title == "Правка рецензента"


def test_reject_action_asks_for_a_comment_then_rejects(client, staff, reviewer, writer, make_phrase):
    from phrases import services

    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    client.force_login(staff(reviewer))
    url = reverse("admin:phrases_phrase_changelist")
    response = client.post(url, {"action": "reject_selected", "_selected_action": [phrase.pk]})
    assert response.status_code == 200 and "Comment for the writer" in response.content.decode()
    client.post(url, {"action": "reject_selected", "_selected_action": [phrase.pk], "apply": "1",
                      "comment": "Уберите канцелярит."})
    fresh = Phrase.objects.get(pk=phrase.pk)
    assert (fresh.status, fresh.review_comment) == (PhraseStatus.DRAFT, "Уберите канцелярит.")


def test_writer_cannot_approve_through_admin_action(client, staff, writer, make_phrase):
    from phrases import services

    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    client.force_login(staff(writer))
    client.post(reverse("admin:phrases_phrase_changelist"),
                {"action": "approve_selected", "_selected_action": [phrase.pk]})
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW


def test_load_demo_creates_users_that_can_log_in_and_keeps_data(client, settings, tmp_path):
    starter = str(settings.BASE_DIR / "fixtures" / "starter_library.json")
    settings.BASE_DIR = tmp_path  # the credentials file goes to a temporary folder
    call_command("load_demo", library=starter)
    credentials = json.loads((tmp_path / ".demo-credentials").read_text())
    assert set(credentials) == {"operator", "writer", "reviewer", "admin"}
    assert LivePhrase.objects.count() >= 40
    for username, password in credentials.items():
        assert client.login(username=username, password=password), username
        assert client.get("/").status_code == 200
        # Only reviewers and admins use the admin; operators and writers are not staff.
        assert (client.get(reverse("admin:index")).status_code == 200) == (username in {"reviewer", "admin"})
    versions = Phrase.history.count()
    call_command("load_demo", library=starter)
    assert json.loads((tmp_path / ".demo-credentials").read_text()) == credentials
    assert Phrase.history.count() == versions


def test_load_demo_points_at_the_address_it_is_served_on(settings, tmp_path):
    starter = str(settings.BASE_DIR / "fixtures" / "starter_library.json")
    settings.BASE_DIR = tmp_path
    output = io.StringIO()
    call_command("load_demo", library=starter, site="http://127.0.0.1:8765/", stdout=output)
    assert "log in at http://127.0.0.1:8765/login/" in output.getvalue()
