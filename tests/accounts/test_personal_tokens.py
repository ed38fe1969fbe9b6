"""Personal access tokens for the browser extension: made on the profile page, shown once, stored
hashed, an operator's abilities only, listed with their last use, revocable, revoked by a password change."""
import hashlib
import re

import pytest
from rest_framework.test import APIClient

from accounts import tokens
from accounts.models import PersonalAccessToken

pytestmark = pytest.mark.django_db


def _api(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def _create_on_profile(client, user, name="Browser at work"):
    client.force_login(user)
    response = client.post("/profile/tokens/", {"name": name})
    assert response.status_code == 302
    page = client.get("/profile/").content.decode()
    key = re.search(r'id="new-token-key" class="token-key">([^<]+)<', page).group(1)
    return key, page


def test_the_profile_page_shows_a_new_key_once_and_stores_only_its_hash(client, operator):
    key, page = _create_on_profile(client, operator)
    assert key.startswith("qp_") and len(key) > 40
    token = PersonalAccessToken.objects.get(user=operator)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {str(value) for value in PersonalAccessToken.objects.values_list(
        "name", "prefix", "key_hash").get()}
    assert "Browser at work" in page and token.prefix in page
    assert key not in client.get("/profile/").content.decode()  # shown only once


def test_a_token_without_a_name_is_refused_with_the_reason_and_nothing_is_made(client, operator):
    client.force_login(operator)
    response = client.post("/profile/tokens/", {"name": "   "})
    assert response.status_code == 400 and "Give the token a name" in response.content.decode()
    assert not PersonalAccessToken.objects.exists()


def test_a_token_may_do_what_an_operator_does_and_records_its_last_use(operator, make_live_phrase):
    make_live_phrase(key="eta-ru", shortcut="/eta")
    token, key = tokens.token_create(user=operator, name="ext")
    api = _api(key)
    assert api.get("/api/v1/search/", {"q": "eta"}).json()["results"][0]["key"] == "eta-ru"
    assert api.get("/api/v1/sync/").status_code == 200
    assert api.post("/api/v1/phrases/eta-ru/used/", {}, format="json").status_code == 204
    assert api.get("/api/v1/topics/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("role", ["writer", "reviewer", "superuser"])
def test_a_writers_or_reviewers_token_never_writes_to_the_library(role, request, make_live_phrase, make_phrase):
    user = request.getfixturevalue(role)
    make_live_phrase(key="eta-ru", shortcut="/eta")
    draft = make_phrase(key="draft-ru", title="Черновик", body="Секретный черновик.")
    _token, key = tokens.token_create(user=user, name="ext")
    api = _api(key)
    assert api.post("/api/v1/phrases/", {"key": "new-ru", "title": "Новая", "body": "Текст.", "topic": "delivery",
                                         "language": "ru"}, format="json").status_code == 403
    assert api.patch("/api/v1/phrases/eta-ru/", {"title": "Другое"}, format="json").status_code == 403
    assert api.post("/api/v1/phrases/eta-ru/approve/", {}, format="json").status_code == 403
    assert api.post("/api/v1/library/import/", {"format": "quickphrases/v1", "topics": [], "phrases": []},
                    format="json").status_code == 403
    # Working copies stay out of reach: a token reads only the live library.
    assert api.get(f"/api/v1/phrases/{draft.key}/").status_code == 404
    assert "draft-ru" not in api.get("/api/v1/phrases/").content.decode()


def test_a_revoked_token_is_refused_with_a_clear_message(client, operator):
    key, _page = _create_on_profile(client, operator)
    token = PersonalAccessToken.objects.get(user=operator)
    assert client.post(f"/profile/tokens/{token.pk}/revoke/").status_code == 302
    response = _api(key).get("/api/v1/search/", {"q": "eta"})
    assert response.status_code == 401 and "revoked" in response.json()["detail"]
    assert "revoked" in client.get("/profile/").content.decode()


def test_nobody_revokes_someone_elses_token(client, operator, writer):
    token, key = tokens.token_create(user=writer, name="ext")
    client.force_login(operator)
    assert client.post(f"/profile/tokens/{token.pk}/revoke/").status_code == 404
    assert _api(key).get("/api/v1/sync/").status_code == 200


def test_a_password_change_revokes_every_token_of_that_person_only(client, operator, writer):
    _mine, my_key = tokens.token_create(user=operator, name="home")
    _other, other_key = tokens.token_create(user=writer, name="work")
    operator.set_password("a brand new password 2026")
    operator.save()
    assert _api(my_key).get("/api/v1/sync/").status_code == 401
    assert _api(other_key).get("/api/v1/sync/").status_code == 200
    assert PersonalAccessToken.objects.get(user=operator).revoked_at is not None


def test_saving_a_user_without_a_password_change_keeps_the_tokens(operator):
    _token, key = tokens.token_create(user=operator, name="home")
    operator.first_name = "Anna"
    operator.save()
    assert _api(key).get("/api/v1/sync/").status_code == 200


def test_a_token_of_an_inactive_or_roleless_user_gets_nothing(operator, django_user_model):
    _token, key = tokens.token_create(user=operator, name="home")
    operator.is_active = False
    operator.save()
    assert _api(key).get("/api/v1/sync/").status_code == 401
    nobody = django_user_model.objects.create_user("nobody", password="pw")
    _token, nobody_key = tokens.token_create(user=nobody, name="x")
    assert _api(nobody_key).get("/api/v1/sync/").status_code == 403
