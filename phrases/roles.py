"""The contract's roles (section 3) as Django groups, and the checks the services use."""
from django.core.exceptions import PermissionDenied

OPERATORS = "operators"
WRITERS = "writers"
REVIEWERS = "reviewers"
ALL_GROUPS = (OPERATORS, WRITERS, REVIEWERS)

_LINT_TUNING = ("rulesetting", "term", "teamword")
# The model permissions each role holds in the admin: {group: {app label: [codenames]}}.
ROLE_PERMISSIONS = {
    OPERATORS: {"phrases": ["view_phrase", "view_topic", "view_livephrase", "add_phraseuse"]},
    WRITERS: {
        "phrases": ["view_phrase", "add_phrase", "change_phrase", "view_topic", "view_livephrase",
                    "view_historicalphrase", "add_phraseuse"],
        "lint": [f"view_{model}" for model in _LINT_TUNING],
    },
    REVIEWERS: {
        "phrases": ["view_phrase", "add_phrase", "change_phrase", "delete_phrase", "view_topic", "add_topic",
                    "change_topic", "delete_topic", "view_livephrase", "view_historicalphrase",
                    "add_phraseuse", "view_phraseuse", "view_livechange"],
        "lint": [f"{action}_{model}" for model in _LINT_TUNING for action in ("add", "change", "delete", "view")],
        # The team's accounts; phrases.user_admin keeps superuser powers out of their reach.
        "auth": ["add_user", "change_user", "view_user", "view_group"],
    },
}


def install_role_groups(group_model, permission_model):
    """Create the role groups and grant them their permissions (those that exist yet); idempotent.

    Used by the data migrations with historical models, and after every `migrate` or `flush`
    (post_migrate) with the real ones, so the groups come back if a flush emptied the tables.
    """
    for name, by_app in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        for app_label, codenames in by_app.items():
            group.permissions.add(*permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames))


def _groups(user):
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_quickphrases_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._quickphrases_groups = cached
    return cached


def is_reviewer(user):
    return bool(user and getattr(user, "is_superuser", False) and user.is_active) or REVIEWERS in _groups(user)


def is_writer(user):
    return is_reviewer(user) or WRITERS in _groups(user)


def is_operator(user):
    """Anyone who may read the live library: operators, writers and reviewers."""
    return is_writer(user) or OPERATORS in _groups(user)


def require_writer(user, action="edit phrases"):
    if not is_writer(user):
        raise PermissionDenied(f"Only writers and reviewers may {action}.")


def require_reviewer(user, action="review phrases"):
    if not is_reviewer(user):
        raise PermissionDenied(f"Only reviewers may {action}.")
