from django.contrib.auth import authenticate
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import NotAuthenticated, Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import LoginThrottled, login_attempt
from api.authentication import TokenAuthentication
from api.serializers import ErrorSerializer, TokenInput, TokenSerializer


class TokenView(APIView):
    """Exchange a username and password for an API token (POST); revoke the token you send (DELETE).

    Failed attempts are limited per account and per client address (accounts.throttling); past the
    limit every attempt, right or wrong, gets 429 with Retry-After until the window has passed.
    A token also ends when its user's password changes (api.tokens)."""

    authentication_classes = [TokenAuthentication]
    permission_classes = [AllowAny]

    def perform_authentication(self, request):
        # Only DELETE names a token; logging in never depends on a (stale) token sent along.
        if request.method == "DELETE":
            super().perform_authentication(request)

    @extend_schema(request=TokenInput, auth=[], responses={
        200: TokenSerializer, 400: ErrorSerializer,
        429: OpenApiResponse(ErrorSerializer, description="Too many failed attempts; see Retry-After")})
    def post(self, request):
        data = TokenInput(data=request.data)
        data.is_valid(raise_exception=True)
        username = data.validated_data["username"]
        try:
            with login_attempt(request, username) as attempt:
                user = authenticate(request, username=username, password=data.validated_data["password"])
                if user is None or not user.is_active:
                    attempt.fail()
                    return Response({"detail": "Wrong username or password."}, status=status.HTTP_400_BAD_REQUEST)
        except LoginThrottled as throttled:
            raise Throttled(wait=throttled.wait) from None
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key}, status=status.HTTP_200_OK)

    @extend_schema(request=None, responses={204: None, 401: ErrorSerializer},
                   description="Log out a token: the token sent in `Authorization` stops working at once (a "
                               "chat-tool token is revoked). Log in again for a new one.")
    def delete(self, request):
        if request.auth is None:
            raise NotAuthenticated("Send the token to revoke: 'Authorization: Token <key>'.")
        if isinstance(request.auth, Token):
            request.auth.delete()  # a login token: the next login issues a new one
        else:  # a chat-tool or personal access token: revoked, kept for its history
            request.auth.revoked_at = timezone.now()
            request.auth.save(update_fields=["revoked_at"])
        return Response(status=status.HTTP_204_NO_CONTENT)
