"""Every endpoint × every kind of caller gets exactly the status its role allows (contract §3)."""
import pytest
from django.urls import resolve

from api.views.fallback import not_found

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "operator", "writer", "reviewer", "tool", "superuser"]


def _statuses(anonymous, operator, writer, reviewer, tool, superuser):
    return dict(zip(ROLES, (anonymous, operator, writer, reviewer, tool, superuser)))


# (method, path, body, expected status per role). {live}: an approved phrase; {draft}: a draft;
# {review}: a phrase in review. Each request runs on fresh fixtures, so writes do not interfere.
MATRIX = [
    ("get", "/api/v1/search/?q=сроки", None, _statuses(401, 200, 200, 200, 200, 200)),
    ("get", "/api/v1/sync/", None, _statuses(401, 200, 200, 200, 200, 200)),
    ("get", "/api/v1/export/quickphrases/", None, _statuses(401, 200, 200, 200, 200, 200)),
    ("get", "/api/v1/export/espanso/", None, _statuses(401, 200, 200, 200, 200, 200)),
    ("post", "/api/v1/phrases/{live}/used/", {}, _statuses(401, 204, 204, 204, 204, 204)),
    ("get", "/api/v1/phrases/", None, _statuses(401, 200, 200, 200, 403, 200)),
    ("get", "/api/v1/phrases/{live}/", None, _statuses(401, 200, 200, 200, 403, 200)),
    ("get", "/api/v1/phrases/{draft}/", None, _statuses(401, 404, 200, 200, 403, 200)),
    ("get", "/api/v1/topics/", None, _statuses(401, 200, 200, 200, 403, 200)),
    ("post", "/api/v1/phrases/", {"key": "new-one", "title": "Новая", "body": "Текст.", "topic": "delivery",
                                  "language": "ru"}, _statuses(401, 403, 201, 201, 403, 201)),
    ("patch", "/api/v1/phrases/{draft}/", {"title": "Правка"}, _statuses(401, 403, 200, 200, 403, 200)),
    ("delete", "/api/v1/phrases/{draft}/", None, _statuses(401, 403, 200, 200, 403, 200)),
    ("delete", "/api/v1/phrases/{live}/", None, _statuses(401, 403, 403, 200, 403, 200)),
    ("delete", "/api/v1/phrases/{live}/?hard=true", None, _statuses(401, 403, 403, 403, 403, 204)),
    ("get", "/api/v1/phrases/{live}/history/", None, _statuses(401, 403, 200, 200, 403, 200)),
    ("post", "/api/v1/phrases/{draft}/submit/", {}, _statuses(401, 403, 200, 200, 403, 200)),
    ("post", "/api/v1/phrases/{review}/approve/", {}, _statuses(401, 403, 403, 200, 403, 200)),
    ("post", "/api/v1/phrases/{review}/reject/", {"comment": "Нет."}, _statuses(401, 403, 403, 200, 403, 200)),
    ("post", "/api/v1/phrases/{live}/revert/", {"version": "{live_version}"},
     _statuses(401, 403, 403, 200, 403, 200)),
    ("post", "/api/v1/lint/", {"body": "Спасибо.", "language": "ru"}, _statuses(401, 403, 200, 200, 403, 200)),
    ("post", "/api/v1/library/import/", {"format": "quickphrases/v1", "topics": [], "phrases": []},
     _statuses(401, 403, 403, 200, 403, 200)),
    ("get", "/api/v1/schema/", None, _statuses(401, 200, 200, 200, 200, 200)),
]


@pytest.mark.parametrize("method, path, body, expected", MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX])
@pytest.mark.parametrize("role", ROLES)
def test_endpoint_answers_each_role_with_the_exact_status(api, role, method, path, body, expected,
                                                          make_phrase, make_live_phrase, writer):
    from phrases import services

    live = make_live_phrase(key="live-one", shortcut="/live")
    draft = make_phrase(key="draft-one")
    services.phrase_submit(phrase=make_phrase(key="review-one"), actor=writer)
    values = {"live": live.key, "draft": draft.key, "review": "review-one",
              "live_version": live.history.last().history_id}
    url = path.format(**values)
    if body is not None:
        body = {k: (values["live_version"] if v == "{live_version}" else v) for k, v in body.items()}
    response = getattr(api[role], method)(url, body, format="json") if body is not None else \
        getattr(api[role], method)(url)
    assert response.status_code == expected[role], response.content[:300]
    if response.status_code >= 400:
        assert "detail" in response.json()


def test_token_endpoint_gives_a_token_and_refuses_wrong_passwords(client, operator):
    response = client.post("/api/v1/auth/token/", {"username": operator.username, "password": "pw-" + operator.username},
                           content_type="application/json")
    assert response.status_code == 200 and len(response.json()["token"]) >= 20
    wrong = client.post("/api/v1/auth/token/", {"username": operator.username, "password": "nope"},
                        content_type="application/json")
    assert wrong.status_code == 400 and wrong.json() == {"detail": "Wrong username or password."}


def test_token_endpoint_is_throttled_against_guessing(client, operator, settings):
    # The default limit: 10 failures per account (tests/security has the details).
    statuses = [client.post("/api/v1/auth/token/", {"username": operator.username, "password": f"guess{i}"},
                            content_type="application/json").status_code for i in range(12)]
    assert statuses[:10] == [400] * 10 and statuses[10:] == [429, 429]


def test_revoked_chat_tool_token_is_refused_and_last_use_is_recorded(db):
    from django.utils import timezone
    from rest_framework.test import APIClient

    from api.models import ChatToolToken

    token, key = ChatToolToken.issue(name="Widget")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/v1/sync/").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None and token.key_hash != key
    token.revoked_at = timezone.now()
    token.save()
    response = client.get("/api/v1/sync/")
    assert response.status_code == 401 and "revoked" in response.json()["detail"]


def test_unknown_api_path_and_method_answer_json(api):
    missing = api["operator"].get("/api/v1/no-such-thing/")
    assert missing.status_code == 404 and missing.json()["detail"].startswith("No API endpoint")
    # A path with a line break in it (found by the contract check) reaches the JSON fallback too;
    # the test client drops line breaks from URLs, so the routing is checked directly.
    assert resolve("/api/v1/phrases/V<\n\u00a6M/").func is not_found
    wrong_method = api["operator"].put("/api/v1/search/")
    assert wrong_method.status_code == 405 and "detail" in wrong_method.json()
