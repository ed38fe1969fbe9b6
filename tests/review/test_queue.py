"""The review queue: who may see it, what each card shows, and one-action decisions."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from phrases import services
from phrases.models import LivePhrase, Phrase, PhraseStatus

pytestmark = pytest.mark.django_db

QUEUE = "/review/"
SCREEN_READER_ONLY = re.compile(r'<span class="visually-hidden">[^<]*</span>')


def visible(html):
    """The markup without the words only screen readers hear."""
    return SCREEN_READER_ONLY.sub("", html)


def decide(client, phrase, **data):
    data.setdefault("revision", Phrase.objects.get(pk=phrase.pk).revision)
    return client.post(f"/review/{phrase.key}/decide/", data)


@pytest.mark.parametrize("role", ["operator", "writer"])
def test_queue_is_forbidden_to_operators_and_writers(client, request, role, submitted):
    phrase = submitted(body="Черновой текст, который не для всех.")
    client.force_login(request.getfixturevalue(role))
    response = client.get(QUEUE)
    assert response.status_code == 403
    assert "Черновой текст" not in response.content.decode()
    assert decide(client, phrase, action="approve").status_code == 403
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW


def test_queue_sends_anonymous_visitors_to_log_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_queue_lists_only_phrases_in_review_oldest_first(as_reviewer, submitted, make_phrase):
    newer = submitted(title="Новее")
    older = submitted(title="Старше")
    Phrase.objects.filter(pk=older.pk).update(submitted_at=timezone.now() - timedelta(days=3))
    make_phrase(title="Просто черновик")
    html = as_reviewer.get(QUEUE).content.decode()
    assert html.index(f'id="phrase-{older.key}"') < html.index(f'id="phrase-{newer.key}"')
    assert "Просто черновик" not in html
    assert "waiting 3\xa0days" in html  # the older one's waiting time


def test_edit_of_live_phrase_shows_inline_word_diff_against_live_text(as_reviewer, make_live_phrase, writer):
    phrase = make_live_phrase(body="Курьер приедет завтра до обеда.")
    services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Курьер приедет сегодня до обеда."})
    services.phrase_submit(phrase=phrase, actor=writer, note="Срок сократился.")
    html = as_reviewer.get(QUEUE).content.decode()
    assert "Курьер приедет " in html
    assert "<del>завтра</del><ins>сегодня</ins>" in visible(html)
    assert '<span class="visually-hidden">[deleted: </span>завтра' in html  # readable without colour
    assert "Срок сократился." in html
    assert writer.username in html


def test_new_phrase_is_marked_new_without_a_diff(as_reviewer, submitted):
    submitted(body="Одну минуту, пожалуйста.")
    html = as_reviewer.get(QUEUE).content.decode()
    assert "New phrase" in html and "<ins>" not in html.split('class="diff body"')[1].split("</div>")[0]


def test_flagged_words_are_highlighted_and_errors_block_approval(as_reviewer, submitted):
    phrase = submitted(body="Спасибо, спс, вы молодец.")
    html = as_reviewer.get(QUEUE).content.decode()
    assert '<mark class="finding finding-error">спс<sup class="finding-ref">1</sup></mark>' in html
    assert '<mark class="finding finding-error">вы<sup class="finding-ref">2</sup></mark>' in html
    assert "Cannot be approved yet" in html
    assert 'value="approve"' not in html.split(f'id="phrase-{phrase.key}"')[1]


def test_approve_from_the_queue_publishes_in_one_post(as_reviewer, submitted, reviewer):
    phrase = submitted(body="Одну минуту, пожалуйста.")
    response = decide(as_reviewer, phrase, action="approve", page="1")
    assert response.status_code == 302 and response["Location"].startswith(QUEUE)
    live = LivePhrase.objects.get(pk=phrase.pk)
    assert live.body == "Одну минуту, пожалуйста." and live.approved_by == reviewer
    follow = as_reviewer.get(response["Location"]).content.decode()
    assert "is approved" in follow and "Nothing is waiting for review" in follow


def test_phrase_with_warnings_offers_only_an_explicit_approve_over_warnings(as_reviewer, submitted):
    phrase = submitted(body="Заказ будет СКОРО у Вас.")
    html = as_reviewer.get(QUEUE).content.decode()
    assert 'value="approve_over_warnings"' in html and "Approve over the warning: capitals" in html
    assert 'value="approve"' not in html
    # A plain approval (an old form, another tab) is refused and says why.
    refused = decide(as_reviewer, phrase, action="approve")
    assert refused.status_code == 409 and "brand-voice warnings (capitals)" in refused.content.decode()
    assert not LivePhrase.objects.filter(pk=phrase.pk).exists()
    assert decide(as_reviewer, phrase, action="approve_over_warnings").status_code == 302
    phrase.refresh_from_db()
    assert phrase.status == PhraseStatus.APPROVED and phrase.warnings_acknowledged
    assert phrase.history.first().history_change_reason == "Approved over warnings: all-caps"


def test_lint_errors_refuse_approval_with_a_clear_message(as_reviewer, submitted):
    phrase = submitted(body="Спасибо, спс, вы молодец.")
    response = decide(as_reviewer, phrase, action="approve")
    html = response.content.decode()
    assert response.status_code == 409
    assert "cannot be approved: it breaks the chat standards (chat abbreviation, lowercase formal" in html
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW


def test_reject_from_the_queue_needs_a_comment_and_records_it(as_reviewer, submitted):
    phrase = submitted()
    empty = decide(as_reviewer, phrase, action="reject", comment="   ")
    assert empty.status_code == 400
    assert "a rejection needs a comment" in empty.content.decode()
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW
    response = decide(as_reviewer, phrase, action="reject", comment="Уберите номер заказа.")
    assert response.status_code == 302
    phrase.refresh_from_db()
    assert phrase.status == PhraseStatus.DRAFT and phrase.changes_requested
    assert phrase.review_comment == "Уберите номер заказа."


def test_stale_decision_changes_nothing_and_says_so(as_reviewer, submitted, reviewer):
    phrase = submitted(body="Одну минуту, пожалуйста.")
    seen = phrase.revision
    # Another reviewer fixes a word while this one is reading: the phrase stays in review.
    services.phrase_update(phrase=phrase, actor=reviewer, changes={"body": "Одну секунду, пожалуйста."})
    response = decide(as_reviewer, phrase, action="approve", revision=seen)
    assert response.status_code == 409
    assert "was changed by someone else" in response.content.decode()
    assert not LivePhrase.objects.filter(pk=phrase.pk).exists()


def test_decision_on_a_phrase_someone_already_decided_is_refused(as_reviewer, submitted, reviewer):
    phrase = submitted()
    services.phrase_reject(phrase=phrase, actor=reviewer, comment="Нет.")
    response = decide(as_reviewer, phrase, action="approve", revision=Phrase.objects.get(pk=phrase.pk).revision)
    assert response.status_code == 409 and "no longer waiting for this decision" in response.content.decode()
    assert not LivePhrase.objects.filter(pk=phrase.pk).exists()


@pytest.mark.parametrize("data, field", [
    ({"action": "publish-everything"}, "action"),
    ({"action": "approve", "revision": "abc"}, "revision"),
])
def test_bad_decision_input_gets_400_naming_the_field(as_reviewer, submitted, data, field):
    phrase = submitted()
    response = decide(as_reviewer, phrase, **data)
    assert response.status_code == 400
    assert Phrase.objects.get(pk=phrase.pk).status == PhraseStatus.IN_REVIEW


def test_decision_on_unknown_phrase_is_404(as_reviewer):
    assert as_reviewer.post("/review/no-such-phrase/decide/", {"action": "approve", "revision": 1}).status_code == 404


def test_queue_page_query_count_does_not_grow_with_the_page(as_reviewer, submitted, make_live_phrase, writer,
                                                            django_assert_num_queries):
    for number in range(3):
        phrase = make_live_phrase(title=f"Фраза {number}", body="Одну минуту, пожалуйста.")
        services.phrase_update(phrase=phrase, actor=writer, changes={"body": "Одну секунду, пожалуйста."})
        services.phrase_submit(phrase=phrase, actor=writer)
    as_reviewer.get(QUEUE)  # session and groups warm
    # session, user, groups, count, the page (with submitter and live copy), the submitters,
    # and the navigation's two counts (sent back to me, waiting for review)
    with django_assert_num_queries(8):
        small = as_reviewer.get(QUEUE)
    for number in range(22):
        submitted(title=f"Новая {number}")
    with django_assert_num_queries(8):
        full = as_reviewer.get(QUEUE)
    assert small.status_code == full.status_code == 200
    assert full.content.decode().count('class="card"') == 20 and "Page 1 of 2" in full.content.decode()


def test_bad_page_number_shows_a_page_not_an_error(as_reviewer, submitted):
    submitted()
    assert as_reviewer.get(QUEUE + "?page=zzz").status_code == 200
    assert as_reviewer.get(QUEUE + "?page=999").status_code == 200


def dismiss(client, phrase, of, **data):
    """POST the queue's dismiss form for finding `of` (`start`/`end` may be overridden)."""
    data = {"finding": f"{of['rule']}:{data.pop('start', of['start'])}:{data.pop('end', of['end'])}",
            "revision": Phrase.objects.get(pk=phrase.pk).revision, **data}
    return client.post(f"/review/{phrase.key}/dismiss/", data)


def test_dismissing_the_errors_with_reasons_lets_the_phrase_be_approved(as_reviewer, submitted, reviewer):
    phrase = submitted(body="Спасибо, спс, вы молодец.")
    for finding in Phrase.objects.get(pk=phrase.pk).lint_findings:
        response = dismiss(as_reviewer, phrase, finding, reason="Цитата клиента, оставляем как есть.")
        assert response.status_code == 302 and response["Location"].endswith(f"#phrase-{phrase.key}")
    html = as_reviewer.get(QUEUE).content.decode()
    assert f"Dismissed by {reviewer.username}: Цитата клиента" in html
    assert "finding-dismissed" in html and "Cannot be approved yet" not in html
    assert decide(as_reviewer, phrase, action="approve").status_code == 302
    assert LivePhrase.objects.get(pk=phrase.pk).body == "Спасибо, спс, вы молодец."


def test_dismissing_needs_a_reason_and_a_finding_that_is_still_there(as_reviewer, submitted):
    phrase = submitted(body="Спасибо, спс, вы молодец.")
    finding = Phrase.objects.get(pk=phrase.pk).lint_findings[0]
    no_reason = dismiss(as_reviewer, phrase, finding, reason=" ")
    assert no_reason.status_code == 400 and "Please say why the finding does not apply" in no_reason.content.decode()
    forged = dismiss(as_reviewer, phrase, finding, finding="<script>", reason="Не про это.")
    assert forged.status_code == 400 and "choose one of the findings listed" in forged.content.decode()
    moved = dismiss(as_reviewer, phrase, finding, start=0, end=3, reason="Не про это.")
    assert moved.status_code == 409 and "no longer has that finding" in moved.content.decode()
    stale = dismiss(as_reviewer, phrase, finding, revision=1, reason="Не про это.")
    assert stale.status_code == 409 and "changed by someone else" in stale.content.decode()
    assert not Phrase.objects.get(pk=phrase.pk).dismissals.exists()


def test_writers_cannot_dismiss_findings(as_writer, submitted):
    phrase = submitted(body="Спасибо, спс, вы молодец.")
    finding = Phrase.objects.get(pk=phrase.pk).lint_findings[0]
    assert dismiss(as_writer, phrase, finding, reason="Хочу так.").status_code == 403
    assert not Phrase.objects.get(pk=phrase.pk).dismissals.exists()
