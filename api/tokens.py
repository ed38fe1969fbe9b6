"""The API's login tokens end with the password: the token `POST /api/v1/auth/token/` issued is
deleted when the user's password changes (accounts.signals detects the change, whatever its path),
so the old token gets 401 and the next login issues a new one."""
from rest_framework.authtoken.models import Token

from accounts.signals import on_password_change


@on_password_change
def revoke_login_tokens(user) -> None:
    Token.objects.filter(user=user).delete()
