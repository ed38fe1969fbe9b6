"""The library health page, with a one-button "reviewed, still right" for reviewers."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.page_access import reviewer_required, writer_required
from phrases.errors import DomainError
from phrases.models import Phrase
from phrases.services import phrase_confirm_current
from phrases.services.actions import ConfirmAction
from reminders import selectors


def _health(request, *, status=200):
    health = selectors.review_health()
    # "Still right" beside each phrase the action would confirm now: the action's own answer.
    confirmable = {row["phrase"].key for row in health.overdue_phrases
                   if ConfirmAction(row["phrase"], actor=request.user).can()}
    return render(request, "reminders/health.html", {
        "health": health,
        "confirmable": confirmable,
    }, status=status)


@writer_required
@require_GET
def health(request):
    """What is due, overdue, unused, most used, flagged and unanswered: writers and reviewers."""
    return _health(request)


@reviewer_required
@require_POST
def confirm_still_right(request, key):
    """Reviewed, still right: restart the phrase's review clock without a new text (reviewers)."""
    phrase = get_object_or_404(Phrase, key=key)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        messages.error(request, _("The form is missing the phrase's revision; reload the page and try again."))
        return _health(request, status=400)
    try:
        phrase = phrase_confirm_current(phrase=phrase, actor=request.user, expected_revision=revision)
    except DomainError:
        messages.error(request, _("“%(title)s” changed since you opened this page, or it is no longer approved "
                                  "and live; nothing was confirmed. Open the phrase to review it.")
                       % {"title": phrase.title})
        return _health(request, status=409)
    messages.success(request, _("“%(title)s” is confirmed as still right (next review: %(day)s).")
                     % {"title": phrase.title, "day": formats.date_format(phrase.review_due_at, "DATE_FORMAT")})
    return redirect("reminders:health")
