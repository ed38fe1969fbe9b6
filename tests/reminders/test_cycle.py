"""One digest per person per day, a reminder again a week later, newly due phrases in their own turn."""
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils.formats import date_format
from freezegun import freeze_time

from accounts.models import Profile
from phrases import services
from phrases.models import Phrase, PhraseUse
from reminders.models import ReminderDigest, ReminderEntry
from reminders.selectors import reminded_unanswered
from reminders.services import send_review_reminders

pytestmark = pytest.mark.django_db


def test_first_run_sends_each_owner_one_digest_and_logs_it(make_live_phrase, writer_with_address, due_day):
    first = make_live_phrase(key="eta-ru")
    second = make_live_phrase(key="refund-ru", shortcut="/ref")

    run = send_review_reminders(as_of=due_day)

    assert [m.to for m in mail.outbox] == [["wanda@example.com"]]
    assert len(run.sent) == 1 and not run.failed
    digest = ReminderDigest.objects.get()
    assert (digest.recipient, digest.email, digest.period, digest.language) == (
        writer_with_address, "wanda@example.com", due_day, "en")
    assert digest.sent_at is not None
    assert {(e.phrase, e.due_on) for e in digest.entries.all()} == {(first, due_day), (second, due_day)}


def test_second_run_on_the_same_day_sends_nothing(make_live_phrase, writer_with_address, due_day):
    make_live_phrase()
    send_review_reminders(as_of=due_day)

    run = send_review_reminders(as_of=due_day)

    assert len(mail.outbox) == 1
    assert run.planned == [] and run.sent == []
    assert ReminderDigest.objects.count() == 1


def test_phrase_still_overdue_is_reminded_again_after_the_repeat_interval(make_live_phrase, writer_with_address,
                                                                          due_day):
    phrase = make_live_phrase()
    send_review_reminders(as_of=due_day)

    for day in range(1, 7):
        send_review_reminders(as_of=due_day + timedelta(days=day))
    assert len(mail.outbox) == 1, "nothing new within the week"

    send_review_reminders(as_of=due_day + timedelta(days=7))
    assert len(mail.outbox) == 2
    again = ReminderEntry.objects.get(digest__period=due_day + timedelta(days=7))
    assert (again.phrase, again.days_overdue) == (phrase, 7)
    assert "7 days overdue" in mail.outbox[1].body


def test_phrase_that_falls_due_later_is_reminded_in_its_own_turn(make_live_phrase, writer_with_address, due_day,
                                                                 settings):
    make_live_phrase(key="early")
    settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS = 33
    make_live_phrase(key="later", shortcut="/lt")
    send_review_reminders(as_of=due_day)
    assert "early" in mail.outbox[0].body and "later" not in mail.outbox[0].body

    send_review_reminders(as_of=due_day + timedelta(days=3))

    assert len(mail.outbox) == 2
    assert "/phrases/later/" in mail.outbox[1].body and "/phrases/early/" not in mail.outbox[1].body


def test_nothing_due_sends_nothing(make_live_phrase, writer_with_address, due_day):
    make_live_phrase()
    run = send_review_reminders(as_of=due_day - timedelta(days=1))
    assert mail.outbox == [] and run.sent == [] and not ReminderDigest.objects.exists()


def test_still_right_restarts_the_clock_answers_the_reminder_and_is_in_history(
        make_live_phrase, writer_with_address, reviewer, due_day):
    phrase = make_live_phrase()
    with freeze_time(due_day):
        send_review_reminders()
        assert reminded_unanswered(Phrase.objects.all()).get() == phrase

    with freeze_time(due_day + timedelta(days=1)):
        phrase = services.phrase_confirm_current(phrase=phrase, actor=reviewer)

    assert phrase.review_due_at == due_day + timedelta(days=31)
    latest = phrase.history.first()
    assert (latest.history_change_reason, latest.history_user) == ("Reviewed, still right", reviewer)
    assert latest.status == "approved" and phrase.live.body == phrase.body
    assert not reminded_unanswered(Phrase.objects.all()).exists()


def test_confirmed_phrase_is_not_reminded_until_its_new_review_date(make_live_phrase, writer_with_address, reviewer,
                                                                   due_day):
    phrase = make_live_phrase()
    send_review_reminders(as_of=due_day)
    with freeze_time(due_day + timedelta(days=2)):
        services.phrase_confirm_current(phrase=phrase, actor=reviewer)

    send_review_reminders(as_of=due_day + timedelta(days=9))  # the old reminder's repeat day
    assert len(mail.outbox) == 1
    send_review_reminders(as_of=due_day + timedelta(days=32))
    assert len(mail.outbox) == 2


def test_phrase_without_owner_goes_to_the_topic_reviewer(make_live_phrase, writer, reviewer_with_address,
                                                         django_user_model, topic, due_day):
    tina = django_user_model.objects.create_user("tina", "tina@example.com", "pw")
    tina.groups.add(Group.objects.get(name="reviewers"))
    topic.reviewer = tina
    topic.save()
    make_live_phrase()  # owned by the writer, who has no address

    send_review_reminders(as_of=due_day)

    assert [m.to for m in mail.outbox] == [["tina@example.com"]]


def test_inactive_owner_falls_back_to_all_reviewers(make_live_phrase, writer_with_address, reviewer_with_address,
                                                    django_user_model, due_day):
    other = django_user_model.objects.create_user("rita", "rita@example.com", "pw")
    other.groups.add(Group.objects.get(name="reviewers"))
    inactive_reviewer = django_user_model.objects.create_user("ivan", "ivan@example.com", "pw", is_active=False)
    inactive_reviewer.groups.add(Group.objects.get(name="reviewers"))
    make_live_phrase()
    writer_with_address.is_active = False
    writer_with_address.save()

    send_review_reminders(as_of=due_day)

    assert sorted(m.to[0] for m in mail.outbox) == ["rita@example.com", "roman@example.com"]


def test_inactive_topic_reviewer_falls_back_to_all_reviewers(make_live_phrase, writer, reviewer_with_address,
                                                             django_user_model, topic, due_day):
    gone = django_user_model.objects.create_user("gone", "gone@example.com", "pw", is_active=False)
    gone.groups.add(Group.objects.get(name="reviewers"))
    topic.reviewer = gone
    topic.save()
    make_live_phrase()

    send_review_reminders(as_of=due_day)

    assert [m.to for m in mail.outbox] == [["roman@example.com"]]


def test_due_phrase_nobody_can_be_told_about_is_reported(make_live_phrase, writer, due_day):
    phrase = make_live_phrase()  # the writer and reviewer fixtures have no addresses
    run = send_review_reminders(as_of=due_day)
    assert run.unreachable == [phrase] and mail.outbox == []


def test_digest_lists_usage_findings_links_and_retire_candidates_apart(
        make_live_phrase, writer_with_address, operator, due_day):
    used = make_live_phrase(key="used-ru", title="Часто нужная")
    make_live_phrase(key="idle-ru", title="Никому не нужная", shortcut="/idle")
    with freeze_time(due_day - timedelta(days=2)):
        for _ in range(3):
            services.phrase_record_use(phrase=used, user=operator, client="test")
    used.lint_findings = [{"rule": "cliche", "severity": "warning", "message": "…", "start": 0, "end": 5}]
    used.save()

    send_review_reminders(as_of=due_day)

    message = mail.outbox[0]
    text = message.body
    review_part, retire_part = text.split("candidates to retire")
    assert "Часто нужная [ru, used-ru]" in review_part and "idle-ru" not in review_part
    assert "Никому не нужная [ru, idle-ru]" in retire_part
    assert "3 uses in the last 30 days" in review_part
    assert "1 open brand-voice finding: cliche" in review_part
    assert "last used " + date_format(due_day - timedelta(days=2), "DATE_FORMAT") in review_part
    assert "https://phrases.example.com/phrases/used-ru/" in review_part
    assert "due today" in review_part
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'href="https://phrases.example.com/phrases/idle-ru/"' in html
    assert message.subject == "Quickphrases: 2 phrases are due for review"


def test_digest_is_written_in_the_recipients_language(make_live_phrase, writer_with_address, due_day):
    Profile.objects.create(user=writer_with_address, interface_language="ru")
    make_live_phrase()

    send_review_reminders(as_of=due_day)

    message = mail.outbox[0]
    assert message.subject == "Quickphrases: 1 фраза ждёт проверки"
    assert "Здравствуйте, Wanda!" in message.body
    assert "срок проверки сегодня" in message.body
    assert ReminderDigest.objects.get().language == "ru"


def test_dry_run_renders_the_digests_and_records_nothing(make_live_phrase, writer_with_address, due_day):
    make_live_phrase()
    run = send_review_reminders(as_of=due_day, dry_run=True)
    assert len(run.planned) == 1 and run.sent == []
    assert mail.outbox == [] and not ReminderDigest.objects.exists()
    assert send_review_reminders(as_of=due_day).sent, "a dry run does not use up the day"


def test_planning_a_run_takes_a_fixed_number_of_queries(make_live_phrase, writer_with_address, reviewer_with_address,
                                                        operator, due_day, django_assert_num_queries):
    from reminders.selectors import reminder_plan

    for n in range(6):
        phrase = make_live_phrase(key=f"p{n}", shortcut=f"/p{n}")
        PhraseUse.objects.create(phrase=phrase, user=operator)
    # 7 for the due phrases and their people, 2 for the variants marked "may be outdated" (the
    # marks, and each person's last digest)
    with django_assert_num_queries(9):
        plan = reminder_plan(as_of=due_day)
    assert len(plan.digests[0].phrases) == 6


def test_owner_who_no_longer_writes_falls_back_to_reviewers(make_live_phrase, writer_with_address,
                                                            reviewer_with_address, due_day):
    make_live_phrase()
    writer_with_address.groups.set([Group.objects.get(name="operators")])

    send_review_reminders(as_of=due_day)

    assert [m.to for m in mail.outbox] == [["roman@example.com"]]


def test_owned_and_ownerless_phrases_go_to_their_own_people(make_live_phrase, writer_with_address,
                                                           reviewer_with_address, due_day):
    make_live_phrase(key="owned")
    orphan = make_live_phrase(key="orphan", shortcut="/orph")
    orphan.owner = None
    orphan.save()

    send_review_reminders(as_of=due_day)

    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert set(by_address) == {"wanda@example.com", "roman@example.com"}
    assert "/phrases/owned/" in by_address["wanda@example.com"]
    assert "/phrases/orphan/" in by_address["roman@example.com"]
    assert "/phrases/owned/" not in by_address["roman@example.com"]
