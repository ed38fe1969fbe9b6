"""Server-rendered pages. The operator's picker talks to the REST API as the user types."""
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import selectors as profile_selectors
from accounts.forms import language_name
from accounts.page_access import operator_required
from phrases import placeholders
from phrases.models import Topic


def picker_messages() -> dict:
    """Every sentence search.js shows, in the interface language (the script holds no text)."""
    return {
        "nothingFound": _("Nothing found. Try fewer letters or another word."),
        "unavailable": _("Search is not answering. Check the connection and try again."),
        "copied": _("Copied “%(title)s”."),
        "copyByHand": _("Select the text to copy: %(text)s"),
        "fillIn": _("Fill in “%(label)s” to copy the phrase."),
        "pin": _("Pin “%(title)s”"),
        "unpin": _("Unpin “%(title)s”"),
        "pinned": _("Pinned “%(title)s”: it opens the empty search."),
        "unpinned": _("Unpinned “%(title)s”."),
        "pinFailed": _("Could not change the pin: %(reason)s"),
        "pinnedBadge": _("pinned"),
        "startCaption": _("Your pinned, recent and most used phrases"),
        "clientIs": _("Client: %(name)s"),
        "conversationCleared": _("New conversation: the client's name is cleared."),
        "fillTitle": _("Fill in “%(title)s”"),
    }


@operator_required
def search_page(request):
    """The operator's picker: type a few letters, pick a phrase, fill its placeholders, it is copied."""
    preferences = profile_selectors.picker_preferences(request.user)
    topics = list(Topic.objects.order_by("order", "slug").values_list("slug", "name"))
    config = {
        "searchUrl": reverse("api:search"),
        "usedUrl": reverse("api:used", kwargs={"key": "KEY"}),
        "pinUrl": reverse("accounts:pinned"),
        "languageUrl": reverse("accounts:search-language"),
        "operatorName": preferences["operator_name"],
        "pinned": preferences["pinned"],
        "topics": dict(topics),
        "labels": {name: placeholders.label(name, _) for name in settings.QUICKPHRASES_PLACEHOLDERS},
        "messages": picker_messages(),
    }
    return render(request, "phrases/search.html", {
        "languages": [(code, language_name(code)) for code in settings.QUICKPHRASES_LANGUAGES],
        "search_language": preferences["search_language"],
        "topics": topics,
        "config": config,
    })
