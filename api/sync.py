"""Incremental sync: live-library changes after an opaque cursor, oldest first, a page at a time.

The cursor encodes a LiveChange id. Changes commit in id order (phrases.services.live locks the
library while recording one), so everything up to the cursor has been seen. Each changed key is
sent once per page with its current state: an upsert if it is live now, else a delete.
"""
import base64
import binascii

from django.db.models import Max
from rest_framework.exceptions import ValidationError

from api.serializers import LivePhraseSerializer
from phrases.models import LiveChange, LivePhrase

DEFAULT_LIMIT = 500
MAX_LIMIT = 2000
_PREFIX = "qp1:"


def encode_cursor(change_id: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{change_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not text.startswith(_PREFIX):
            raise ValueError
        value = int(text[len(_PREFIX):])
        if value < 0:
            raise ValueError
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ValidationError({"since": ["Not a cursor from this API: pass back the `cursor` of a previous "
                                         "answer, or leave `since` out to get everything."]}) from None


def parse_limit(value) -> int:
    if value in (None, ""):
        return DEFAULT_LIMIT
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationError({"limit": [f"Use a whole number from 1 to {MAX_LIMIT}."]})
    return limit


def etag(since: int, revision: int, limit: int) -> str:
    return f'"sync-{since}-{revision}-{limit}"'


def changes(since: int, revision: int, limit: int) -> dict:
    """The page of changes after `since` up to `revision` (the revision read for the ETag)."""
    latest = (LiveChange.objects.filter(id__gt=since, id__lte=revision).values("key")
              .annotate(last=Max("id")).order_by("last")[:limit + 1])
    page = list(latest)
    has_more = len(page) > limit
    page = page[:limit]
    cursor = page[-1]["last"] if has_more else max(revision, since)
    keys = [row["key"] for row in page]
    live = {p.key: p for p in LivePhrase.objects.select_related("topic").filter(key__in=keys)}
    return {
        "cursor": encode_cursor(cursor),
        "upserts": LivePhraseSerializer([live[key] for key in keys if key in live], many=True).data,
        "deletes": [key for key in keys if key not in live],
        "has_more": has_more,
    }
