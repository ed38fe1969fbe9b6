"""Reads for the review cycle: who is reminded of what, and the library's health figures. No writes.

Definitions the phrase list's query strings share (see `FIGURE_QUERIES`):
- due this week (`?due=week`): approved, review date after today and at most 7 days away;
- overdue (`?overdue=1`): approved, review date today or earlier (what the reminders are about);
- unused (`?unused=1`): live phrases with no recorded use in the last 30 days;
- flagged (`?flagged=1`): phrases (not archived) with a stored brand-voice finding nobody dismissed;
- unapproved (`?unapproved=1`): drafts and phrases in review (work not yet approved);
- reminded (`?reminded=1`): phrases (not archived) reminded about their current review date and
  neither re-approved nor confirmed since.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import Profile
from accounts.roles import REVIEWERS, WRITERS
from phrases.models import DriftMark, FindingDismissal, Phrase, PhraseStatus, Topic
from reminders.models import ReminderDigest, ReminderEntry

USAGE_DAYS = 30
WEEK = 7
FIGURE_QUERIES = {
    "due_week": "due=week",
    "overdue": "overdue=1",
    "unused": "unused=1",
    "flagged": "flagged=1",
    "unapproved": "unapproved=1",
    "reminded": "reminded=1",
    "outdated": "outdated=1",
}


# --- Links and languages -------------------------------------------------------------------------

def site_url(path: str = "/") -> str:
    """An absolute link into the app, for e-mails (QUICKPHRASES_SITE_URL + path)."""
    return settings.QUICKPHRASES_SITE_URL.rstrip("/") + path


def phrase_path(key: str) -> str:
    return f"/phrases/{key}/"


def phrase_list_path(*figures: str) -> str:
    return "/phrases/?" + "&".join(FIGURE_QUERIES[figure] for figure in figures)


def interface_languages(user_ids) -> dict[int, str]:
    """Each user's interface language: their profile's, else LANGUAGE_CODE (no profile: defaults)."""
    chosen = dict(Profile.objects.filter(user_id__in=list(user_ids)).exclude(interface_language="")
                  .values_list("user_id", "interface_language"))
    return {user_id: chosen.get(user_id, settings.LANGUAGE_CODE) for user_id in user_ids}


def wants_review_emails(user) -> bool:
    """Whether this person gets review-outcome mail (on unless switched off in the profile)."""
    return not Profile.objects.filter(user=user, review_emails=False).exists()


# --- Phrase filters shared by the health page and the phrase list ----------------------------------

def due_within_week(queryset: QuerySet[Phrase], *, today: date) -> QuerySet[Phrase]:
    return queryset.filter(status=PhraseStatus.APPROVED, review_due_at__gt=today,
                           review_due_at__lte=today + timedelta(days=WEEK))


def overdue(queryset: QuerySet[Phrase], *, today: date) -> QuerySet[Phrase]:
    return queryset.filter(status=PhraseStatus.APPROVED, review_due_at__lte=today)


def unused(queryset: QuerySet[Phrase], *, days: int = USAGE_DAYS) -> QuerySet[Phrase]:
    """Live phrases nobody used in the last `days` days, counted from when their text went live: a phrase
    approved yesterday has not had 30 days to be used."""
    since = timezone.now() - timedelta(days=days)
    recent = Q(uses__used_at__gte=since)
    return (queryset.filter(live__isnull=False, live__approved_at__lte=since)
            .annotate(_recent_uses=Count("uses", filter=recent)).filter(_recent_uses=0))


def unapproved(queryset: QuerySet[Phrase]) -> QuerySet[Phrase]:
    return queryset.filter(status__in=[PhraseStatus.DRAFT, PhraseStatus.IN_REVIEW])


def reminded_unanswered(queryset: QuerySet[Phrase]) -> QuerySet[Phrase]:
    # A reminder about the phrase's current review date, with no review since it was sent
    # (approval and "still right" stamp reviewed_at and move the date).
    reminder = ReminderEntry.objects.filter(
        phrase=OuterRef("pk"), due_on=OuterRef("review_due_at"), digest__sent_at__gte=OuterRef("reviewed_at"))
    return queryset.exclude(status=PhraseStatus.ARCHIVED).filter(Exists(reminder))


def open_findings(phrase: Phrase, dismissed: set[tuple[str, str]]) -> list[dict]:
    """The phrase's stored brand-voice findings that no reviewer dismissed (by rule and words)."""
    result = []
    for finding in phrase.lint_findings or []:
        words = phrase.body[finding.get("start", 0):finding.get("end", 0)]
        if (finding.get("rule"), words) not in dismissed:
            result.append(finding)
    return result


def dismissals_by_phrase(phrase_ids) -> dict[int, set[tuple[str, str]]]:
    result: dict[int, set[tuple[str, str]]] = {}
    for phrase_id, rule, text in FindingDismissal.objects.filter(phrase_id__in=list(phrase_ids)).values_list(
            "phrase_id", "rule", "text"):
        result.setdefault(phrase_id, set()).add((rule, text))
    return result


def flagged_ids() -> list[int]:
    """Phrases (not archived) with at least one open brand-voice finding."""
    candidates = list(Phrase.objects.exclude(status=PhraseStatus.ARCHIVED).exclude(lint_findings=[])
                      .only("pk", "body", "lint_findings"))
    dismissed = dismissals_by_phrase(p.pk for p in candidates)
    return [p.pk for p in candidates if open_findings(p, dismissed.get(p.pk, set()))]


def flagged(queryset: QuerySet[Phrase]) -> QuerySet[Phrase]:
    return queryset.filter(pk__in=flagged_ids())


# --- Who is reminded of what -----------------------------------------------------------------------

@dataclass
class DuePhrase:
    phrase: Phrase
    days_overdue: int
    uses_30d: int
    last_used: datetime | None
    open_findings: list[dict]
    retire_candidate: bool  # not used once since its last review
    url: str


@dataclass
class OutdatedVariant:
    """A language variant marked "may be outdated": another variant of its family changed."""

    phrase: Phrase
    sources: list[str]  # keys of the variants whose approved text changed
    url: str
    marked_at: datetime | None = None  # the newest mark


@dataclass
class PlannedDigest:
    """One person's digest: `phrases` are the ones it lists (at most QUICKPHRASES_DIGEST_MAX_PHRASES,
    the most overdue first); `review_total` and `retire_total` count every due phrase behind them."""

    recipient: object
    language: str
    phrases: list[DuePhrase] = field(default_factory=list)
    review_total: int = 0
    retire_total: int = 0
    outdated: list[OutdatedVariant] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.review_total + self.retire_total

    @property
    def review_more(self) -> int:
        return self.review_total - len(self.to_review)

    @property
    def retire_more(self) -> int:
        return self.retire_total - len(self.to_retire)

    @property
    def to_review(self) -> list[DuePhrase]:
        return [p for p in self.phrases if not p.retire_candidate]

    @property
    def to_retire(self) -> list[DuePhrase]:
        return [p for p in self.phrases if p.retire_candidate]


@dataclass
class ReminderPlan:
    digests: list[PlannedDigest]
    unreachable: list[Phrase]  # due, but nobody active with an address to remind
    already_sent_today: int  # people who already had today's digest


def _end_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def due_phrases(*, as_of: date) -> list[DuePhrase]:
    """Approved phrases whose review is due on `as_of`, with usage up to the end of that day."""
    end = _end_of_day(as_of)
    window = Q(uses__used_at__lt=end)
    queryset = (
        Phrase.objects.filter(status=PhraseStatus.APPROVED, review_due_at__lte=as_of)
        .select_related("owner", "topic")
        .annotate(
            uses_30d=Count("uses", filter=window & Q(uses__used_at__gte=end - timedelta(days=USAGE_DAYS))),
            uses_since_review=Count("uses", filter=window & Q(
                uses__used_at__gte=Coalesce(F("reviewed_at"), end - timedelta(days=USAGE_DAYS)))),
            last_used=Max("uses__used_at", filter=window),
        )
        .order_by("review_due_at", "key")
    )
    phrases = list(queryset)
    dismissed = dismissals_by_phrase(p.pk for p in phrases)
    return [
        DuePhrase(phrase=p, days_overdue=(as_of - p.review_due_at).days, uses_30d=p.uses_30d,
                  last_used=p.last_used, open_findings=open_findings(p, dismissed.get(p.pk, set())),
                  retire_candidate=p.uses_since_review == 0, url=site_url(phrase_path(p.key)))
        for p in phrases
    ]


def outdated_variants() -> list[OutdatedVariant]:
    """Working copies marked "may be outdated" (archived ones aside), oldest mark first."""
    by_phrase: dict[int, OutdatedVariant] = {}
    marks = (DriftMark.objects.exclude(phrase__status=PhraseStatus.ARCHIVED)
             .select_related("phrase__owner", "phrase__topic", "source").order_by("created_at", "phrase__key"))
    newest = {}
    for mark in marks:
        item = by_phrase.setdefault(mark.phrase_id, OutdatedVariant(
            phrase=mark.phrase, sources=[], url=site_url(phrase_path(mark.phrase.key))))
        item.sources.append(mark.source.key)
        newest[mark.phrase_id] = mark.created_at
    for item in by_phrase.values():
        item.marked_at = newest[item.phrase.pk]
    return list(by_phrase.values())


def _reachable_people() -> tuple[dict, list]:
    """Active writers and reviewers with an address (by id), and the reviewers among them."""
    User = get_user_model()
    reviewer_q = Q(groups__name=REVIEWERS) | Q(is_superuser=True)
    people = (User.objects.filter(Q(groups__name=WRITERS) | reviewer_q, is_active=True).exclude(email="")
              .annotate(is_reviewer=Exists(User.objects.filter(reviewer_q, pk=OuterRef("pk"))))
              .distinct().order_by("username"))
    by_id = {person.pk: person for person in people}
    return by_id, [person for person in by_id.values() if person.is_reviewer]


def _topic_reviewer(topic, topics_by_id, people) -> object | None:
    """The nearest reachable reviewer set on the topic or one of its parents."""
    seen = set()
    while topic is not None and topic.pk not in seen:
        seen.add(topic.pk)
        if topic.reviewer_id in people:
            return people[topic.reviewer_id]
        topic = topics_by_id.get(topic.parent_id)
    return None


def recipients_for(phrase: Phrase, *, people: dict, reviewers: list, topics_by_id: dict) -> list:
    """The owner; else the topic's reviewer; else every reviewer (only active people with an address)."""
    if phrase.owner_id in people:
        return [people[phrase.owner_id]]
    topic_reviewer = _topic_reviewer(phrase.topic, topics_by_id, people)
    return [topic_reviewer] if topic_reviewer else list(reviewers)


def reminder_plan(*, as_of: date) -> ReminderPlan:
    """The digests a run on `as_of` sends: per person, the due phrases not named to them within the
    repeat interval for the same review date; nobody gets a second digest for the same day."""
    repeat = settings.QUICKPHRASES_REMINDER_REPEAT_DAYS
    due = due_phrases(as_of=as_of)
    people, reviewers = _reachable_people()
    topics_by_id = {topic.pk: topic for topic in Topic.objects.all()}
    recent = set(ReminderEntry.objects.filter(digest__period__gt=as_of - timedelta(days=repeat))
                 .values_list("digest__recipient_id", "phrase_id", "due_on"))
    had_today = set(ReminderDigest.objects.filter(period=as_of).values_list("recipient_id", flat=True))
    by_person: dict[int, list[DuePhrase]] = {}
    unreachable, skipped_today = [], set()
    for item in due:
        recipients = recipients_for(item.phrase, people=people, reviewers=reviewers, topics_by_id=topics_by_id)
        if not recipients:
            unreachable.append(item.phrase)
        for person in recipients:
            if (person.pk, item.phrase.pk, item.phrase.review_due_at) in recent:
                continue
            if person.pk in had_today:
                skipped_today.add(person.pk)
                continue
            by_person.setdefault(person.pk, []).append(item)
    # Variants marked "may be outdated" go to the same people; they alone start a digest only when
    # marked since the person's last one.
    last_digest = dict(ReminderDigest.objects.values("recipient_id").annotate(last=Max("period"))
                       .values_list("recipient_id", "last"))
    outdated_by_person: dict[int, list[OutdatedVariant]] = {}
    for item in outdated_variants():
        for person in recipients_for(item.phrase, people=people, reviewers=reviewers, topics_by_id=topics_by_id):
            if person.pk in had_today:
                continue
            outdated_by_person.setdefault(person.pk, []).append(item)
    for person_id, items in outdated_by_person.items():
        last = last_digest.get(person_id)
        if person_id not in by_person and (last is None or any(i.marked_at.date() > last for i in items)):
            by_person[person_id] = []
    languages = interface_languages(by_person)
    digests = []
    for person_id, items in by_person.items():
        items.sort(key=lambda i: (-i.days_overdue, -i.uses_30d, i.phrase.key))
        # A digest lists the most overdue few and counts the rest (with links to the full lists), so
        # a huge library still makes a small e-mail; the rest are named by the next days' digests.
        retire_total = sum(item.retire_candidate for item in items)
        digests.append(PlannedDigest(recipient=people[person_id], language=languages[person_id],
                                     phrases=items[:settings.QUICKPHRASES_DIGEST_MAX_PHRASES],
                                     review_total=len(items) - retire_total, retire_total=retire_total,
                                     outdated=outdated_by_person.get(person_id, [])))
    digests.sort(key=lambda d: d.recipient.username)
    return ReminderPlan(digests=digests, unreachable=unreachable, already_sent_today=len(skipped_today))


# --- Health figures --------------------------------------------------------------------------------

@dataclass
class Health:
    today: date
    due_week: int
    overdue: int
    unused: int
    flagged: int
    unapproved: int
    reminded: int
    digests_sent_30d: int
    most_used: list
    least_used: list
    overdue_phrases: list  # the most overdue first, for the "still right" buttons
    links: dict = field(default_factory=dict)
    outdated: int = 0  # language variants marked "may be outdated"
    outdated_variants: list = field(default_factory=list)  # the oldest marks first


def review_health(*, today: date | None = None, most: int = 5, overdue_limit: int = 10) -> Health:
    """The figures on /health/: what is due, overdue, unused, most and least used, flagged,
    waiting for approval, and reminders nobody has answered yet."""
    today = today or timezone.localdate()
    since = timezone.now() - timedelta(days=USAGE_DAYS)
    counts = Phrase.objects.aggregate(
        due_week=Count("pk", filter=Q(pk__in=due_within_week(Phrase.objects.all(), today=today).values("pk"))),
        overdue=Count("pk", filter=Q(pk__in=overdue(Phrase.objects.all(), today=today).values("pk"))),
        unapproved=Count("pk", filter=Q(pk__in=unapproved(Phrase.objects.all()).values("pk"))),
        reminded=Count("pk", filter=Q(pk__in=reminded_unanswered(Phrase.objects.all()).values("pk"))),
    )
    used = (Phrase.objects.filter(live__isnull=False)
            .annotate(uses_30d=Count("uses", filter=Q(uses__used_at__gte=since))).filter(uses_30d__gt=0))
    overdue_rows = overdue(Phrase.objects.all(), today=today).select_related("live").order_by("review_due_at", "key")
    return Health(
        today=today,
        unused=unused(Phrase.objects.all()).count(),
        flagged=len(flagged_ids()),
        digests_sent_30d=ReminderDigest.objects.filter(sent_at__gte=since).count(),
        most_used=(most_used := list(used.order_by("-uses_30d", "key")[:most])),
        # Never a phrase already listed as most used (with few phrases in use both lists would repeat).
        least_used=list(used.exclude(pk__in=[phrase.pk for phrase in most_used]).order_by("uses_30d", "key")[:most]),
        overdue_phrases=[{"phrase": phrase, "days_overdue": (today - phrase.review_due_at).days}
                         for phrase in overdue_rows[:overdue_limit]],
        links={name: phrase_list_path(name) for name in FIGURE_QUERIES},
        outdated=len(outdated := outdated_variants()),
        outdated_variants=outdated[:overdue_limit],
        **counts,
    )
