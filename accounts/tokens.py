"""Personal access tokens: create, authenticate, revoke. Only a hash of each key is ever stored."""
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import PersonalAccessToken

KEY_PREFIX = "qp_"  # tells a personal token from a chat tool's or a login token at a glance
MAX_ACTIVE_TOKENS = 10
LAST_USED_RESOLUTION_SECONDS = 60


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def is_personal_key(key: str) -> bool:
    return key.startswith(KEY_PREFIX)


@transaction.atomic
def token_create(*, user, name: str) -> tuple[PersonalAccessToken, str]:
    """Create a named token for `user`; returns it with the raw key, which is never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, e.g. “Browser at work”.")})
    if len(name) > 80:
        raise ValidationError({"name": _("The name is too long (at most 80 characters).")})
    active = PersonalAccessToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True)
    if active.count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError({"name": _("You have %(count)d active tokens; revoke one first.")
                               % {"count": MAX_ACTIVE_TOKENS}})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken.objects.create(user=user, name=name, prefix=key[:10], key_hash=hash_key(key))
    return token, key


def token_revoke(*, user, token_id: int) -> PersonalAccessToken:
    """Revoke one of the user's own tokens (idempotent)."""
    token = PersonalAccessToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        raise ValidationError({"token": _("There is no such token.")})
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def tokens_revoke_all(*, user) -> int:
    """Revoke every active token of the user (a password change does this)."""
    return PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


def token_authenticate(key: str) -> PersonalAccessToken | None:
    """The active token with this key (its user loaded), recording its use; None if unknown or revoked."""
    token = PersonalAccessToken.objects.select_related("user").filter(key_hash=hash_key(key)).first()
    if token is None or not token.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= LAST_USED_RESOLUTION_SECONDS:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def tokens_of(user) -> list[PersonalAccessToken]:
    """The user's tokens for the profile page: active ones first, newest first."""
    return sorted(PersonalAccessToken.objects.filter(user=user),
                  key=lambda token: (token.revoked_at is not None, -token.created_at.timestamp()))
