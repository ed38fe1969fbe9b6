"""Page access by role: logged-out people go to the login page, a role that may not use a page gets 403."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from phrases import roles


def writer_required(view):
    """Writers and reviewers (and superusers) only; operators get 403."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles.is_writer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def reviewer_required(view):
    """Reviewers (and superusers) only."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles.is_reviewer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
