"""Recording phrase use: one cheap insert per insertion into a chat."""
from phrases.errors import IllegalTransition
from phrases.models import Phrase, PhraseUse


def phrase_record_use(*, phrase: Phrase, user=None, client: str = "") -> PhraseUse:
    """Record that `user` (through `client`) inserted the phrase's live text into a chat."""
    if not phrase.is_live:
        raise IllegalTransition(f"Phrase '{phrase.key}' has no approved text to use.")
    return PhraseUse.objects.create(
        phrase=phrase, user=user if getattr(user, "pk", None) else None, client=(client or "")[:64]
    )
