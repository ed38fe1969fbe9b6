"""Who may open a page: logged-out people go to the login page, a role that may not use the page
gets 403 (contract section 5). The one set of page decorators every app's views use."""
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts import roles


def role_required(check):
    """A view decorator: `check(user)` must hold, after logging in."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


operator_required = role_required(roles.is_operator)   # anyone with a role in the team
writer_required = role_required(roles.is_writer)       # writers, reviewers, superusers
reviewer_required = role_required(roles.is_reviewer)   # reviewers, superusers
