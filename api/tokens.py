"""People's API tokens outlive nothing that should end them: a password change revokes them all.

`revoke_user_tokens(user)` is the one rotation: it removes the user's login token (the next
`POST /api/v1/auth/token/` issues a new one) and runs every hook registered with
`@on_password_change`, so another kind of token (personal access tokens, say) is revoked by the
same event without this module knowing it.

The event is the stored password hash changing, whatever the path: the admin's password form,
`set_password()` + `save()`, `changepassword`, a password reset. `pre_save` compares the hash being
saved with the stored one, `post_save` revokes: decoupled from every door that changes passwords.
"""
from collections.abc import Callable

from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token

_hooks: list[Callable] = []


def on_password_change(hook: Callable) -> Callable:
    """Register `hook(user)` to revoke another kind of token when `user`'s password changes."""
    _hooks.append(hook)
    return hook


@on_password_change
def _revoke_login_tokens(user) -> None:
    Token.objects.filter(user=user).delete()


def revoke_user_tokens(user) -> None:
    """Revoke every API token of `user` (all kinds registered)."""
    for hook in _hooks:
        hook(user)


def _remember_password_change(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    stored = type(instance)._default_manager.filter(pk=instance.pk).values_list("password", flat=True).first()
    instance._api_password_changed = stored is not None and stored != instance.password


def _revoke_after_password_change(sender, instance, created=False, raw=False, **kwargs):
    if getattr(instance, "_api_password_changed", False):
        instance._api_password_changed = False
        revoke_user_tokens(instance)


def connect() -> None:
    from django.db.models.signals import post_save, pre_save

    user_model = get_user_model()
    pre_save.connect(_remember_password_change, sender=user_model, dispatch_uid="api-tokens-password-pre")
    post_save.connect(_revoke_after_password_change, sender=user_model, dispatch_uid="api-tokens-password-post")
