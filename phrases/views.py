"""Server-rendered pages. The operator's picker talks to the REST API as the user types."""
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import selectors as profile_selectors
from accounts.forms import language_name
from phrases import placeholders
from phrases.models import LivePhrase, Topic
from phrases.page_access import operator_required
from phrases.search import MAX_LIMIT, SearchQueryError, search_phrases


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
        "askDisplayName": _("Your name for clients (saved to your profile, asked once)"),
    }


@operator_required
def search_page(request):
    """The operator's picker: type a few letters, pick a phrase, fill its placeholders, it is copied."""
    preferences = profile_selectors.picker_preferences(request.user)
    topics = list(Topic.objects.order_by("order", "slug").values_list("slug", "name"))
    language = request.GET.get("language", preferences["search_language"])
    search_topic = request.GET.get("topic", "")
    searched, static_results, search_error = "q" in request.GET, [], ""
    if searched:  # the form without JavaScript: the server renders the results
        try:
            hits = search_phrases(request.GET["q"], language=language or None, topic=search_topic or None,
                                  limit=MAX_LIMIT, user=request.user,
                                  prefer_languages=[] if language else preferences["phrase_languages"],
                                  pinned_keys=preferences["pinned"])
        except SearchQueryError as error:
            search_error = f"{error.field}: {error.message}"
        else:
            topic_names = dict(topics)
            static_results = [{"title": hit.title, "body": hit.body, "language": hit.language,
                               "meta": [part for part in (hit.shortcut, hit.hotkey, hit.language,
                                                          topic_names.get(hit.topic, hit.topic)) if part]}
                              for hit in hits]
    config = {
        "searchUrl": reverse("api:search"),
        "usedUrl": reverse("api:used", kwargs={"key": "KEY"}),
        "pinUrl": reverse("accounts:pinned"),
        "displayNameUrl": reverse("accounts:display-name"),
        "maxLimit": MAX_LIMIT,
        # The hotkeys of live phrases: pressed in the search box, they find their phrase.
        "hotkeys": sorted(set(LivePhrase.objects.exclude(hotkey="").values_list("hotkey", flat=True))),
        "languageUrl": reverse("accounts:search-language"),
        "operatorName": preferences["operator_name"],
        "pinned": preferences["pinned"],
        "topics": dict(topics),
        "labels": {name: placeholders.label(name) for name in settings.QUICKPHRASES_PLACEHOLDERS},
        "messages": picker_messages(),
    }
    return render(request, "phrases/search.html", {
        "languages": [(code, language_name(code)) for code in settings.QUICKPHRASES_LANGUAGES],
        "search_language": language,
        "search_topic": search_topic,
        "query": request.GET.get("q", ""),
        "topics": topics,
        "config": config,
        "searched": searched,
        "static_results": static_results,
        "search_error": search_error,
    }, status=400 if search_error else 200)
