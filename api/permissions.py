"""Who may call what (contract section 3). Chat-tool tokens only read the live library."""
from rest_framework.permissions import BasePermission

from accounts import roles
from accounts.models import PersonalAccessToken
from api.models import ChatTool


def is_chat_tool(request):
    return isinstance(request.user, ChatTool)


def is_personal_token(request):
    """Signed in with a personal access token (the browser extension): operator abilities only."""
    return isinstance(getattr(request, "auth", None), PersonalAccessToken)


class CanReadLive(BasePermission):
    """Operators, writers, reviewers, superusers, and chat-tool tokens."""

    message = "Only operators, writers, reviewers and chat-tool tokens may read the live library."

    def has_permission(self, request, view):
        return is_chat_tool(request) or roles.is_operator(request.user)


class IsOperator(BasePermission):
    """People with a role (not chat tools)."""

    message = "Only operators, writers and reviewers may do this; chat-tool tokens are read-only."

    def has_permission(self, request, view):
        return not is_chat_tool(request) and roles.is_operator(request.user)


class IsWriter(BasePermission):
    message = "Only writers and reviewers may do this."

    def has_permission(self, request, view):
        return not is_chat_tool(request) and not is_personal_token(request) and roles.is_writer(request.user)


class IsReviewer(BasePermission):
    message = "Only reviewers may do this."

    def has_permission(self, request, view):
        return not is_chat_tool(request) and not is_personal_token(request) and roles.is_reviewer(request.user)
