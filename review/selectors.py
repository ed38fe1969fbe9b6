"""Reads for the reviewers' pages. No writes here."""
from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, QuerySet, Subquery

from phrases.models import Phrase, PhraseStatus


def review_queue() -> QuerySet[Phrase]:
    """Every phrase waiting for review, oldest submission first, with what its cards need.

    `submitted_by_id` is who sent this round for review: the author of the first version in
    review since `submitted_at` (the owner may not be the one who submitted)."""
    submissions = (Phrase.history.model.objects
                   .filter(id=OuterRef("pk"), status=PhraseStatus.IN_REVIEW, history_date__gte=OuterRef("submitted_at"))
                   .order_by("history_date", "history_id")
                   .values("history_user_id")[:1])
    return (Phrase.objects.filter(status=PhraseStatus.IN_REVIEW)
            .select_related("topic", "owner", "live", "live__topic")
            .annotate(submitted_by_id=Subquery(submissions))
            .order_by(F("submitted_at").asc(nulls_first=True), "pk"))


def users_by_id(ids) -> dict:
    """The users with these ids, in one query."""
    ids = {pk for pk in ids if pk is not None}
    return get_user_model().objects.in_bulk(ids) if ids else {}


def version_number(phrase: Phrase, version) -> int:
    """A version's number within its phrase (1 = the oldest), as the history page shows it."""
    return phrase.history.filter(history_id__lte=version.history_id).count()


def phrase_version(phrase: Phrase, version_id: int):
    """One historical version of `phrase`, or None."""
    return phrase.history.filter(history_id=version_id).select_related("history_user").first()
