"""A password change revokes the person's personal access tokens (a stolen browser keeps nothing)."""
from django.conf import settings
from django.db.models.signals import pre_save
from django.dispatch import receiver

from accounts import tokens


@receiver(pre_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts.revoke_tokens_on_password_change")
def revoke_personal_tokens_on_password_change(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is not None and stored != instance.password:
        tokens.tokens_revoke_all(user=instance)
