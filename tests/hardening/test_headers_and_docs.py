"""Security headers: a strict Content-Security-Policy, private caching of authenticated answers,
and the API schema and docs for people with a role only."""
import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_role(django_user_model):
    user = django_user_model.objects.create_user(username="nora-norole", password="pw-nora")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return user, client


@pytest.mark.parametrize("path", ["/api/v1/schema/", "/api/v1/docs/"])
def test_a_user_without_a_role_gets_403_on_the_schema_and_docs(client, api, no_role, path):
    user, token_client = no_role
    assert token_client.get(path).status_code == 403
    client.force_login(user)
    assert client.get(path).status_code == 403
    assert api["operator"].get(path).status_code == 200
    assert api["anonymous"].get(path).status_code == 401


def test_pages_carry_a_strict_content_security_policy(client, writer):
    client.force_login(writer)
    policy = client.get("/phrases/")["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                      "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'"):
        assert directive in policy
    assert "unsafe" not in policy
    directives = [part.strip() for part in client.get("/api/v1/docs/")["Content-Security-Policy"].split(";")]
    script_src = next(part for part in directives if part.startswith("script-src "))
    assert "unsafe-inline" not in script_src  # the docs page allows inline styles (Swagger's), never scripts


@pytest.mark.parametrize("path", ["/", "/phrases/", "/profile/", "/api/v1/topics/", "/api/v1/search/?q=a"])
def test_authenticated_answers_are_private_and_not_stored(client, writer, path):
    client.force_login(writer)
    cache_control = client.get(path)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_token_answers_are_private_and_validators_survive_for_sync(api, make_live_phrase):
    make_live_phrase()
    assert "private" in api["operator"].get("/api/v1/search/?q=a")["Cache-Control"]
    sync = api["tool"].get("/api/v1/sync/")
    assert "private" in sync["Cache-Control"] and sync.has_header("ETag")
    assert api["tool"].get("/api/v1/sync/", HTTP_IF_NONE_MATCH=sync["ETag"]).status_code == 304

