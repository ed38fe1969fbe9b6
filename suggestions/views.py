"""A reviewer's view of what suggestions learned for a phrase, with a reset."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.page_access import reviewer_required
from phrases.models import Phrase
from suggestions import selectors, services


@reviewer_required
@require_http_methods(["GET", "POST"])
def learned(request, key):
    phrase = get_object_or_404(Phrase, key=key)
    if request.method == "POST":
        services.learning_reset(key=phrase.key, user=request.user)
        messages.success(request, _("What was learned for “%(title)s” is reset.") % {"title": phrase.title})
        return redirect("suggestions:learned", key=phrase.key)
    return render(request, "suggestions/learned.html", {"phrase": phrase, "learned": selectors.learned_for_phrase(key)})
