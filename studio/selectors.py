"""Reads for the writers' pages: the working library with its filters, and the topic tree."""
from datetime import timedelta

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from phrases.models import DriftMark, LivePhrase, Phrase, PhraseStatus, PhraseUse, Topic
from phrases.search import SearchQueryError, search_phrases
from phrases.selectors import topic_and_descendants
from phrases.services.actions import RESERVED_KEYS

UNUSED_DAYS = 30
# How many live search hits a query in the library box may bring in beside the plain text matches.
SEARCH_HITS = 50


def topic_tree() -> list[tuple[Topic, int]]:
    """Every topic with its depth, parents before their children, siblings in their order (one query)."""
    topics = list(Topic.objects.order_by("order", "slug"))
    children = {}
    for topic in topics:
        children.setdefault(topic.parent_id, []).append(topic)
    ordered = []
    # Depth first without recursion: a tree of any depth in the database keeps the pages up.
    stack = [(topic, 0) for topic in reversed(children.get(None, []))]
    while stack:
        topic, depth = stack.pop()
        ordered.append((topic, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(topic.pk, [])))
    seen = {topic.pk for topic, _ in ordered}
    ordered += [(topic, 0) for topic in topics if topic.pk not in seen]  # a cycle would orphan these
    return ordered


def _text_match(query: str) -> Q:
    # SQLite folds case for ASCII only, so Cyrillic and Polish words are tried in their usual cases too.
    variants = {query, query.lower(), query.capitalize(), query.upper()}
    match = Q()
    for variant in variants:
        match |= Q(title__contains=variant) | Q(key__contains=variant) | Q(body__contains=variant)
    return match | Q(shortcut=query.lower()) | Q(shortcut="/" + query.lower().lstrip("/"))


def phrase_list(*, filters: dict, actor) -> QuerySet[Phrase]:
    """Working copies for the library page, filtered; each annotated with `uses_30d` and `has_live`.

    `filters` holds the cleaned values of `studio.forms.PhraseFilterForm`; empty values mean "any".
    """
    today = timezone.localdate()
    since = timezone.now() - timedelta(days=UNUSED_DAYS)
    recent_uses = PhraseUse.objects.filter(phrase=OuterRef("pk"), used_at__gte=since)
    queryset = Phrase.objects.select_related("topic", "owner").annotate(
        # Subqueries, not a join with GROUP BY: the database counts only for the rows of the page.
        uses_30d=Coalesce(Subquery(recent_uses.order_by().values("phrase").annotate(n=Count("pk")).values("n"),
                                   output_field=IntegerField()), Value(0)),
        has_live=Exists(LivePhrase.objects.filter(phrase=OuterRef("pk"))),
    )
    order = ["key"]
    query = (filters.get("q") or "").strip()
    if query:
        try:
            hits = [hit.key for hit in search_phrases(query, language=filters.get("language") or None,
                                                      limit=SEARCH_HITS)]
        except SearchQueryError:
            hits = []
        queryset = queryset.filter(_text_match(query) | Q(key__in=hits))
    if filters.get("topic"):
        queryset = queryset.filter(topic_id__in=topic_and_descendants(filters["topic"].slug))
    if filters.get("language"):
        queryset = queryset.filter(language=filters["language"])
    status = filters.get("status")
    if status == "changes_requested":
        queryset = queryset.filter(changes_requested=True).exclude(status=PhraseStatus.ARCHIVED)
    elif status == PhraseStatus.DRAFT:
        queryset = queryset.filter(status=PhraseStatus.DRAFT, changes_requested=False)
    elif status:
        queryset = queryset.filter(status=status)
    due = filters.get("due")
    if due or filters.get("overdue"):
        queryset = queryset.filter(status=PhraseStatus.APPROVED)
        if filters.get("overdue"):
            queryset = queryset.filter(review_due_at__lt=today)
        if due == "1":
            queryset = queryset.filter(review_due_at__lte=today)
        elif due == "week":
            queryset = queryset.filter(review_due_at__lte=today + timedelta(days=7))
        order = ["review_due_at", "key"]
    if filters.get("unapproved"):
        queryset = queryset.filter(status__in=[PhraseStatus.DRAFT, PhraseStatus.IN_REVIEW], has_live=True)
    owner = filters.get("owner")
    if owner == "me":
        queryset = queryset.filter(owner=actor)
    elif owner:
        queryset = queryset.filter(owner__username=owner)
    if filters.get("unused"):
        # As on /health/: counted from when the live text went live.
        queryset = queryset.filter(has_live=True, live__approved_at__lte=since).exclude(Exists(recent_uses))
    if filters.get("flagged"):
        queryset = queryset.exclude(status=PhraseStatus.ARCHIVED).exclude(lint_findings=[])
    if filters.get("family"):
        queryset = queryset.filter(family=filters["family"])
        order = ["language", "key"]
    if filters.get("outdated"):
        queryset = queryset.filter(Exists(DriftMark.objects.filter(phrase=OuterRef("pk")))).exclude(
            status=PhraseStatus.ARCHIVED)
    return queryset.annotate(outdated=Exists(DriftMark.objects.filter(phrase=OuterRef("pk")))).order_by(*order)


def findings_summary(findings: list[dict]) -> dict:
    """Counts of the stored brand-voice findings by severity."""
    errors = sum(1 for finding in findings or () if finding.get("severity") == "error")
    warnings = sum(1 for finding in findings or () if finding.get("severity") == "warning")
    return {"errors": errors, "warnings": warnings}


def suggest_key(title: str, language: str, *, taken=None) -> str:
    """A free key made from the title, transliterated: «Сроки доставки», ru → `sroki-dostavki-ru`."""
    from slugify import slugify

    base = slugify(title or "", max_length=80, word_boundary=True) or "phrase"
    if language:
        base = f"{base}-{language}"
    existing = set(Phrase.objects.filter(key__startswith=base).values_list("key", flat=True)) if taken is None else taken
    key, n = base, 2
    while key in existing or key in RESERVED_KEYS:  # the create action refuses reserved keys
        key, n = f"{base}-{n}", n + 1
    return key


def family_variants(phrase: Phrase) -> list[Phrase]:
    """The other variants of the phrase's family, by language (with their live text)."""
    if not phrase.family:
        return []
    return list(Phrase.objects.filter(family=phrase.family).exclude(pk=phrase.pk).select_related("live")
                .order_by("language", "key"))


def suggest_family(phrase: Phrase) -> str:
    """A family name for a phrase in none yet: its key without the language ("hold-minute-ru" →
    "hold-minute"), or the key itself."""
    from phrases.services.families import key_stem

    return key_stem(phrase.key, phrase.language) or phrase.key


def trigger_conflicts(*, key: str, language: str, shortcut: str, hotkey: str, family: str = "") -> dict:
    """Which of `shortcut` and `hotkey` another phrase already holds, as {field: holder key}
    (variants of the same `family` share them).

    Decided by the one trigger check the services run on save and on approval, over the working
    copies and over the live library."""
    from phrases.services.triggers import Triggers, trigger_clashes

    proposed = {key or "": Triggers(language or "", shortcut or "", hotkey or "", family or "")}
    conflicts = {}
    for live in (False, True):
        for problem in trigger_clashes(proposed, live=live):
            conflicts.setdefault(problem["field"], problem["holder"])
    return conflicts


def text_findings(body: str, language: str) -> list[dict]:
    """Brand-voice findings in `body` as the editor shows them (each with the flagged words), for the page
    rendered by the server; an empty text or an unknown language has none."""
    from django.conf import settings

    from phrases.lint import lint_text

    if not (body or "").strip() or language not in settings.QUICKPHRASES_LANGUAGES:
        return []
    return [{**finding.as_dict(), "text": body[finding.start:finding.end]} for finding in lint_text(body, language)]


def preview(body: str, samples: dict) -> str:
    """The text with each known {placeholder} replaced by its sample value."""
    from phrases.placeholders import PLACEHOLDER_RE

    return PLACEHOLDER_RE.sub(lambda match: samples.get(match.group(1), match.group(0)), body or "")


def edit_conflict(current: Phrase, *, seen_revision: int) -> dict:
    """Who saved `current` after the revision the writer started from, when, and what they changed."""
    from phrases.selectors import version_changes

    history = current.history.select_related("history_user")
    latest = history.order_by("-history_date", "-history_id").first()
    seen = history.filter(revision=seen_revision).order_by("-history_date", "-history_id").first()
    changes = [c for c in version_changes(seen, latest) if c["field"] != "status"] if seen and latest else []
    user = latest.history_user if latest else None
    return {"who": (user.get_full_name() or user.get_username()) if user else None,
            "when": latest.history_date if latest else None, "changes": changes}
