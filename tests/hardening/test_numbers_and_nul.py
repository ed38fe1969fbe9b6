"""Numbers too big for Python or the database, and NUL characters, are a 400 naming the field at
every door (a form error on the pages, a CommandError from the command), never a 500.

Run on PostgreSQL too (DATABASE_URL=postgres://…): NUL reaches a 500 only there."""

import pytest
from django.core.management import CommandError, call_command

from phrases.models import Phrase

pytestmark = pytest.mark.django_db

HUGE = "9" * 4301  # past Python's int digits limit (4,300)


def test_a_huge_number_before_login_is_a_400_naming_the_field(api):
    response = api["anonymous"].post("/api/v1/auth/token/", '{"username": "a", "password": ' + HUGE + "}",
                                     content_type="application/json")
    assert response.status_code == 400
    assert "too large" in response.json()["password"][0]


def test_a_huge_number_deep_in_a_document_is_named_by_its_path(api, topic):
    body = '{"format": "quickphrases/v1", "phrases": [{"key": "a"}, {"key": ' + HUGE + "}]}"
    response = api["reviewer"].post("/api/v1/library/import/", body, content_type="application/json")
    assert response.status_code == 400 and "phrases[1].key" in response.json()


@pytest.mark.parametrize("version", ["9" * 5000, "9" * 25, "2147483648", "-1"])
def test_revert_to_a_version_no_database_holds_is_a_400_naming_version(api, make_live_phrase, version):
    phrase = make_live_phrase()
    response = api["reviewer"].post(f"/api/v1/phrases/{phrase.key}/revert/", '{"version": ' + version + "}",
                                    content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert "version" in response.json()


def test_an_if_match_with_a_huge_revision_is_stale_not_a_crash(api, make_phrase):
    phrase = make_phrase()
    response = api["writer"].patch(f"/api/v1/phrases/{phrase.key}/", {"title": "Новый"}, format="json",
                                   HTTP_IF_MATCH=f'"{phrase.key}-r{"9" * 5000}"')
    assert response.status_code == 412


@pytest.mark.parametrize("revision", ["9" * 30, "9" * 5000])
def test_the_editor_with_a_huge_revision_is_a_form_error(client, writer, make_phrase, revision):
    phrase = make_phrase()
    client.force_login(writer)
    response = client.post(f"/phrases/{phrase.key}/", {
        "title": "Новый", "body": phrase.body, "topic": phrase.topic_id, "language": "ru", "shortcut": "",
        "hotkey": "", "keywords": [], "note": "", "save": "1", "revision": revision})
    assert response.status_code == 400
    assert Phrase.objects.get(pk=phrase.pk).title == phrase.title


@pytest.mark.parametrize("field", ["keywords", "title", "body", "note"])
def test_nul_in_any_editor_field_is_a_form_error_and_changes_nothing(client, writer, topic, field):
    client.force_login(writer)
    data = {"title": "Сроки доставки", "body": "Заказ {order_id} в пути.", "topic": topic.pk, "language": "ru",
            "shortcut": "", "hotkey": "", "keywords": ["когда"], "note": "", "save": "1"}
    data[field] = ["a\x00b"] if field == "keywords" else "a\x00b"
    response = client.post("/phrases/new/", data)
    assert response.status_code == 400
    errors = "keyword-input-errors" if field == "keywords" else f"id_{field}-errors"
    assert f'id="{errors}"' in response.content.decode() and "Null characters are not allowed" in response.content.decode()
    assert not Phrase.objects.exists()


@pytest.mark.parametrize("content, message", [
    ('{"format": "quickphrases/v1", "phrases": [{"key": ' + HUGE + "}]}", "phrases[0].key"),
    ('{"format": "quickphrases/v1", "phrases": [{"key": 1e999}]}', "phrases[0].key"),
    ('{"format": "quickphrases/v1", "phrases": [{"key": "a\\u0000"}]}', "NUL"),
    ("[1, 2, 3]", "must be a JSON object"),
    ('{"format": "quickphrases/v1", "topics": 5, "phrases": {}}', "must be a list"),
    ('{"format": "quickphrases/v1", "phrases": [{"key": "a", "title": "t", "body": "b", "topic": "delivery", '
     '"language": "ru", "keywords": {"a": 1}}]}', "keywords"),
    ('{"format": "quickphrases/v1", "phrases": [{"key": "a", "title": "t", "body": "b", "topic": "delivery", '
     '"language": "ru", "shortcut": "/ok\\n"}]}', "Shortcut"),
    ("\xff\xfe", "not UTF-8"),
    ("", "not UTF-8 JSON"),
])
def test_import_library_reports_any_bad_file_as_a_command_error(tmp_path, topic, content, message):
    path = tmp_path / "library.json"
    path.write_bytes(content.encode("latin-1") if content.startswith("\xff") else content.encode())
    with pytest.raises(CommandError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        call_command("import_library", str(path), "--no-progress")
    assert not Phrase.objects.exists()


def test_import_library_of_a_directory_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_library", str(tmp_path), "--no-progress")
