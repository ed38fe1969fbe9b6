"""Reads of a person's preferences. A user without a profile row reads as the defaults."""
from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

from accounts.models import Profile


def interface_language(user) -> str:
    """The interface language the user chose, or "" to follow the browser."""
    return Profile.objects.filter(user_id=user.pk).values_list("interface_language", flat=True).first() or ""


def phrase_languages(user) -> list[str]:
    """The languages the user writes to clients in, first preferred (still allowed ones only)."""
    languages = Profile.objects.filter(user_id=user.pk).values_list("phrase_languages", flat=True).first() or []
    return [code for code in languages if code in settings.QUICKPHRASES_LANGUAGES]


def language_order_for(user, accept_language: str = "") -> list[str]:
    """The languages to put first when the operator named none, best first: their phrase languages,
    else their interface language, else the browser's `Accept-Language` (only the library's languages).

    Empty when nothing tells; callers then keep their own order."""
    allowed = settings.QUICKPHRASES_LANGUAGES
    if user is not None and getattr(user, "pk", None):
        row = Profile.objects.filter(user_id=user.pk).values("phrase_languages", "interface_language").first() or {}
        chosen = [code for code in row.get("phrase_languages") or [] if code in allowed]
        if chosen:
            return chosen
        if row.get("interface_language") in allowed:
            return [row["interface_language"]]
    order = []
    for tag, _quality in parse_accept_lang_header(accept_language or ""):
        code = tag.split("-")[0].lower()
        if code in allowed and code not in order:
            order.append(code)
    return order


def pinned_keys(user) -> list[str]:
    """Keys of the user's pinned phrases that are live, in the order they were pinned."""
    through = Profile.pinned.through
    return list(through.objects.filter(profile__user_id=user.pk, phrase__live__isnull=False)
                .order_by("id").values_list("phrase__key", flat=True))


def picker_preferences(user) -> dict:
    """What the picker page needs up front, in one query for the profile and one for the pins."""
    row = (Profile.objects.filter(user_id=user.pk)
           .values("display_name", "search_language", "phrase_languages").first()) or {}
    search_language = row.get("search_language") or ""
    if search_language not in settings.QUICKPHRASES_LANGUAGES:
        search_language = ""
    return {
        # Never the login name: with neither a name for clients nor a first name the picker asks once.
        "operator_name": row.get("display_name") or user.first_name or "",
        "search_language": search_language,
        "phrase_languages": [c for c in row.get("phrase_languages") or [] if c in settings.QUICKPHRASES_LANGUAGES],
        "pinned": pinned_keys(user),
    }


def wants_review_emails(user) -> bool:
    """Whether to mail this person when a reviewer approves or sends back their phrase (default: yes)."""
    chosen = Profile.objects.filter(user_id=user.pk).values_list("review_emails", flat=True).first()
    return True if chosen is None else chosen
