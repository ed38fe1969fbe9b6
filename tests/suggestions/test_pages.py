"""Missing replies on /health/ with "Draft a phrase for this", and a reviewer's page of what was learned."""
from urllib.parse import parse_qs, urlparse

import pytest
from django.utils.html import escape

from suggestions import services
from suggestions.models import LearningReset

SIMILAR = ["можно ли оплатить заказ биткоинами?", "хочу заплатить биткоинами, это возможно?",
           "принимаете ли вы оплату криптовалютой, биткоин?"]


def _unanswered(user):
    for message in SIMILAR:
        services.feedback_record(user=user, message=message, language="ru", chosen=None, dismissed=[])


def test_health_lists_missing_replies_with_a_draft_link(client, writer, operator, starter, model):
    _unanswered(operator)
    client.force_login(writer)
    response = client.get("/health/")
    assert response.status_code == 200
    page = response.content.decode()
    assert escape(SIMILAR[0]) in page
    link = response.context["groups"][0]["draft_url"]
    params = parse_qs(urlparse(link).query)
    assert params["language"] == ["ru"] and params["topic"]
    assert "биткоинами" in params["note"][0]
    editor = client.get(link)
    assert editor.status_code == 200
    form = editor.context["form"]
    assert form.initial["language"] == "ru"
    assert form.initial["topic"].slug == params["topic"][0]
    assert "биткоинами" in form.initial["note"]


def test_operators_do_not_see_the_health_page(client, operator, starter):
    client.force_login(operator)
    assert client.get("/health/").status_code == 403


def test_a_reviewer_sees_what_was_learned_and_resets_it(client, reviewer, operator, starter):
    services.feedback_record(user=operator, message="где мой возврат за заказ 123", language="ru",
                             chosen="refund-status-ru", dismissed=[])
    client.force_login(reviewer)
    page = client.get("/suggestions/learned/refund-status-ru/")
    assert page.status_code == 200
    assert page.context["learned"]["picks"] == 1
    assert "[number]" in page.content.decode()
    response = client.post("/suggestions/learned/refund-status-ru/")
    assert response.status_code == 302
    assert LearningReset.objects.filter(key="refund-status-ru").exists()
    assert client.get("/suggestions/learned/refund-status-ru/").context["learned"]["picks"] == 0


@pytest.mark.parametrize("role", ["operator", "writer"])
def test_only_reviewers_open_the_learned_page(client, request, role, starter):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/suggestions/learned/refund-status-ru/").status_code == 403
    assert client.post("/suggestions/learned/refund-status-ru/").status_code == 403
    assert not LearningReset.objects.exists()


def test_the_learned_page_of_an_unknown_phrase_is_a_404(client, reviewer, starter):
    client.force_login(reviewer)
    assert client.get("/suggestions/learned/no-such-phrase/").status_code == 404


def test_the_editor_links_a_reviewer_to_what_was_learned_for_a_live_phrase(client, reviewer, writer, starter):
    client.force_login(reviewer)
    page = client.get("/phrases/refund-status-ru/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert 'href="/suggestions/learned/refund-status-ru/"' in page and "Чему научили выборы операторов" in page
    client.force_login(writer)
    assert "/suggestions/learned/" not in client.get("/phrases/refund-status-ru/").content.decode()
