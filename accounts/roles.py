"""The contract's roles (section 3) as Django groups, and the checks the services use."""
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

OPERATORS = "operators"
WRITERS = "writers"
REVIEWERS = "reviewers"
ALL_GROUPS = (OPERATORS, WRITERS, REVIEWERS)
# The groups' names are stable identifiers (the contract names them); people read these labels.
GROUP_LABELS = {OPERATORS: _("operators"), WRITERS: _("writers"), REVIEWERS: _("reviewers")}


def group_label(name: str) -> str:
    return str(GROUP_LABELS.get(name, name))

_LINT_TUNING = ("rulesetting", "term", "teamword")
# The model permissions each role holds in the admin: {group: {app label: [codenames]}}.
ROLE_PERMISSIONS = {
    # Operators read only the live library: no view of working copies (drafts, rejected text) or their history.
    OPERATORS: {"phrases": ["view_topic", "view_livephrase", "add_phraseuse"]},
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
        # The team's accounts; accounts.admin keeps superuser powers out of their reach.
        "auth": ["add_user", "change_user", "view_user", "view_group"],
    },
}


_MANAGED_APPS = sorted({app_label for by_app in ROLE_PERMISSIONS.values() for app_label in by_app})


def install_role_groups(group_model, permission_model):
    """Give each role group exactly its permissions in the apps the roles cover; idempotent.

    Grants what is missing and takes back what a role no longer has (an install from before
    operators lost `view_phrase` gets it removed on the next migrate). Permissions of other apps
    are left alone. Used by the data migrations with historical models, and after every `migrate`
    or `flush` (post_migrate) with the real ones, so the groups come back if a flush emptied the tables.
    """
    for name, by_app in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=name)
        wanted = set()
        for app_label, codenames in by_app.items():
            wanted |= set(permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames).values_list("pk", flat=True))
        held = set(group.permissions.filter(content_type__app_label__in=_MANAGED_APPS).values_list("pk", flat=True))
        if wanted - held:
            group.permissions.add(*(wanted - held))
        if held - wanted:
            group.permissions.remove(*(held - wanted))


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
