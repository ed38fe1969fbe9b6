"""Writes for suggestions: feedback from the picker, a reviewer's reset of what was learned, and the
retention purge (run daily by the task queue, see suggestions/tasks.py; `manage.py purge_suggestion_data` runs
it by hand)."""
import re
from datetime import timedelta

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phrases.models import LivePhrase
from phrases.search import hotkeys
from suggestions.engine.encoder import load_encoder
from suggestions.engine.masking import mask_personal_data
from suggestions.errors import SuggestInputError
from suggestions.learning import learned_cache
from suggestions.models import LearningReset, SuggestionFeedback
from suggestions.selectors import message_language, validate_language, validate_message

MAX_DISMISSED = 20
MIN_SEARCH_LENGTH = 3            # characters: shorter searches are the first letters of a word being typed
SEARCH_REPEAT_WINDOW = timedelta(minutes=10)
_LETTERS_RE = re.compile(r"[^\W\d_]{2}")


def is_search_worth_keeping(query: str) -> bool:
    """Whether a search says what the operator looked for: words, not a /shortcut, a hotkey ("Ctrl+Alt+1")
    or the first letters of a word. The picker applies the same test before it sends anything."""
    text = query.strip()
    return (len(text) >= MIN_SEARCH_LENGTH and not text.startswith("/") and hotkeys.parse(text) is None
            and bool(_LETTERS_RE.search(text)))


def feedback_record(*, user, message: str, language: str | None, chosen: str | None, dismissed: list[str],
                    source: str = SuggestionFeedback.Source.SUGGEST,
                    prefer_languages=()) -> SuggestionFeedback | None:
    """Store an operator's pick (`chosen`, a live phrase key, or None) and dismissals for a message, or for a
    search (`source="search"`: a search that ended in a use, or with none). The message is masked before it
    is stored; its vector is kept for learning when the model is available. With no `language`, the
    message's own is detected (as for suggestions).

    Returns None, storing nothing, for a search that is no words (a shortcut, a hotkey, two letters) and for
    a search that ended with no use when the same operator already left the same words unanswered in the
    last SEARCH_REPEAT_WINDOW (one need, counted once)."""
    message = validate_message(message)
    language = message_language(message, validate_language(language), prefer_languages)
    if source not in SuggestionFeedback.Source.values:
        raise SuggestInputError(_("Unknown source."), "source")
    if chosen is not None and not isinstance(chosen, str):
        raise SuggestInputError(_("The chosen phrase must be a key or null."), "chosen")
    if not isinstance(dismissed, list) or not all(isinstance(key, str) for key in dismissed):
        raise SuggestInputError(_("Dismissed must be a list of phrase keys."), "dismissed")
    if len(dismissed) > MAX_DISMISSED:
        raise SuggestInputError(_("At most %(max)d dismissed keys are accepted.") % {"max": MAX_DISMISSED},
                                "dismissed")
    dismissed = list(dict.fromkeys(dismissed))
    wanted = set(dismissed) | ({chosen} if chosen else set())
    live = set(LivePhrase.objects.filter(key__in=wanted).values_list("key", flat=True))
    if chosen and chosen not in live:
        raise SuggestInputError(_("No live phrase has the key “%(key)s”.") % {"key": chosen[:100]}, "chosen")
    unknown = [key for key in dismissed if key not in live]
    if unknown:
        raise SuggestInputError(_("No live phrase has the key “%(key)s”.") % {"key": unknown[0][:100]},
                                "dismissed")
    if chosen and chosen in dismissed:
        raise SuggestInputError(_("A phrase cannot be both chosen and dismissed."), "dismissed")
    masked = mask_personal_data(message)
    if source == SuggestionFeedback.Source.SEARCH:
        if not is_search_worth_keeping(message):
            return None
        if not chosen and _repeated_unanswered_search(user, masked, language):
            return None
    encoder = load_encoder()
    # The vector is taken from the masked text: what is stored must not encode what was masked out. It is
    # computed before anything is written, so no transaction waits on the model.
    vector = encoder.encode_one(masked).astype(np.float32).tobytes() if encoder is not None else None
    feedback = SuggestionFeedback(user=user if getattr(user, "pk", None) else None, source=source,
                                  language=language, message=masked, vector=vector, chosen_key=chosen or "",
                                  dismissed_keys=dismissed)
    feedback.full_clean(exclude=["vector"])
    feedback.save()  # one row: atomic by itself
    if chosen or dismissed:  # a message or search that ended with nothing used teaches the ranking nothing
        learned_cache.reset()
    return feedback


def _repeated_unanswered_search(user, masked: str, language: str) -> bool:
    if not getattr(user, "pk", None):
        return False  # chat tools share no identity: every report counts
    return SuggestionFeedback.objects.filter(
        user=user, source=SuggestionFeedback.Source.SEARCH, chosen_key="", language=language, message=masked,
        created_at__gte=timezone.now() - SEARCH_REPEAT_WINDOW).exists()


@transaction.atomic
def learning_reset(*, key: str, user) -> LearningReset:
    """Forget what picks and dismissals taught about phrase `key` (from now on only newer feedback counts)."""
    reset, _created = LearningReset.objects.update_or_create(
        key=key, defaults={"reset_at": timezone.now(), "reset_by": user if getattr(user, "pk", None) else None})
    transaction.on_commit(learned_cache.reset)
    return reset


def purge_expired_suggestion_data(*, now=None, days: int | None = None) -> int:
    """Delete stored client messages (feedback) older than QUICKPHRASES_SUGGEST_RETENTION_DAYS; returns how
    many were deleted. Safe to run at any time, as often as wanted."""
    days = settings.QUICKPHRASES_SUGGEST_RETENTION_DAYS if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    deleted, _ = SuggestionFeedback.objects.filter(created_at__lt=cutoff).delete()
    if deleted:
        learned_cache.reset()
    return deleted
