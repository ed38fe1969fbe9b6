"""`Authorization: Token <key>` for people (DRF authtoken), their personal access tokens (the browser
extension) and chat tools (hashed keys)."""
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

from accounts import roles
from accounts import tokens as personal_tokens
from api.models import ChatTool, ChatToolToken, hash_key


def narrowed_to_operator(user):
    """The user as a personal token may act: an operator's abilities at most, whatever their role.

    The in-memory user is narrowed (never saved): role checks read these attributes, so the
    working library, reviews and imports stay out of the token's reach even for a reviewer."""
    has_role = roles.is_operator(user)
    user.is_superuser = False
    user.is_staff = False
    user._quickphrases_groups = frozenset({roles.OPERATORS}) if has_role else frozenset()
    return user


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Token"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header: use 'Authorization: Token <key>'.")
        try:
            key = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Invalid token header: the key must be ASCII.") from None
        if personal_tokens.is_personal_key(key):
            token = personal_tokens.token_authenticate(key)
            if token is None:
                raise exceptions.AuthenticationFailed("Invalid or revoked token: create a new one on your profile page.")
            if not token.user.is_active:
                raise exceptions.AuthenticationFailed("This user is inactive.")
            return narrowed_to_operator(token.user), token
        user_token = Token.objects.select_related("user").filter(key=key).first()
        if user_token is not None:
            if not user_token.user.is_active:
                raise exceptions.AuthenticationFailed("This user is inactive.")
            return user_token.user, user_token
        tool_token = ChatToolToken.objects.filter(key_hash=hash_key(key)).first()
        if tool_token is None or not tool_token.is_active:
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        tool_token.touch()
        return ChatTool(tool_token), tool_token

    def authenticate_header(self, request):
        return self.keyword
