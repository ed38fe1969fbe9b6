"""`Authorization: Token <key>` for people (DRF authtoken) and for chat tools (hashed keys)."""
from rest_framework import authentication, exceptions
from rest_framework.authtoken.models import Token

from api.models import ChatTool, ChatToolToken, hash_key


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
