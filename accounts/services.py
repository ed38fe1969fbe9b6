"""Every write to a person's preferences. Validation lives here, so the page and the endpoints agree."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import INTERFACE_LANGUAGES, Profile
from phrases.models import LivePhrase

MAX_PINNED = 30
# The session remembers the interface language so the middleware reads the profile once per login.
SESSION_LANGUAGE_KEY = "quickphrases_interface_language"


def profile_get(*, user) -> Profile:
    """The user's profile, created with the defaults the first time anyone asks (existing users too)."""
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def _validate_phrase_languages(languages) -> list[str]:
    allowed = list(settings.QUICKPHRASES_LANGUAGES)
    if not isinstance(languages, (list, tuple)) or not all(isinstance(code, str) for code in languages):
        raise ValidationError({"phrase_languages": _("Choose the languages from the list.")})
    languages = [code for code in languages if code]
    unknown = [code for code in languages if code not in allowed]
    if unknown:
        raise ValidationError({"phrase_languages": _("Unknown language “%(code)s”; choose from %(allowed)s.")
                               % {"code": unknown[0], "allowed": ", ".join(allowed)}})
    if len(set(languages)) != len(languages):
        raise ValidationError({"phrase_languages": _("Each language may be chosen only once.")})
    return languages


@transaction.atomic
def profile_update(*, user, interface_language: str, phrase_languages: list[str], display_name: str,
                   review_emails: bool) -> Profile:
    """Save the preferences from the profile page."""
    if interface_language not in {"", *(code for code, _name in INTERFACE_LANGUAGES)}:
        raise ValidationError({"interface_language": _("Choose a language from the list.")})
    profile = Profile.objects.select_for_update().get(pk=profile_get(user=user).pk)
    profile.interface_language = interface_language
    profile.phrase_languages = _validate_phrase_languages(phrase_languages)
    profile.display_name = (display_name or "").strip()
    profile.review_emails = bool(review_emails)
    profile.full_clean(exclude=["user", "pinned"])
    profile.save()
    return profile


def profile_set_search_language(*, user, language: str) -> Profile:
    """Remember the picker's language filter ("" = all languages)."""
    language = language or ""
    if language and language not in settings.QUICKPHRASES_LANGUAGES:
        raise ValidationError({"language": _("Unknown language “%(code)s”; choose from %(allowed)s.")
                               % {"code": language, "allowed": ", ".join(settings.QUICKPHRASES_LANGUAGES)}})
    profile = profile_get(user=user)
    if profile.search_language != language:
        profile.search_language = language
        profile.save(update_fields=["search_language"])
    return profile


def profile_set_display_name(*, user, display_name: str) -> Profile:
    """The name clients see for {operator_name}, as the picker asks for it the first time it is needed."""
    display_name = (display_name or "").strip()
    if not display_name:
        raise ValidationError({"display_name": _("Type the name clients should see.")})
    profile = profile_get(user=user)
    profile.display_name = display_name
    profile.full_clean(exclude=["user", "pinned"])
    profile.save(update_fields=["display_name"])
    return profile


@transaction.atomic
def profile_set_pinned(*, user, key: str, pinned: bool) -> Profile:
    """Pin a live phrase to the top of the empty picker, or unpin it. Idempotent."""
    profile = Profile.objects.select_for_update().get(pk=profile_get(user=user).pk)
    if not pinned:
        profile.pinned.remove(*profile.pinned.filter(key=key))
        return profile
    live = LivePhrase.objects.filter(key=key).select_related("phrase").first()
    if live is None:
        # Operators only ever see approved text, so only a live phrase can be pinned.
        raise ValidationError({"key": _("There is no approved phrase “%(key)s”.") % {"key": key}})
    if not profile.pinned.filter(pk=live.phrase_id).exists():
        if profile.pinned.count() >= MAX_PINNED:
            raise ValidationError({"key": _("At most %(count)d phrases can be pinned; unpin one first.")
                                   % {"count": MAX_PINNED}})
        profile.pinned.add(live.phrase)
    return profile
