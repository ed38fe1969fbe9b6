"""Fuzzy phrase search over the live library, for operators typing mid-chat.

    from phrases.search import search_phrases, SearchQueryError
    hits = search_phrases("ghbdtn", language="ru")      # «привет» typed on the English layout
    hits[0].as_dict()  # {"key", "title", "body", "topic", "language", "shortcut", "hotkey", "score",
                    #  "topic_name", "highlights", "match"}

What it understands is described in the README ("Search").
"""
from django.conf import settings
from django.db.models import Count

from phrases.search.index import Hit
from phrases.search.live_index import live_index

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 200  # a lone "/" lists every shortcut in the picker
RECENT_USES = 200     # the operator's last uses looked at for "recently used"
RECENT_SHOWN = 20     # distinct recent phrases listed before the most used ones


# Functions (query, hits, language, topic_ids, limit) -> hits that may re-rank a search whose words matched
# weakly (the suggestions app registers the sentence model's understanding of paraphrases here).
understanders = []


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


def languages_first(order, conversation=None) -> list[str]:
    """The operator's language order with the conversation's language (the client's, when known) first.
    Raises SearchQueryError (field "prefer") for a language the library does not have."""
    if not conversation:
        return list(order or ())
    if conversation not in settings.QUICKPHRASES_LANGUAGES:
        raise SearchQueryError(f"Unknown language '{conversation}'; use one of "
                               + ", ".join(settings.QUICKPHRASES_LANGUAGES) + ".", field="prefer")
    return [conversation] + [code for code in order or () if code != conversation]


def family_variants(keys, prefer_languages=()) -> dict[str, dict]:
    """{key: {"family": its language family or None, "variants": the family's other live variants}} for
    phrases `keys`: each variant {"key", "language", "title", "body", "shortcut", "hotkey"}, `prefer_languages`
    first ([] for a phrase outside a family)."""
    index = live_index.current()
    return {key: {"family": index.family_of(key) or None, "variants": index.variants(key, prefer_languages)}
            for key in keys}


def _empty_query(index, user, pinned_keys, language, topic_ids, limit, prefer_languages):
    """Hits for an empty query: the operator's pinned favourites, then their recently used phrases (most
    recent first), then their most used, then everyone's most used, then A–Z; all within the filters."""
    from datetime import timedelta

    from django.utils import timezone

    from phrases.models import PhraseUse
    from phrases.search.live_index import USAGE_DAYS

    recent, mine = [], []
    if getattr(user, "pk", None):
        recent = list(dict.fromkeys(PhraseUse.objects.filter(user_id=user.pk).order_by("-used_at", "-id")
                                    .values_list("phrase__key", flat=True)[:RECENT_USES]))
        since = timezone.now() - timedelta(days=USAGE_DAYS)
        mine = list(PhraseUse.objects.filter(user_id=user.pk, used_at__gte=since).values("phrase__key")
                    .annotate(uses=Count("id")).order_by("-uses", "phrase__key")
                    .values_list("phrase__key", flat=True)[:200])
    everyone = sorted(index.usage, key=lambda key: (-index.usage[key], key))
    ordered = [str(key) for key in (pinned_keys or ())] + recent[:RECENT_SHOWN] + mine + everyone
    return index.most_used(ordered, language=language, topic_ids=topic_ids, limit=limit,
                           prefer_languages=prefer_languages)


def search_phrases(query, *, language=None, topic=None, limit=10, user=None, prefer_languages=None,
                   pinned_keys=None) -> list[Hit]:
    """Live phrases best matching `query`, best first. Raises SearchQueryError for bad input.

    `prefer_languages` (the operator's language order, first = most preferred) ranks equal and near-equal
    matches in those languages first when no `language` filter is given. A language family shows once: as
    the variant the query's words found, else in the first preferred language; its other languages ride
    along in `Hit.variants`. An empty query lists `pinned_keys` (the operator's favourites, in order), then
    `user`'s recent and most used phrases, then everyone's; pins, recency and usage rank families, never
    languages."""
    query, language, topic_ids, limit = _validate(query, language, topic, limit)
    prefer_languages = [code for code in (prefer_languages or ()) if isinstance(code, str)]
    index = live_index.current()
    if not query.strip():
        return _empty_query(index, user, pinned_keys, language, topic_ids, limit, prefer_languages)
    hits = index.search(query, language=language, topic_ids=topic_ids, limit=limit,
                        prefer_languages=prefer_languages)
    for understand in understanders:
        hits = understand(query, hits, language=language, topic_ids=topic_ids, limit=limit)
    return hits


__all__ = ["MAX_LIMIT", "MAX_QUERY_LENGTH", "Hit", "SearchQueryError", "family_variants", "languages_first",
           "search_phrases"]
