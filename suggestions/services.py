"""Writes for suggestions: feedback from the picker, a reviewer's reset of what was learned, and the
retention purge (a plain function the task queue can schedule; `manage.py purge_suggestion_data` runs it)."""
from datetime import timedelta

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phrases.models import LivePhrase
from suggestions.engine.encoder import load_encoder
from suggestions.engine.masking import mask_personal_data
from suggestions.errors import SuggestInputError
from suggestions.learning import learned_cache
from suggestions.models import LearningReset, SuggestionFeedback
from suggestions.selectors import validate_language, validate_message

MAX_DISMISSED = 20


def feedback_record(*, user, message: str, language: str, chosen: str | None, dismissed: list[str],
                    source: str = SuggestionFeedback.Source.SUGGEST) -> SuggestionFeedback:
    """Store an operator's pick (`chosen`, a live phrase key, or None) and dismissals for a message. The
    message is masked before it is stored; its vector is kept for learning when the model is available."""
    message = validate_message(message)
    language = validate_language(language, required=True)
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
    encoder = load_encoder()
    # The vector is taken from the masked text: what is stored must not encode what was masked out. It is
    # computed before anything is written, so no transaction waits on the model.
    vector = encoder.encode_one(masked).astype(np.float32).tobytes() if encoder is not None else None
    feedback = SuggestionFeedback(user=user if getattr(user, "pk", None) else None, source=source,
                                  language=language, message=masked, vector=vector, chosen_key=chosen or "",
                                  dismissed_keys=dismissed)
    feedback.full_clean(exclude=["vector"])
    feedback.save()  # one row: atomic by itself
    learned_cache.reset()
    return feedback


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
