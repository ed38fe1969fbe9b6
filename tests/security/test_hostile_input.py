"""Hostile input at every door gets a 400 naming the field, never a 500, and changes nothing.

Run it on PostgreSQL too (DATABASE_URL=postgres://…): NUL characters only crash there."""
import json

import pytest
from django.core.management import CommandError, call_command

from phrases.models import Phrase, Topic

pytestmark = pytest.mark.django_db

DEEP = "[" * 100_000 + "]" * 100_000  # past Python's recursion limit
NESTED_40 = "[" * 40 + "]" * 40  # parses, but deeper than any real document
DEEP_SMALL = "[" * 5_000 + "]" * 5_000  # past the recursion limit, yet under the token endpoint's body cap


def _phrase_body(**override):
    fields = {"key": "hostile-ru", "title": "Сроки доставки", "body": "Заказ {order_id} будет у Вас {date}.",
              "topic": "delivery", "language": "ru"}
    fields.update(override)
    return fields


def _raw(**override):
    return json.dumps(_phrase_body(**override), ensure_ascii=True)


def _library(topics=None, phrases=None):
    return json.dumps({"format": "quickphrases/v1",
                       "topics": topics if topics is not None else [{"slug": "delivery", "name": "Доставка",
                                                                     "parent": None}],
                       "phrases": phrases if phrases is not None else []}, ensure_ascii=True)


# (role, method, url, raw JSON body or None, the field the answer must name)
CASES = {
    # create
    "create: NUL in title": ("writer", "post", "/api/v1/phrases/", _raw(title="Сроки\x00"), "title"),
    "create: NUL in body": ("writer", "post", "/api/v1/phrases/", _raw(body="Заказ\x00 будет."), "body"),
    "create: NUL in keyword": ("writer", "post", "/api/v1/phrases/", _raw(keywords=["ok", "a\x00"]), "keywords[1]"),
    "create: lone surrogate in title": ("writer", "post", "/api/v1/phrases/", _raw(title="Сроки\ud800"), "title"),
    "create: topic as a list": ("writer", "post", "/api/v1/phrases/", _raw(topic=["delivery"]), "topic"),
    "create: topic as an object": ("writer", "post", "/api/v1/phrases/", _raw(topic={"slug": "delivery"}), "topic"),
    "create: deep nesting": ("writer", "post", "/api/v1/phrases/", '{"title": ' + DEEP + "}", "title"),
    "create: nesting past the limit": ("writer", "post", "/api/v1/phrases/", '{"keywords": ' + NESTED_40 + "}",
                                       "keywords"),
    "create: duplicate member": ("writer", "post", "/api/v1/phrases/",
                                 _raw()[:-1] + ', "title": "Второй заголовок"}', "title"),
    "create: read-only status": ("writer", "post", "/api/v1/phrases/", _raw(status="approved"), "status"),
    "create: key with capitals": ("writer", "post", "/api/v1/phrases/", _raw(key="Case-Key"), "key"),
    # patch
    "patch: NUL in title": ("writer", "patch", "/api/v1/phrases/eta/", '{"title": "x\\u0000"}', "title"),
    "patch: lone surrogate in title": ("writer", "patch", "/api/v1/phrases/eta/", '{"title": "\\ud800"}', "title"),
    "patch: topic as a list": ("writer", "patch", "/api/v1/phrases/eta/", '{"topic": ["delivery"]}', "topic"),
    "patch: read-only status": ("writer", "patch", "/api/v1/phrases/eta/", '{"status": "approved"}', "status"),
    "patch: unknown field": ("writer", "patch", "/api/v1/phrases/eta/", '{"colour": "red"}', "colour"),
    "patch: key": ("writer", "patch", "/api/v1/phrases/eta/", '{"key": "other"}', "key"),
    "patch: duplicate member": ("writer", "patch", "/api/v1/phrases/eta/", '{"title": "A", "title": "B"}', "title"),
    "patch: deep nesting": ("writer", "patch", "/api/v1/phrases/eta/", '{"keywords": ' + DEEP + "}", "keywords"),
    # topics (and phrases) via import
    "import: NUL in topic name": ("reviewer", "post", "/api/v1/library/import/",
                                  _library([{"slug": "t1", "name": "T\x00", "parent": None}]), "topics[0].name"),
    "import: topic slug a number": ("reviewer", "post", "/api/v1/library/import/",
                                    _library([{"slug": 5, "name": "Five", "parent": None}]), "slug"),
    "import: topic name a list": ("reviewer", "post", "/api/v1/library/import/",
                                  _library([{"slug": "t1", "name": ["x"], "parent": None}]), "name"),
    "import: topic parent a list": ("reviewer", "post", "/api/v1/library/import/",
                                    _library([{"slug": "t1", "name": "T", "parent": ["delivery"]}]), "parent"),
    "import: topic parent an object": ("reviewer", "post", "/api/v1/library/import/",
                                       _library([{"slug": "t1", "name": "T", "parent": {"a": 1}}]), "parent"),
    "import: phrase topic a list": ("reviewer", "post", "/api/v1/library/import/",
                                    _library(phrases=[_phrase_body(topic=["delivery"])]), "topic"),
    "import: key with capitals": ("reviewer", "post", "/api/v1/library/import/",
                                  _library(phrases=[_phrase_body(key="Case-Key")]), "key"),
    "import: deep nesting": ("reviewer", "post", "/api/v1/library/import/", '{"phrases": ' + DEEP + "}", "phrases"),
    "import: duplicate member": ("reviewer", "post", "/api/v1/library/import/",
                                 '{"format": "quickphrases/v1", "phrases": [], "phrases": []}', "phrases"),
    # search
    "search: NUL in topic": ("operator", "get", "/api/v1/search/?q=a&topic=%00", None, "topic"),
    "search: NUL in language": ("operator", "get", "/api/v1/search/?q=a&language=ru%00", None, "language"),
    # phrases list
    "list: NUL in topic": ("writer", "get", "/api/v1/phrases/?topic=%00", None, "topic"),
    "list: NUL in language (operator)": ("operator", "get", "/api/v1/phrases/?language=%00", None, "language"),
    "list: 30 February": ("writer", "get", "/api/v1/phrases/?updated_since=2026-02-30T00:00:00Z", None,
                          "updated_since"),
    "list: offset +99:00": ("writer", "get", "/api/v1/phrases/?updated_since=2026-02-01T00:00:00%2B99:00", None,
                            "updated_since"),
    "list: year 1 with an offset": ("operator", "get", "/api/v1/phrases/?updated_since=0001-01-01T00:00:00%2B01:00",
                                    None, "updated_since"),
    "list: status not a status": ("writer", "get", "/api/v1/phrases/?status=live", None, "status"),
    # exports
    "export: NUL in topic": ("operator", "get", "/api/v1/export/csv/?topic=%00", None, "topic"),
    "export: NUL in language": ("operator", "get", "/api/v1/export/quickphrases/?language=%00", None, "language"),
    "export: control characters in language": ("operator", "get", "/api/v1/export/espanso/?language=%05%0Da",
                                               None, "language"),
    "export: language not configured": ("tool", "get", "/api/v1/export/ahk/?language=de", None, "language"),
    "export: unknown topic": ("tool", "get", "/api/v1/export/csv/?topic=nowhere", None, "topic"),
    # token (anonymous)
    "token: deep nesting": ("anonymous", "post", "/api/v1/auth/token/", '{"username": ' + DEEP_SMALL + "}",
                            "username"),
    "token: NUL in username": ("anonymous", "post", "/api/v1/auth/token/",
                               '{"username": "olga\\u0000", "password": "x"}', "username"),
    "token: duplicate member": ("anonymous", "post", "/api/v1/auth/token/",
                                '{"username": "a", "username": "b", "password": "x"}', "username"),
    "token: unknown field": ("anonymous", "post", "/api/v1/auth/token/",
                             '{"username": "a", "password": "x", "otp": "1"}', "otp"),
    # lint
    "lint: NUL in body": ("writer", "post", "/api/v1/lint/", '{"body": "\\u0000", "language": "ru"}', "body"),
    "lint: deep nesting": ("writer", "post", "/api/v1/lint/", '{"body": ' + DEEP + "}", "body"),
    "lint: surrogate in language": ("writer", "post", "/api/v1/lint/", '{"body": "Да.", "language": "\\udfff"}',
                                    "language"),
    # review actions
    "submit: deep nesting": ("writer", "post", "/api/v1/phrases/eta/submit/", '{"reason": ' + DEEP + "}", "reason"),
    "submit: unknown field": ("writer", "post", "/api/v1/phrases/eta/submit/", '{"status": "in_review"}', "status"),
    "approve: NUL in reason": ("reviewer", "post", "/api/v1/phrases/eta/approve/", '{"reason": "\\u0000"}', "reason"),
    "reject: surrogate in comment": ("reviewer", "post", "/api/v1/phrases/eta/reject/", '{"comment": "\\ud83d"}',
                                     "comment"),
    "revert: version as a list": ("reviewer", "post", "/api/v1/phrases/eta/revert/", '{"version": [1]}', "version"),
    "used: NUL in client": ("operator", "post", "/api/v1/phrases/eta/used/", '{"client": "\\u0000"}', "client"),
}


def _named(answer, field):
    """Whether a 400 answer names `field`: as a member, or in an import problem."""
    return field in answer or any(problem.get("field") == field for problem in answer.get("problems", []))


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_hostile_input_is_a_400_naming_the_field_and_changes_nothing(api, make_live_phrase, case):
    role, method, url, body, field = case
    phrase = make_live_phrase(key="eta", title="Сроки", shortcut="/eta")
    before = (Phrase.objects.count(), Topic.objects.count(), list(Phrase.objects.values_list("revision", "title")))
    client = api[role]
    if body is None:
        response = getattr(client, method)(url)
    else:
        response = getattr(client, method)(url, body.encode("utf-8", "surrogatepass"),
                                           content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    answer = response.json()
    assert _named(answer, field), answer
    assert answer["detail"] and "ErrorDetail" not in answer["detail"] and "Traceback" not in response.content.decode()
    assert (Phrase.objects.count(), Topic.objects.count(),
            list(Phrase.objects.values_list("revision", "title"))) == before
    assert Phrase.objects.get(pk=phrase.pk).status == "approved"


def test_list_item_errors_read_as_text_in_detail(api, topic):
    response = api["writer"].post("/api/v1/phrases/", _phrase_body(keywords=["ok", ["nested"], "x" * 81]), format="json")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "keywords[1]: Not a valid string." in detail
    assert "keywords[2]: Ensure this field has no more than 80 characters." in detail
    assert "ErrorDetail" not in detail and "{" not in detail


def test_nul_in_a_page_query_parameter_is_a_400(client, operator):
    client.force_login(operator)
    response = client.get("/?topic=%00")
    assert response.status_code == 400 and "topic" in response.content.decode()


@pytest.mark.parametrize("content, field", [
    ('{"format": "quickphrases/v1", "topics": [{"slug": "t", "name": "T\\u0000", "parent": null}], "phrases": []}',
     "topics[0].name"),
    ('{"format": "quickphrases/v1", "phrases": [{"key": "k", "title": "\\ud800"}]}', "phrases[0].title"),
    ('{"format": "quickphrases/v1", "phrases": ' + DEEP + "}", "phrases"),
    ('{"format": "quickphrases/v1", "phrases": [], "phrases": []}', "phrases"),
], ids=["NUL", "lone surrogate", "deep nesting", "duplicate member"])
def test_import_command_refuses_hostile_files_naming_the_member(tmp_path, content, field):
    path = tmp_path / "library.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_library", str(path))
    assert f"{field}:" in str(error.value)
    assert not Topic.objects.exists() and not Phrase.objects.exists()
