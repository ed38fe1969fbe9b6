"""A password change revokes every token the person holds: a stolen browser or script keeps nothing.

The event is the stored password hash changing, whatever the path: the admin's password forms,
`changepassword`, a password reset, `set_password()` + `save()`. `pre_save` compares the hash being
saved with the stored one; `post_save` (the save went through) runs every hook registered with
`@on_password_change`: the personal access tokens here, the API's login tokens in `api.tokens`.
"""
from collections.abc import Callable

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from accounts import tokens

_hooks: list[Callable] = []


def on_password_change(hook: Callable) -> Callable:
    """Register `hook(user)` to revoke a kind of token when `user`'s password changes."""
    _hooks.append(hook)
    return hook


def revoke_all_tokens(user) -> None:
    """Revoke every token of `user`, of every kind registered."""
    for hook in _hooks:
        hook(user)


@on_password_change
def _revoke_personal_tokens(user) -> None:
    tokens.tokens_revoke_all(user=user)


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.password_change_seen")
def _remember_password_change(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    instance._password_changed = stored is not None and stored != instance.password


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.revoke_tokens_on_password_change")
def _revoke_tokens_after_password_change(sender, instance, raw=False, **kwargs):
    if getattr(instance, "_password_changed", False):
        instance._password_changed = False
        revoke_all_tokens(instance)
