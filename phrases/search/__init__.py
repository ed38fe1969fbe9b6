"""Fuzzy phrase search over the live library, for operators typing mid-chat.

    from phrases.search import search_phrases, SearchQueryError
    hits = search_phrases("ghbdtn", language="ru")      # «привет» typed on the English layout
    hits[0].as_dict()  # {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "score"}

What it understands is described in the README ("Search").
"""
from django.conf import settings
from django.db.models import Count

from phrases.search.index import Hit
from phrases.search.live_index import live_index

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 50


class SearchQueryError(ValueError):
    """A query the search cannot run: too long, unknown language or topic, or a bad limit."""

    def __init__(self, message, field="q"):
        super().__init__(message)
        self.message = message
        self.field = field


def _validate(query, language, topic, limit):
    if query is None:
        query = ""
    if not isinstance(query, str):
        raise SearchQueryError("The query must be text.")
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchQueryError(f"The query is {len(query)} characters long; at most {MAX_QUERY_LENGTH} are allowed.")
    if language and language not in settings.QUICKPHRASES_LANGUAGES:
        raise SearchQueryError(f"Unknown language '{language}'; use one of "
                               + ", ".join(settings.QUICKPHRASES_LANGUAGES) + ".", field="language")
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        raise SearchQueryError(f"The limit must be a whole number from 1 to {MAX_LIMIT}.", field="limit") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise SearchQueryError(f"The limit must be a whole number from 1 to {MAX_LIMIT}.", field="limit")
    topic_ids = None
    if topic:
        from phrases.selectors import topic_and_descendants

        topic_ids = topic_and_descendants(topic)
        if not topic_ids:
            raise SearchQueryError(f"Unknown topic '{topic}'.", field="topic")
    return query, language or None, topic_ids, limit


def _most_used(index, user, language, topic_ids, limit):
    """Hits for an empty query: this operator's favourites, then everyone's, then A–Z."""
    from phrases.models import PhraseUse
    from phrases.search.live_index import USAGE_DAYS

    mine = []
    if getattr(user, "pk", None):
        from datetime import timedelta

        from django.utils import timezone

        since = timezone.now() - timedelta(days=USAGE_DAYS)
        mine = list(PhraseUse.objects.filter(user_id=user.pk, used_at__gte=since).values("phrase__key")
                    .annotate(uses=Count("id")).order_by("-uses", "phrase__key")
                    .values_list("phrase__key", flat=True)[:200])
    ordered = mine + sorted(index.usage, key=lambda key: (-index.usage[key], key))
    return index.most_used(ordered, language=language, topic_ids=topic_ids, limit=limit)


def search_phrases(query, *, language=None, topic=None, limit=10, user=None) -> list[Hit]:
    """Live phrases best matching `query`, best first. Raises SearchQueryError for bad input."""
    query, language, topic_ids, limit = _validate(query, language, topic, limit)
    index = live_index.current()
    if not query.strip():
        return _most_used(index, user, language, topic_ids, limit)
    return index.search(query, language=language, topic_ids=topic_ids, limit=limit)


__all__ = ["MAX_LIMIT", "MAX_QUERY_LENGTH", "Hit", "SearchQueryError", "search_phrases"]
