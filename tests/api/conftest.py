import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from api.models import ChatToolToken


def _client_for(user):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def api(operator, writer, reviewer, superuser):
    """Clients by role: api["operator"], …, api["tool"] (a chat-tool token), api["anonymous"]."""
    token, key = ChatToolToken.issue(name="Helpdesk widget")
    tool = APIClient()
    tool.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return {"anonymous": APIClient(), "operator": _client_for(operator), "writer": _client_for(writer),
            "reviewer": _client_for(reviewer), "superuser": _client_for(superuser), "tool": tool}


@pytest.fixture
def client_for():
    return _client_for
