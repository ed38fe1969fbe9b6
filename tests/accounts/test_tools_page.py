"""/tools/: the browser extension and every export one click away, for every role, with what each
export does with placeholders and which phrases it leaves out."""
import io
import json
import zipfile

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["operator", "writer", "reviewer"])
def test_every_role_opens_tools_linked_from_the_navigation_and_the_picker(client, request, role):
    client.force_login(request.getfixturevalue(role))
    page = client.get("/tools/")
    assert page.status_code == 200
    assert 'href="/tools/"' in client.get("/profile/").content.decode()
    assert 'href="/tools/"' in client.get("/").content.decode()


def test_tools_needs_a_login_and_a_role(client, django_user_model):
    assert client.get("/tools/")["Location"].startswith("/login/")
    assert client.get("/tools/quickphrases-extension.zip")["Location"].startswith("/login/")
    client.force_login(django_user_model.objects.create_user("nobody", password="pw"))
    assert client.get("/tools/").status_code == 403


def test_each_export_is_one_click_for_the_chosen_language_and_topic(client, operator, make_live_phrase):
    make_live_phrase(key="eta-ru", shortcut="/eta", body="Заказ {order_id} будет {date}.")
    make_live_phrase(key="hi-en", language="en", body="Hi {client_name|there}!")
    client.force_login(operator)
    page = client.get("/tools/", {"language": "ru", "topic": "delivery"}).content.decode()
    for name in ("espanso", "ahk", "chatwoot", "csv", "quickphrases"):
        url = f"/api/v1/export/{name}/?language=ru&amp;topic=delivery"
        assert f'href="{url}"' in page
        assert client.get(url.replace("&amp;", "&")).status_code == 200
    # Chatwoot and CSV cannot ask for {date}: the page names the phrase they leave out.
    assert page.count("<code>eta-ru</code>") == 2
    assert "1 approved phrase in this selection." in page


def test_unknown_filters_fall_back_to_everything(client, operator, make_live_phrase):
    make_live_phrase(key="eta-ru")
    client.force_login(operator)
    response = client.get("/tools/", {"language": "xx", "topic": "<script>"})
    assert response.status_code == 200 and "<script>" not in response.content.decode()


def test_tools_speaks_russian_and_polish(client, operator):
    client.force_login(operator)
    assert "Расширение для браузера" in client.get("/tools/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Rozszerzenie przeglądarki" in client.get("/tools/", HTTP_ACCEPT_LANGUAGE="pl").content.decode()


def test_the_extension_zip_holds_a_manifest_v3(client, operator):
    client.force_login(operator)
    response = client.get("/tools/quickphrases-extension.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content) if response.streaming
                                         else response.content))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["manifest_version"] == 3
    assert {"_locales/ru/messages.json", "_locales/en/messages.json", "_locales/pl/messages.json"} <= set(
        archive.namelist())
