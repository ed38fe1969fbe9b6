"""The site navigation, by role, with the counts that ask for attention."""
from django import template
from django.urls import NoReverseMatch, reverse

from accounts import roles
from phrases.models import Phrase, PhraseStatus

register = template.Library()


def _url(name, fallback):
    # Pages built in other apps: link by name once they exist, else by their contract path.
    try:
        return reverse(name)
    except NoReverseMatch:
        return fallback


@register.inclusion_tag("studio/_nav.html", takes_context=True)
def studio_nav(context):
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    is_writer = roles.is_writer(user)
    is_reviewer = roles.is_reviewer(user)
    changes_requested = waiting = 0
    if is_writer:
        changes_requested = Phrase.objects.filter(owner=user, changes_requested=True).exclude(
            status=PhraseStatus.ARCHIVED).count()
    if is_reviewer:
        waiting = Phrase.objects.filter(status=PhraseStatus.IN_REVIEW).count()
    path = request.path if request else ""
    return {
        "user": user,
        "csrf_token": context.get("csrf_token"),
        "path": path,
        "is_writer": is_writer,
        "is_reviewer": is_reviewer,
        "changes_requested": changes_requested,
        "waiting": waiting,
        "profile_url": _url("accounts:profile", "/profile/"),
        "health_url": _url("reminders:health", "/health/"),
        "review_url": _url("review:queue", "/review/"),
        "admin_url": _url("admin:index", "/admin/"),
    }
