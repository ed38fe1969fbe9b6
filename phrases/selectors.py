"""Reads of the phrase library that are more than a `.get()`. No writes here."""
from datetime import timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from phrases.models import (
    MAX_TOPIC_DEPTH,
    VERSION_FIELDS,
    DriftMark,
    LiveChange,
    LivePhrase,
    Phrase,
    PhraseStatus,
    Topic,
)


def live_text_sample(limit: int = 20_000) -> list[tuple[str, str]]:
    """(language, body) of up to `limit` live phrases: enough to know a library's frequent words (the lint
    preload judges them ahead) without reading a million-phrase library whole."""
    return list(LivePhrase.objects.order_by().values_list("language", "body")[:limit])


def library_revision() -> int:
    """The id of the latest change to the live library (0 for an empty one)."""
    return LiveChange.objects.order_by("-id").values_list("id", flat=True).first() or 0


def topic_choices(language: str | None = None) -> list[tuple[str, str]]:
    """(slug, name) of every topic in tree order, each named in `language` (the active interface
    language by default; `Topic.display_name` falls back to `name`). The one helper every page,
    filter and e-mail uses for topic names."""
    return [(topic.slug, topic.display_name(language))
            for topic in Topic.objects.order_by("order", "slug").only("slug", "name", "names")]


def topic_labels(language: str | None = None) -> dict[str, str]:
    """{slug: name in `language`} for every topic."""
    return dict(topic_choices(language))


def topic_and_descendants(slug: str) -> list[int]:
    """Primary keys of the topic with this slug and all topics below it."""
    children = {}
    for pk, parent in Topic.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    root = Topic.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if root is None:
        return []
    result, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in result:
                result.add(child)
                stack.append(child)
    return sorted(result)


def topic_forest() -> list[dict]:
    """The topic tree as nested dicts ({slug, name, names, parent, order, children}), roots first (one query).

    Built without recursion, and nested at most MAX_TOPIC_DEPTH levels: a topic deeper than that
    (only data written past the doors could be) is listed among the children of its ancestor at
    the last level, its `parent` still naming its real parent, so no reader has to recurse deeper."""
    topics = list(Topic.objects.order_by("order", "slug").values_list("pk", "slug", "name", "parent_id", "order",
                                                                       "names"))
    slugs = {pk: slug for pk, slug, *_ in topics}
    nodes = {pk: {"slug": slug, "name": name, "names": names or {}, "parent": slugs.get(parent_id), "order": order,
                  "children": []}
             for pk, slug, name, parent_id, order, names in topics}
    children = {}
    for pk, _slug, _name, parent_id, _order, _names in topics:
        children.setdefault(parent_id if parent_id in nodes else None, []).append(pk)
    roots = [nodes[pk] for pk in children.get(None, [])]
    stack = [(pk, 1) for pk in children.get(None, [])]
    placed, holder = set(children.get(None, [])), {}
    while stack:
        pk, level = stack.pop()
        # Below the last level, children join the list their parent is in instead of nesting on.
        target, child_level = (nodes[pk], level + 1) if level < MAX_TOPIC_DEPTH else (holder[pk], level)
        for child in children.get(pk, []):
            if child not in placed:
                placed.add(child)
                target["children"].append(nodes[child])
                holder[child] = target
                stack.append((child, child_level))
    return roots


def live_phrases(*, language: str | None = None, topic: str | None = None) -> QuerySet[LivePhrase]:
    """The approved library as operators see it, optionally for one language and topic subtree."""
    queryset = LivePhrase.objects.select_related("topic").order_by("key")
    if language:
        queryset = queryset.filter(language=language)
    if topic:
        queryset = queryset.filter(topic_id__in=topic_and_descendants(topic))
    return queryset


def working_phrases(*, status: str | None = None, language: str | None = None,
                    topic: str | None = None, family: str | None = None, outdated: bool = False) -> QuerySet[Phrase]:
    """Working copies (drafts included) for writers and reviewers; `family` keeps one family's
    variants, `outdated` those marked "may be outdated"."""
    queryset = Phrase.objects.select_related("topic").order_by("key")
    if family:
        queryset = queryset.filter(family=family)
    if outdated:
        queryset = queryset.filter(pk__in=DriftMark.objects.values("phrase_id"))
    if status:
        queryset = queryset.filter(status=status)
    if language:
        queryset = queryset.filter(language=language)
    if topic:
        queryset = queryset.filter(topic_id__in=topic_and_descendants(topic))
    return queryset


def drift_marks_prefetch() -> Prefetch:
    """Prefetch of each phrase's "may be outdated" marks with the variant that caused them."""
    return Prefetch("drift_marks", queryset=DriftMark.objects.select_related("source").order_by("-created_at"))


def due_for_review(*, on=None) -> QuerySet[Phrase]:
    """Approved phrases whose monthly review is due on or before `on` (today by default)."""
    on = on or timezone.localdate()
    return Phrase.objects.filter(status=PhraseStatus.APPROVED, review_due_at__lte=on).order_by("review_due_at", "key")


def usage_counts(queryset: QuerySet[Phrase], *, days=(7, 30)) -> QuerySet[Phrase]:
    """Annotate phrases with `uses_<n>d` counts for each window in `days`."""
    now = timezone.now()
    return queryset.annotate(**{
        f"uses_{n}d": Count("uses", filter=Q(uses__used_at__gte=now - timedelta(days=n))) for n in days
    })


def live_usage_counts(queryset: QuerySet[LivePhrase], *, days=(7, 30)) -> QuerySet[LivePhrase]:
    """Annotate live phrases with `uses_<n>d` counts for each window in `days`."""
    now = timezone.now()
    return queryset.annotate(**{
        f"uses_{n}d": Count("phrase__uses", filter=Q(phrase__uses__used_at__gte=now - timedelta(days=n)))
        for n in days
    })


def phrase_versions(phrase: Phrase) -> list[dict]:
    """Every version of a phrase, newest first, each with its changes against the one before."""
    versions = list(phrase.history.select_related("history_user").order_by("-history_date", "-history_id"))
    result = []
    for index, version in enumerate(versions):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        result.append({"version": version, "changes": version_changes(previous, version)})
    return result


def version_changes(old, new) -> list[dict]:
    """Field-by-field changes from historical version `old` (None: nothing) to `new`."""
    if old is None:
        return [{"field": name, "old": None, "new": _field_value(new, name)} for name in VERSION_FIELDS]
    delta = new.diff_against(old, included_fields=list(VERSION_FIELDS))
    return [{"field": change.field, "old": _display(change.field, change.old), "new": _display(change.field, change.new)}
            for change in delta.changes]


def _field_value(version, name):
    return _display(name, getattr(version, "topic_id" if name == "topic" else name))


def _display(name, value):
    if name == "topic" and value is not None:
        return Topic.objects.filter(pk=value).values_list("slug", flat=True).first() or value
    return value


def phrase_dismissal_list(phrase: Phrase) -> list:
    """The reviewers' dismissals of findings on a phrase, newest first, each with `in_force`: the
    linter still flags those words under that rule in the current text."""
    from phrases.services.findings import flagged_text, phrase_dismissals, run_lint

    flagged = {(f["rule"], flagged_text(phrase.body, f)) for f in run_lint(phrase)}
    dismissals = phrase_dismissals(phrase)
    for dismissal in dismissals:
        dismissal.in_force = (dismissal.rule, dismissal.text) in flagged
    return dismissals
