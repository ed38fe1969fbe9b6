"""Server-rendered pages. The operator's picker talks to the REST API as the user types."""
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import selectors as profile_selectors
from accounts.forms import language_name
from accounts.page_access import operator_required
from phrases import extension_package, placeholders, selectors
from phrases.exporters.registry import EXPORTERS
from phrases.models import LivePhrase
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
        "today": _("Today"),
        "tomorrow": _("Tomorrow"),
        "dayAfter": _("The day after"),
        "pickDate": _("Pick a date"),
        "fallback": _("Empty: “%(fallback)s”"),
        "clientWrites": _("writes in %(language)s"),
        "variantsHint": _("In %(language)s; also in %(others)s (Alt+← / Alt+→ switch)."),
        "switched": _("%(language)s: “%(title)s”. Enter copies it."),
    }


def _languages_in(order) -> list[str]:
    """The library's languages, the user's own first (their language order), then the rest as configured."""
    return list(dict.fromkeys([code for code in order if code in settings.QUICKPHRASES_LANGUAGES]
                              + list(settings.QUICKPHRASES_LANGUAGES)))


@operator_required
def search_page(request):
    """The operator's picker: type a few letters, pick a phrase, fill its placeholders, it is copied."""
    preferences = profile_selectors.picker_preferences(request.user)
    order = profile_selectors.language_order_for(request.user, request.headers.get("Accept-Language", ""))
    topics = selectors.topic_choices()
    language = request.GET.get("language", preferences["search_language"])
    search_topic = request.GET.get("topic", "")
    searched, static_results, search_error = "q" in request.GET, [], ""
    if searched:  # the form without JavaScript: the server renders the results
        try:
            hits = search_phrases(request.GET["q"], language=language or None, topic=search_topic or None,
                                  limit=MAX_LIMIT, user=request.user,
                                  prefer_languages=[] if language else order,
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
        "labels": {name: placeholders.label(name, _) for name in settings.QUICKPHRASES_PLACEHOLDERS},
        "messages": picker_messages(),
        # Language chips follow the operator's order; their names are said in the interface language.
        "languageOrder": _languages_in(order),
        "languageNames": {code: language_name(code) for code in settings.QUICKPHRASES_LANGUAGES},
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


# What /tools/ says about each export: how it treats placeholders and how to install it.
EXPORT_GUIDES = [
    ("espanso", gettext_lazy("Espanso (Windows, macOS, Linux)"), ".yml",
     gettext_lazy("Each /shortcut becomes a trigger (:eta). A phrase with placeholders opens Espanso's form with one "
           "field per placeholder; a fallback is the field's default."),
     gettext_lazy("Put the file in Espanso's match folder (espanso path shows it) and run espanso restart.")),
    ("ahk", gettext_lazy("AutoHotkey v2 (Windows)"), ".ahk",
     gettext_lazy("Type /shortcut and Space, or press the phrase's hotkey. Placeholders are asked for one by one in "
           "small windows; an empty answer takes the fallback, or asks again when there is none."),
     gettext_lazy("Install AutoHotkey v2, then double-click the file (put a shortcut to it in the Startup folder to "
           "keep it running).")),
    ("chatwoot", gettext_lazy("Chatwoot canned responses"), ".json",
     gettext_lazy("Placeholders become Chatwoot's variables: the client's name {{contact.name}}, yours {{agent.name}}, "
           "the order number, amount and link as conversation attributes. Chatwoot has no date variable: a "
           "phrase with a date and no fallback is left out."),
     gettext_lazy("Send each entry of canned_responses to Chatwoot's canned responses API (the README has a "
           "ready-made loop); add order_id, amount and link as conversation attributes in Chatwoot.")),
    ("csv", gettext_lazy("CSV table (Excel, LibreOffice, Google Sheets)"), ".csv",
     gettext_lazy("A spreadsheet cannot ask for anything: placeholders take their fallback, and phrases with a "
           "placeholder without one are left out and listed below the table."),
     gettext_lazy("Open it in a spreadsheet or import it into a tool that reads tables (UTF-8).")),
    ("quickphrases", gettext_lazy("Library file (quickphrases/v1)"), ".json",
     gettext_lazy("The whole approved library with its placeholders as written, for Quickphrases itself (a backup, "
           "another server). Not meant to be pasted to clients."),
     gettext_lazy("Import it with manage.py import_library or the library import API.")),
]


@operator_required
def tools_page(request):
    """Use in your tools: the browser extension and every export, by language and topic, with install steps."""
    language = request.GET.get("language", "")
    topic = request.GET.get("topic", "")
    topics = selectors.topic_choices()
    if language not in settings.QUICKPHRASES_LANGUAGES:
        language = ""
    if topic not in dict(topics):
        topic = ""
    phrases = list(selectors.live_phrases(language=language or None, topic=topic or None))
    order = profile_selectors.language_order_for(request.user, request.headers.get("Accept-Language", ""))
    query = urlencode({key: value for key, value in (("language", language), ("topic", topic)) if value})
    exports = []
    for name, title, extension, placeholders_text, install in EXPORT_GUIDES:
        exporter = EXPORTERS[name]
        exports.append({
            "name": name, "title": title, "extension": extension, "placeholders": placeholders_text,
            "install": install, "left_out": exporter.left_out(phrases),
            "url": reverse("api:export", kwargs={"export_format": name}) + (f"?{query}" if query else ""),
        })
    return render(request, "phrases/tools.html", {
        "languages": [(code, language_name(code)) for code in _languages_in(order)],
        "topics": topics, "language": language, "topic": topic, "count": len(phrases), "exports": exports,
        "extension_url": reverse("phrases:extension"),
        "profile_tokens_url": reverse("accounts:profile") + "#tokens",
        "shortcut": EXTENSION_SHORTCUT,
    })


EXTENSION_SHORTCUT = "Alt+Shift+Q"  # manifest.json's default; chat tools leave it alone


@operator_required
def extension_download(request):
    """The browser extension as a zip, packed from extension/ in the repository."""
    response = HttpResponse(extension_package.zip_bytes(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="quickphrases-extension.zip"'
    return response
