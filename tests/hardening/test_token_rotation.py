"""A password change, by any path, revokes the user's API tokens; users can log out a token."""
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts import signals
from api.models import ChatToolToken

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Brand-new-pass-2026"


def _token_client(user):
    key = Token.objects.get_or_create(user=user)[0].key
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client, key


def _login(username, password):
    return APIClient().post("/api/v1/auth/token/", {"username": username, "password": password}, format="json")


def _reset_in_the_admin(client, superuser, user):
    client.force_login(superuser)
    response = client.post(reverse("admin:auth_user_password_change", args=[user.pk]),
                           {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"})
    assert response.status_code == 302, response.content.decode()[:2000]


def _set_password_and_save(client, superuser, user):
    user.set_password(NEW_PASSWORD)
    user.save()


def _save_password_field_only(client, superuser, user):
    user.set_password(NEW_PASSWORD)
    user.save(update_fields=["password"])


@pytest.mark.parametrize("reset", [_reset_in_the_admin, _set_password_and_save, _save_password_field_only],
                         ids=["admin form", "set_password and save", "save(update_fields=password)"])
def test_after_a_password_reset_the_old_token_is_refused_and_login_gives_a_new_one(client, superuser, operator,
                                                                                   reset):
    api, old_key = _token_client(operator)
    assert api.get("/api/v1/search/?q=a").status_code == 200
    reset(client, superuser, operator)
    assert api.get("/api/v1/search/?q=a").status_code == 401
    response = _login(operator.username, NEW_PASSWORD)
    assert response.status_code == 200 and response.json()["token"] != old_key


def test_the_users_own_password_change_revokes_too(client, operator):
    api, _ = _token_client(operator)
    operator.is_staff = True
    operator.save()
    client.force_login(operator)
    response = client.post(reverse("admin:password_change"), {
        "old_password": "pw-" + operator.username, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert api.get("/api/v1/search/?q=a").status_code == 401


def test_the_changepassword_command_revokes_too(operator, monkeypatch):
    api, _ = _token_client(operator)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": NEW_PASSWORD)
    call_command("changepassword", operator.username)
    assert api.get("/api/v1/search/?q=a").status_code == 401


def test_saves_that_keep_the_password_keep_the_token(operator):
    api, key = _token_client(operator)
    operator.first_name = "Olga"
    operator.save()
    operator.groups.add(Group.objects.get(name="writers"))
    assert _login(operator.username, "pw-" + operator.username).json()["token"] == key  # saves last_login too
    assert api.get("/api/v1/search/?q=a").status_code == 200


def test_other_token_kinds_hook_into_the_rotation(operator):
    revoked = []
    hook = signals.on_password_change(revoked.append)
    try:
        operator.set_password(NEW_PASSWORD)
        operator.save()
    finally:
        signals._hooks.remove(hook)
    assert revoked == [operator]


def test_a_user_logs_out_their_token_and_a_new_login_gets_a_fresh_one(operator):
    api, key = _token_client(operator)
    assert api.delete("/api/v1/auth/token/").status_code == 204
    assert api.get("/api/v1/search/?q=a").status_code == 401
    assert api.delete("/api/v1/auth/token/").status_code == 401
    assert _login(operator.username, "pw-" + operator.username).json()["token"] != key


def test_deleting_without_a_token_is_a_401_and_a_chat_tool_can_revoke_its_own(db):
    assert APIClient().delete("/api/v1/auth/token/").status_code == 401
    tool, key = ChatToolToken.issue(name="Widget")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.delete("/api/v1/auth/token/").status_code == 204
    assert api.get("/api/v1/search/?q=a").status_code == 401


def test_a_personal_access_token_logs_itself_out(operator):
    from accounts import tokens as personal_tokens

    token, key = personal_tokens.token_create(user=operator, name="Laptop")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.delete("/api/v1/auth/token/").status_code == 204
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert api.get("/api/v1/search/?q=a").status_code == 401


def test_logging_in_ignores_a_stale_token_sent_along(operator):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.post("/api/v1/auth/token/", {"username": operator.username, "password": "pw-" + operator.username},
                        format="json")
    assert response.status_code == 200
