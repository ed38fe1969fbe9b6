from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.throttling import LoginThrottled, login_attempt
from api.serializers import ErrorSerializer, TokenInput, TokenSerializer


class TokenView(APIView):
    """Exchange a username and password for an API token.

    Failed attempts are limited per account and per client address (accounts.throttling); past the
    limit every attempt, right or wrong, gets 429 with Retry-After until the window has passed."""

    authentication_classes = []
    permission_classes = [AllowAny]

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
