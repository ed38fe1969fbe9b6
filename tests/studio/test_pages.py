"""The writers' pages: who may use them, the library's filters and speed, the editor's saves."""
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from phrases import services
from phrases.models import LivePhrase, Phrase, PhraseStatus, PhraseUse, Topic

pytestmark = pytest.mark.django_db


def keys_on(response):
    return re.findall(r'<code class="key">([^<]+)</code>', response.content.decode())


# --- Access by role -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/phrases/", "/phrases/new/", "/phrases/check/?shortcut=/eta&language=ru"])
def test_logged_out_visitors_go_to_the_login_page(client, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_operators_get_403_from_every_writers_page_and_no_draft_text(client, operator, make_phrase):
    phrase = make_phrase(body="Секретный черновик, {client_name}.")
    client.force_login(operator)
    for path in ["/phrases/", "/phrases/new/", f"/phrases/{phrase.key}/", "/phrases/check/?shortcut=/x1&language=ru"]:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Секретный черновик" not in response.content.decode()
    response = client.post(f"/phrases/{phrase.key}/", {"title": "x", "body": "Взлом.", "revision": 1})
    assert response.status_code == 403
    assert Phrase.objects.get(pk=phrase.pk).body == "Секретный черновик, {client_name}."


@pytest.mark.parametrize("role", ["writer", "reviewer", "superuser"])
def test_writers_reviewers_and_admins_use_the_library_and_editor(client, request, role, make_phrase):
    phrase = make_phrase()
    client.force_login(request.getfixturevalue(role))
    for path in ["/phrases/", "/phrases/new/", f"/phrases/{phrase.key}/"]:
        assert client.get(path).status_code == 200, path


def test_navigation_follows_the_role(client, operator, writer, reviewer, make_phrase):
    services.phrase_submit(phrase=make_phrase(), actor=writer)
    client.force_login(operator)
    page = client.get("/").content.decode()
    assert 'href="/phrases/"' not in page and 'href="/review/"' not in page
    client.force_login(writer)
    page = client.get("/").content.decode()
    assert 'href="/phrases/"' in page and 'href="/phrases/new/"' in page and 'href="/review/"' not in page
    client.force_login(reviewer)
    page = client.get("/").content.decode()
    assert 'href="/review/"' in page
    assert re.search(r'Review <span class="badge"[^>]*>1</span>', page)


def test_writer_sees_how_many_of_their_phrases_were_sent_back(client, writer, reviewer, make_phrase):
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    services.phrase_reject(phrase=phrase, actor=reviewer, comment="Уберите сокращение.")
    client.force_login(writer)
    page = client.get("/").content.decode()
    assert "?status=changes_requested&amp;owner=me" in page
    assert re.search(r'<span class="badge warn"[^>]*>1</span>', page)


def test_log_out_is_a_post_and_the_page_carries_the_active_language(client, writer):
    client.force_login(writer)
    page = client.get("/phrases/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert '<html lang="pl"' in page
    assert re.search(r'<form method="post" action="/logout/">', page)
    assert 'href="#main"' in page


# --- The library --------------------------------------------------------------------------------

@pytest.fixture
def library(make_phrase, make_live_phrase, writer, reviewer, topic):
    """A small library with one phrase in each state."""
    child = Topic.objects.create(slug="delivery-late", name="Опоздания", parent=topic)
    other = Topic.objects.create(slug="refunds", name="Возвраты")
    draft = make_phrase(key="draft-ru", title="Черновик")
    sent_back = services.phrase_submit(phrase=make_phrase(key="sent-back-ru", title="Вернули"), actor=writer)
    sent_back = services.phrase_reject(phrase=sent_back, actor=reviewer, comment="Исправьте.")
    in_review = services.phrase_submit(phrase=make_phrase(key="in-review-en", title="Waiting", language="en",
                                                          body="Hi {client_name}, thx for waiting."), actor=writer)
    live = make_live_phrase(key="live-ru", title="Доставка опаздывает", topic=child, shortcut="/late")
    edited = make_live_phrase(key="edited-pl", title="Zwrot", language="pl", topic=other,
                              body="Zwrot pieniędzy trwa do 5 dni.")
    edited = services.phrase_update(phrase=edited, actor=writer, changes={"body": "Zwrot trwa do 3 dni."})
    # Live for 40 days (unused counts from when a phrase went live); LivePhrase keeps no history.
    LivePhrase.objects.filter(pk=edited.pk).update(approved_at=timezone.now() - timedelta(days=40))
    mine = make_phrase(key="reviewers-own-ru", title="Чужой", actor=reviewer)
    PhraseUse.objects.create(phrase=live)
    return {"draft": draft, "sent_back": sent_back, "in_review": in_review, "live": live, "edited": edited,
            "mine": mine}


@pytest.mark.parametrize("query, expected", [
    ("", {"draft-ru", "sent-back-ru", "in-review-en", "live-ru", "edited-pl", "reviewers-own-ru"}),
    ("status=draft", {"draft-ru", "edited-pl", "reviewers-own-ru"}),
    ("status=changes_requested", {"sent-back-ru"}),
    ("status=in_review", {"in-review-en"}),
    ("status=approved", {"live-ru"}),
    ("language=en", {"in-review-en"}),
    ("topic=delivery", {"draft-ru", "sent-back-ru", "in-review-en", "live-ru", "reviewers-own-ru"}),
    ("topic=delivery-late", {"live-ru"}),
    ("unapproved=1", {"edited-pl"}),
    ("owner=me", {"draft-ru", "sent-back-ru", "in-review-en", "live-ru", "edited-pl"}),
    ("owner=roman-reviewer", {"reviewers-own-ru"}),
    ("unused=1", {"edited-pl"}),
    ("flagged=1", {"in-review-en"}),
    ("q=черновик", {"draft-ru"}),
    ("q=/late", {"live-ru"}),
    ("q=zwrot", {"edited-pl"}),
    ("reminded=1", {"draft-ru", "sent-back-ru", "in-review-en", "live-ru", "edited-pl", "reviewers-own-ru"}),
])
def test_library_filters(client, writer, library, query, expected):
    client.force_login(writer)
    response = client.get("/phrases/?" + query)
    assert response.status_code == 200
    assert set(keys_on(response)) == expected


def test_due_filters_pick_phrases_by_their_next_review(client, writer, library):
    today = timezone.localdate()
    Phrase.objects.filter(key="live-ru").update(review_due_at=today - timedelta(days=1))
    client.force_login(writer)
    assert set(keys_on(client.get("/phrases/?due=1"))) == {"live-ru"}
    assert set(keys_on(client.get("/phrases/?overdue=1"))) == {"live-ru"}
    Phrase.objects.filter(key="live-ru").update(review_due_at=today + timedelta(days=5))
    assert set(keys_on(client.get("/phrases/?due=1"))) == set()
    assert set(keys_on(client.get("/phrases/?due=week"))) == {"live-ru"}


def test_rows_show_status_findings_owner_and_usage(client, writer, library):
    client.force_login(writer)
    page = client.get("/phrases/").content.decode()
    assert "Changes requested" in page
    assert re.search(r'<span class="pill error">\d+ errors?</span>', page)  # "thx" and the like
    assert "wanda-writer" in page


@pytest.mark.parametrize("query, field", [
    ("status=nonsense", "Status"), ("language=xx", "Language"), ("topic=nope", "Topic"),
    ("due=tomorrow", "Review"), ("flagged=yes", "Has findings"), ("owner=nobody", "Owner"), ("q=" + "a" * 201, "Search"),
])
def test_bad_filters_get_400_naming_the_filter(client, writer, library, query, field):
    client.force_login(writer)
    response = client.get("/phrases/?" + query)
    assert response.status_code == 400
    assert f"<li>{field}:" in response.content.decode()


def test_library_pages_through_many_phrases_in_a_fixed_number_of_queries(
        client, writer, make_phrase, django_assert_num_queries):
    for n in range(60):
        phrase = make_phrase(key=f"bulk-{n:03d}")
        PhraseUse.objects.create(phrase=phrase)
    client.force_login(writer)
    client.get("/phrases/")  # the first request of a session also reads the profile's language
    # session, user, groups, nav (sent back), topics for the filter, owners, count, the page
    with django_assert_num_queries(8):
        response = client.get("/phrases/?page=2")
    assert len(keys_on(response)) == 10
    with django_assert_num_queries(8):
        response = client.get("/phrases/")
    assert len(keys_on(response)) == 50
    assert "Page 1 of 2" in response.content.decode()


# --- The editor ---------------------------------------------------------------------------------

def editor_data(topic, /, **overrides):
    data = {"title": "Сроки доставки", "body": "{client_name}, заказ придёт {date}.", "topic": topic.pk,
            "language": "ru", "shortcut": "", "hotkey": "", "keywords": ["когда привезут", "сроки, доставка"],
            "note": "", "save": "1"}
    data.update(overrides)
    return data


def test_creating_a_phrase_makes_the_key_from_the_title_and_saves_a_draft(client, writer, topic):
    client.force_login(writer)
    response = client.post("/phrases/new/", editor_data(topic))
    phrase = Phrase.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/phrases/{phrase.key}/"
    assert phrase.key == "sroki-dostavki-ru"
    assert phrase.status == PhraseStatus.DRAFT and phrase.owner == writer
    assert phrase.keywords == ["когда привезут", "сроки, доставка"]  # one value, one keyword, as at every door
    client.post("/phrases/new/", editor_data(topic))
    assert Phrase.objects.filter(key="sroki-dostavki-ru-2").exists()


def test_create_and_submit_in_one_step_with_a_note(client, writer, topic):
    client.force_login(writer)
    response = client.post("/phrases/new/", editor_data(topic, save="", submit="1", note="Проверьте сроки."),
                           follow=True)
    phrase = Phrase.objects.get()
    assert phrase.status == PhraseStatus.IN_REVIEW and phrase.submit_note == "Проверьте сроки."
    assert "Sent for review" in response.content.decode()


def test_submitting_a_text_with_errors_says_the_one_rule_plainly(client, writer, topic):
    # The rule: submitting with blocking errors is allowed; the reviewer overrules each or sends it back.
    client.force_login(writer)
    response = client.post("/phrases/new/", editor_data(topic, body="спс, вы молодец", save="", submit="1"),
                           follow=True)
    assert Phrase.objects.get().status == PhraseStatus.IN_REVIEW
    page = response.content.decode()
    assert re.search(r"Sent for review with \d+ brand-voice errors\. The reviewer will either overrule each", page)
    assert "save again" not in page and "fix them" not in page


def test_editor_shows_findings_and_preview_without_javascript(client, writer, topic, make_phrase):
    phrase = make_phrase(body="{client_name}, спс, вы молодец")
    client.force_login(writer)
    page = client.get(f"/phrases/{phrase.key}/").content.decode()
    findings = page.split('id="findings-list"')[1].split("</ul>")[0]
    assert "<q>спс</q>" in findings and "<q>вы</q>" in findings  # the current text's findings, server-rendered
    preview = page.split('id="preview"')[1].split("</div>")[0]
    assert "Anna, спс, вы молодец" in preview and "{client_name}" not in preview


@pytest.mark.parametrize("field, value, message", [
    ("title", "", "This field is required."),
    ("body", "Привет, {клиент}.", "Unknown placeholder"),
    ("shortcut", "/Это", "A shortcut is"),
    ("hotkey", "Shift+1", "A hotkey is"),
    ("language", "de", "Select a valid choice"),
    ("topic", "999", "Select a valid choice"),
    ("key", "Not a slug!", "Enter a valid"),
])
def test_bad_input_gets_400_naming_the_field_and_changes_nothing(client, writer, topic, field, value, message):
    client.force_login(writer)
    response = client.post("/phrases/new/", editor_data(topic, **{field: value}))
    assert response.status_code == 400
    page = response.content.decode()
    assert f'id="id_{field}-errors"' in page and message in page
    assert not Phrase.objects.exists()
    # what was typed is still there, keywords as chips
    assert 'value="когда привезут" checked' in page and 'value="сроки, доставка" checked' in page


def test_a_taken_shortcut_or_hotkey_is_refused_by_name(client, writer, topic, make_phrase):
    holder = make_phrase(shortcut="/eta", hotkey="Ctrl+Alt+1")
    client.force_login(writer)
    response = client.post("/phrases/new/", editor_data(topic, shortcut="/eta", hotkey="Ctrl+Alt+1"))
    assert response.status_code == 400
    page = response.content.decode()
    assert f"already used by another phrase in this language ({holder.key})" in page
    assert f"already used by another phrase ({holder.key})" in page
    assert Phrase.objects.count() == 1


def test_editing_keeps_the_key_and_a_live_phrase_keeps_its_live_text(client, writer, topic, make_live_phrase):
    phrase = make_live_phrase(key="eta-ru")
    live_body = phrase.live.body
    client.force_login(writer)
    response = client.post(f"/phrases/{phrase.key}/", editor_data(
        topic, key="hacked", body="{client_name}, заказ привезут {date}.", revision=phrase.revision), follow=True)
    phrase.refresh_from_db()
    assert phrase.key == "eta-ru" and phrase.status == PhraseStatus.DRAFT
    assert phrase.live.body == live_body
    page = response.content.decode()
    assert "Operators keep seeing the approved text" in page and "<ins>" in page


def test_a_stale_save_is_refused_and_the_typed_text_kept(client, writer, reviewer, topic, make_phrase):
    phrase = make_phrase()
    services.phrase_update(phrase=phrase, actor=reviewer, changes={"title": "Другой заголовок"})
    client.force_login(writer)
    response = client.post(f"/phrases/{phrase.key}/", editor_data(
        topic, body="Мой новый текст, {client_name}.", revision=phrase.revision))
    assert response.status_code == 409
    page = response.content.decode()
    assert "roman-reviewer saved this phrase at" in page and "Мой новый текст, {client_name}." in page
    conflict = page.split('id="stale"')[1].split("</div>\n")[0]
    assert "What they changed:" in conflict and "<ins>" in conflict and "заголовок" in conflict  # as a diff
    phrase.refresh_from_db()
    assert phrase.title == "Другой заголовок" and "Мой новый текст" not in phrase.body
    assert f'name="revision" value="{phrase.revision}"' in page  # saving again is now a choice


def test_sent_back_phrase_shows_the_reviewers_comment_until_resubmitted(client, writer, reviewer, topic, make_phrase):
    phrase = services.phrase_submit(phrase=make_phrase(), actor=writer)
    phrase = services.phrase_reject(phrase=phrase, actor=reviewer, comment="Уберите «спс».")
    client.force_login(writer)
    assert "Уберите «спс»." in client.get(f"/phrases/{phrase.key}/").content.decode()
    client.post(f"/phrases/{phrase.key}/", editor_data(topic, revision=phrase.revision, save="", submit="1"))
    phrase.refresh_from_db()
    assert phrase.status == PhraseStatus.IN_REVIEW
    assert "Уберите «спс»." not in client.get(f"/phrases/{phrase.key}/").content.decode()


# --- The collision check ------------------------------------------------------------------------

def test_check_endpoint_reports_taken_and_free_triggers_and_suggests_a_key(client, writer, make_phrase):
    holder = make_phrase(shortcut="/eta", hotkey="Ctrl+Alt+2")
    client.force_login(writer)
    answer = client.get("/phrases/check/", {"shortcut": "/eta", "hotkey": "Ctrl+Alt+2", "language": "ru"}).json()
    assert answer["shortcut"]["free"] is False and answer["shortcut"]["holder"] == holder.key
    assert answer["hotkey"]["free"] is False
    assert client.get("/phrases/check/", {"shortcut": "/eta", "language": "en"}).json()["shortcut"]["free"] is True
    # a phrase never collides with itself
    own = client.get("/phrases/check/", {"shortcut": "/eta", "language": "ru", "key": holder.key}).json()
    assert own["shortcut"]["free"] is True
    assert client.get("/phrases/check/", {"title": "Где мой заказ?", "language": "ru"}).json()["key"] == \
        "gde-moi-zakaz-ru"


def test_check_endpoint_refuses_oversized_input(client, writer):
    client.force_login(writer)
    assert client.get("/phrases/check/", {"shortcut": "x" * 201}).status_code == 400


# --- Roles in the admin -------------------------------------------------------------------------

def test_operators_lose_phrase_permissions_on_migrate(db):
    from django.contrib.auth.models import Permission
    from django.core.management import call_command

    operators = Group.objects.get(name="operators")
    operators.permissions.add(Permission.objects.get(codename="view_phrase"))
    call_command("migrate", interactive=False, verbosity=0)
    codenames = set(operators.permissions.values_list("codename", flat=True))
    assert "view_phrase" not in codenames and "view_livephrase" in codenames


def test_staff_operator_cannot_see_working_copies_in_the_admin(client, operator, make_phrase):
    phrase = make_phrase(body="Черновик для админки, {client_name}.")
    operator.is_staff = True
    operator.save()
    client.force_login(operator)
    assert client.get("/admin/phrases/phrase/").status_code == 403
    assert client.get(f"/admin/phrases/phrase/{phrase.pk}/change/").status_code in (302, 403)
    assert client.get(f"/admin/phrases/phrase/{phrase.pk}/history/").status_code in (302, 403)
    assert "Черновик для админки" not in client.get("/admin/").content.decode()


def test_writers_are_offered_only_the_admin_actions_they_may_run(client, writer, reviewer, make_phrase):
    make_phrase()
    for user in (writer, reviewer):
        user.is_staff = True
        user.save()
    client.force_login(writer)
    page = client.get("/admin/phrases/phrase/").content.decode()
    assert "submit_selected" in page and "approve_selected" not in page and "reject_selected" not in page
    client.force_login(reviewer)
    page = client.get("/admin/phrases/phrase/").content.decode()
    assert "approve_selected" in page and "reject_selected" in page


def test_api_docs_use_only_local_assets(client, writer):
    client.force_login(writer)
    page = client.get("/api/v1/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(url.startswith("/") and not url.startswith("//") for url in assets), assets
    assert "cdn" not in page.lower()
    for url in assets:
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url


def test_filters_stay_chosen_and_topics_are_indented_under_their_parent(client, writer, library):
    client.force_login(writer)
    page = client.get("/phrases/?topic=delivery-late&status=in_review&unused=1").content.decode()
    assert '<option value="delivery-late" selected>\u00a0\u00a0\u00a0– Опоздания</option>' in page
    assert '<option value="in_review" selected>' in page
    assert 'name="unused" value="1" checked' in page
