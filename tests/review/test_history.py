"""A phrase's history page: versions with diffs, comparing any two, restore, restore and publish,
"reviewed, still right", and changes requested."""
import re

import pytest

from phrases import services
from phrases.models import LivePhrase, Phrase, PhraseStatus

pytestmark = pytest.mark.django_db
SCREEN_READER_ONLY = re.compile(r'<span class="visually-hidden">[^<]*</span>')


def visible(html):
    return SCREEN_READER_ONLY.sub("", html)


def url(phrase, suffix=""):
    return f"/phrases/{phrase.key}/history/{suffix}"


def ids(phrase):
    """History ids, oldest first."""
    return list(phrase.history.order_by("history_date", "history_id").values_list("history_id", flat=True))


@pytest.fixture
def edited_live(make_live_phrase, writer, reviewer):
    """A live phrase whose text was changed once and approved again: «минуту» → «секунду»."""
    phrase = make_live_phrase(body="Одну минуту, пожалуйста.")
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Одну секунду, пожалуйста."})
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_approve(phrase=phrase, actor=reviewer)
    return Phrase.objects.get(pk=phrase.pk)


def test_history_is_forbidden_to_operators(client, operator, edited_live):
    client.force_login(operator)
    response = client.get(url(edited_live))
    assert response.status_code == 403 and "секунду" not in response.content.decode()


def test_history_of_unknown_phrase_is_404(as_writer):
    assert as_writer.get("/phrases/no-such-phrase/history/").status_code == 404


def test_history_lists_every_version_with_author_reason_status_and_word_diff(as_writer, edited_live, writer, reviewer):
    html = as_writer.get(url(edited_live)).content.decode()
    for history_id in ids(edited_live):
        assert f'id="v-{history_id}"' in html
    assert "Submitted for review" in html and "Edited: Text" in html and "Approved" in html
    assert writer.username in html and reviewer.username in html
    assert "Draft <span aria-hidden=\"true\">→</span>" in html  # a status change, said in words
    assert "<del>минуту</del><ins>секунду</ins>" in visible(html)
    assert "[47 chars]" not in html


def test_writers_see_no_restore_button(as_writer, edited_live):
    html = as_writer.get(url(edited_live)).content.decode()
    assert "Restore this version" not in html and "Reviewed, still right" not in html
    response = as_writer.post(url(edited_live, "restore/"), {"version": ids(edited_live)[0],
                                                            "revision": edited_live.revision})
    assert response.status_code == 403
    assert Phrase.objects.get(pk=edited_live.pk).body == "Одну секунду, пожалуйста."


def test_compare_any_two_versions(as_reviewer, edited_live):
    first, last = ids(edited_live)[0], ids(edited_live)[-1]
    response = as_reviewer.get(url(edited_live), {"a": first, "b": last})
    html = visible(response.content.decode())
    assert response.status_code == 200
    assert f"From version #1 to version #{len(ids(edited_live))}" in html  # numbered per phrase, not by id
    comparison = html.split('id="comparison"')[1].split("</section>")[0]
    assert "<del>минуту</del><ins>секунду</ins>" in comparison
    assert "Status" in comparison  # draft → approved


@pytest.mark.parametrize("query, field", [({"a": "999999", "b": "1"}, "Compare version"),
                                          ({"a": "x"}, "Compare version"), ({"b": "nope"}, "with version")])
def test_comparing_unknown_versions_gets_400_naming_the_field(as_reviewer, edited_live, query, field):
    response = as_reviewer.get(url(edited_live), query)
    assert response.status_code == 400
    assert f"<li id=\"{'a' if field == 'Compare version' else 'b'}-error\">{field}:" in response.content.decode()


def test_restore_makes_a_new_version_that_waits_for_review(as_reviewer, edited_live):
    first = ids(edited_live)[0]
    count = len(ids(edited_live))
    response = as_reviewer.post(url(edited_live, "restore/"), {"version": first, "revision": edited_live.revision})
    assert response.status_code == 302
    phrase = Phrase.objects.get(pk=edited_live.pk)
    assert phrase.body == "Одну минуту, пожалуйста." and phrase.status == PhraseStatus.DRAFT
    assert len(ids(phrase)) == count + 1
    assert LivePhrase.objects.get(pk=phrase.pk).body == "Одну секунду, пожалуйста."  # live text untouched
    assert f"Restored version #{first}" in as_reviewer.get(url(phrase)).content.decode()


def test_restore_and_publish_asks_for_confirmation_then_rolls_back_the_live_text(as_reviewer, edited_live):
    first = ids(edited_live)[0]
    asked = as_reviewer.post(url(edited_live, "restore/"),
                             {"version": first, "revision": edited_live.revision, "publish": "on"})
    assert asked.status_code == 200
    html = visible(asked.content.decode())
    assert "Restore version #1 and publish it?" in html and 'name="confirmed" value="on"' in html
    assert "<del>секунду</del>" in html.replace(" ", "") or "секунду" in html  # what operators lose
    assert LivePhrase.objects.get(pk=edited_live.pk).body == "Одну секунду, пожалуйста."  # nothing yet
    response = as_reviewer.post(url(edited_live, "restore/"), {"version": first, "revision": edited_live.revision,
                                                                "publish": "on", "confirmed": "on"})
    assert response.status_code == 302
    assert LivePhrase.objects.get(pk=edited_live.pk).body == "Одну минуту, пожалуйста."
    html = as_reviewer.get(url(edited_live)).content.decode()
    assert f"Restored version #{first} and published" in html and "is restored and live" in html


def test_restore_and_publish_over_warnings_asks_for_an_explicit_confirmation(as_reviewer, make_live_phrase, writer,
                                                                            reviewer):
    phrase = make_live_phrase(body="Заказ будет СКОРО у Вас.")  # approved over an all-caps warning
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Заказ будет скоро у Вас."})
    services.phrase_submit(phrase=phrase, actor=writer)
    services.phrase_approve(phrase=phrase, actor=reviewer)
    phrase = Phrase.objects.get(pk=phrase.pk)
    first = ids(phrase)[0]
    asked = as_reviewer.post(url(phrase, "restore/"), {"version": first, "revision": phrase.revision, "publish": "on",
                                                      "confirmed": "on"})
    assert asked.status_code == 409
    assert "publish over the warnings" in asked.content.decode()
    assert LivePhrase.objects.get(pk=phrase.pk).body == "Заказ будет скоро у Вас."
    confirmed = as_reviewer.post(url(phrase, "restore/"), {"version": first, "revision": phrase.revision,
                                                          "publish": "on", "acknowledge_warnings": "on",
                                                          "confirmed": "on"})
    assert confirmed.status_code == 302
    assert LivePhrase.objects.get(pk=phrase.pk).body == "Заказ будет СКОРО у Вас."


def test_stale_restore_changes_nothing(as_reviewer, edited_live, writer):
    seen = edited_live.revision
    services.phrase_update(phrase=edited_live, actor=writer, changes={"title": "Другое название"})
    response = as_reviewer.post(url(edited_live, "restore/"), {"version": ids(edited_live)[0], "revision": seen})
    assert response.status_code == 409 and "changed by someone else" in response.content.decode()
    assert Phrase.objects.get(pk=edited_live.pk).body == "Одну секунду, пожалуйста."


@pytest.mark.parametrize("data", [{"version": "abc", "revision": "1"}, {"revision": "1"}, {"version": "999999",
                                                                                         "revision": "1"}])
def test_bad_restore_input_gets_400_and_changes_nothing(as_reviewer, edited_live, data):
    before = len(ids(edited_live))
    response = as_reviewer.post(url(edited_live, "restore/"), data)
    assert response.status_code == 400 and "Nothing was restored" in response.content.decode()
    assert len(ids(edited_live)) == before


def test_reviewed_still_right_is_offered_to_reviewers_and_recorded(as_reviewer, edited_live, reviewer):
    assert "Reviewed, still right" in as_reviewer.get(url(edited_live)).content.decode()
    response = as_reviewer.post(url(edited_live, "confirm/"), {"revision": edited_live.revision})
    assert response.status_code == 302
    latest = Phrase.objects.get(pk=edited_live.pk).history.first()
    assert latest.history_change_reason == "Reviewed, still right" and latest.history_user == reviewer


def test_still_right_is_refused_for_a_phrase_with_a_pending_edit(as_reviewer, edited_live, writer):
    services.phrase_update(phrase=edited_live, actor=writer, changes={"title": "Новое"})
    phrase = Phrase.objects.get(pk=edited_live.pk)
    assert "Reviewed, still right" not in as_reviewer.get(url(phrase)).content.decode()
    response = as_reviewer.post(url(phrase, "confirm/"), {"revision": phrase.revision})
    assert response.status_code == 409


def test_writer_cannot_confirm_still_right(as_writer, edited_live):
    assert as_writer.post(url(edited_live, "confirm/"), {"revision": edited_live.revision}).status_code == 403


def test_rejected_phrase_shows_changes_requested_with_the_comment(as_writer, submitted, reviewer):
    phrase = submitted()
    services.phrase_reject(phrase=phrase, actor=reviewer, comment="Уберите номер заказа.")
    html = as_writer.get(url(phrase)).content.decode()
    assert "Changes requested" in html and "Уберите номер заказа." in html
    assert "Changes requested: Уберите номер заказа." in html  # the version's reason


def test_history_page_query_count_is_fixed(as_reviewer, edited_live, writer, django_assert_num_queries):
    as_reviewer.get(url(edited_live))
    # session, user, groups, the phrase (with live copy), its versions (with authors), the first one's topic,
    # the topics' names for people, and the navigation's two counts
    with django_assert_num_queries(9):
        assert as_reviewer.get(url(edited_live)).status_code == 200
    for word in ("мгновение", "минутку", "секундочку"):
        services.phrase_update(phrase=edited_live, actor=writer, changes={"body": f"Одну {word}, пожалуйста."})
    with django_assert_num_queries(9):
        assert as_reviewer.get(url(edited_live)).status_code == 200


def test_restore_is_offered_once_per_earlier_text(as_reviewer, edited_live):
    # Versions: created, submitted, approved (text 1); edited, submitted, approved (text 2, current and live).
    html = as_reviewer.get(url(edited_live)).content.decode()
    restorable = re.findall(r'name="version" value="(\d+)"', html)
    assert restorable == [str(ids(edited_live)[2])]  # the newest version of the first text
    assert html.count("Restore and publish") == 1


def test_dismissals_and_approvals_over_them_read_plainly_in_history(as_reviewer, submitted, reviewer):
    phrase = submitted(body="Спасибо, спс, Вы молодец.")
    services.finding_dismiss(phrase=phrase, actor=reviewer, rule="banned-abbreviation", text="спс",
                             reason="Цитата клиента.")
    services.phrase_approve(phrase=phrase, actor=reviewer)
    html = as_reviewer.get(url(phrase)).content.decode()
    assert "Dismissed the “chat abbreviation” finding on «спс»: Цитата клиента." in html
    assert "Approved; with dismissed findings: chat abbreviation" in html


def test_versions_are_numbered_per_phrase_and_topics_named(as_reviewer, edited_live, make_live_phrase):
    make_live_phrase(body="Другая фраза.")  # another phrase's versions take history ids in between
    html = visible(as_reviewer.get(url(edited_live)).content.decode())
    numbers = [int(n) for n in re.findall(r"<h3>Version #(\d+)</h3>", html)]
    assert numbers == list(range(len(ids(edited_live)), 0, -1))
    assert "Доставка" in html.split('id="versions-title"')[1]  # the topic's name, not its slug
    assert ">delivery<" not in html
