"""Each person's preferences: the profile page, the interface language, and the picker's memory."""
import pytest
from django.contrib.auth.models import Group

from accounts.models import Profile
from accounts.roles import OPERATORS
from accounts.services import profile_get
from api.models import ChatToolToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, operator):
    client.force_login(operator)
    return client


def test_every_role_opens_the_profile_page_and_gets_a_profile(client, operator, writer, reviewer):
    for user in (operator, writer, reviewer):
        assert not Profile.objects.filter(user=user).exists()  # accounts made before profiles existed
        client.force_login(user)
        response = client.get("/profile/")
        assert response.status_code == 200 and b'name="display_name"' in response.content
        assert Profile.objects.filter(user=user).exists()


def test_profile_page_needs_a_login_and_a_role(client, django_user_model):
    assert client.get("/profile/")["Location"].startswith("/login/")
    client.force_login(django_user_model.objects.create_user("nobody", password="pw"))
    assert client.get("/profile/").status_code == 403


def test_saving_the_profile_keeps_the_language_order(logged_in, operator):
    response = logged_in.post("/profile/", {
        "display_name": "  Анна  ", "interface_language": "ru", "phrase_language_0": "pl",
        "phrase_language_1": "ru", "phrase_language_2": "", "review_emails": ""})
    assert response.status_code == 302
    profile = Profile.objects.get(user=operator)
    assert (profile.display_name, profile.interface_language, profile.phrase_languages, profile.review_emails) == (
        "Анна", "ru", ["pl", "ru"], True)  # an operator is not offered review e-mails: the default stays


@pytest.mark.parametrize("data, field", [
    ({"phrase_language_0": "ru", "phrase_language_1": "ru"}, "phrase_language_1"),  # under the repeated one
    ({"phrase_language_0": "de"}, "phrase_language_0"),
    ({"interface_language": "de"}, "interface_language"),
    ({"display_name": "x" * 81}, "display_name"),
])
def test_bad_profile_input_is_refused_and_changes_nothing(logged_in, operator, data, field):
    profile_get(user=operator)
    response = logged_in.post("/profile/", {"display_name": "", "review_emails": "on", **data})
    assert response.status_code == 400 and response.context["form"].errors[field]
    profile = Profile.objects.get(user=operator)
    assert (profile.display_name, profile.phrase_languages, profile.interface_language) == ("", [], "")


def test_interface_follows_the_profile_language(logged_in, operator):
    logged_in.post("/profile/", {"interface_language": "ru", "display_name": "", "phrase_language_0": "ru"})
    response = logged_in.get("/profile/", HTTP_ACCEPT_LANGUAGE="pl,en;q=0.5")
    assert response["Content-Language"] == "ru"
    assert "Ваш профиль" in response.content.decode()


def test_interface_follows_the_browser_without_a_profile_language(client, operator):
    client.force_login(operator)
    response = client.get("/profile/", HTTP_ACCEPT_LANGUAGE="pl,en;q=0.5")
    assert response["Content-Language"] == "pl" and "Mój profil" in response.content.decode()
    response = client.get("/profile/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "en" and "Your profile" in response.content.decode()


def test_a_language_set_elsewhere_applies_at_the_next_login(client, operator):
    profile = profile_get(user=operator)
    profile.interface_language = "pl"
    profile.save()
    client.force_login(operator)
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru")["Content-Language"] == "pl"


def test_the_picker_remembers_the_language_filter(logged_in, operator):
    response = logged_in.post("/profile/search-language/", {"language": "pl"}, content_type="application/json")
    assert response.status_code == 200 and Profile.objects.get(user=operator).search_language == "pl"
    page = logged_in.get("/").content.decode()
    assert '<option value="pl" selected>' in page
    logged_in.post("/profile/search-language/", {"language": ""}, content_type="application/json")
    assert Profile.objects.get(user=operator).search_language == ""


def test_an_unknown_filter_language_is_a_400_naming_the_field(logged_in, operator):
    response = logged_in.post("/profile/search-language/", {"language": "xx"}, content_type="application/json")
    assert response.status_code == 400 and "language" in response.json()
    assert profile_get(user=operator).search_language == ""


def test_pins_hold_live_phrases_in_pin_order(logged_in, operator, make_live_phrase, make_phrase):
    make_live_phrase(key="b-ru", title="Б", body="Спасибо.")
    make_live_phrase(key="a-ru", title="А", body="Здравствуйте!")
    make_phrase(key="draft-ru", title="Черновик", body="Черновик.")
    for key in ("b-ru", "a-ru", "b-ru"):
        assert logged_in.post("/profile/pinned/", {"key": key, "pinned": True},
                              content_type="application/json").status_code == 200
    from accounts.selectors import pinned_keys

    assert pinned_keys(operator) == ["b-ru", "a-ru"]
    refused = logged_in.post("/profile/pinned/", {"key": "draft-ru", "pinned": True}, content_type="application/json")
    assert refused.status_code == 400 and "key" in refused.json()
    logged_in.post("/profile/pinned/", {"key": "b-ru", "pinned": False}, content_type="application/json")
    assert pinned_keys(operator) == ["a-ru"]
    assert '"pinned": ["a-ru"]' in logged_in.get("/").content.decode()


def test_pin_input_must_be_well_formed(logged_in):
    response = logged_in.post("/profile/pinned/", {"key": "a b", "pinned": "maybe"}, content_type="application/json")
    assert response.status_code == 400 and {"key", "pinned"} <= set(response.json())


def test_preference_endpoints_need_a_person_with_a_role(client, django_user_model):
    _token, key = ChatToolToken.issue(name="Widget")
    for headers in ({}, {"HTTP_AUTHORIZATION": f"Token {key}"}):
        assert client.post("/profile/pinned/", {"key": "a", "pinned": True}, content_type="application/json",
                           **headers).status_code in (401, 403)
        assert client.post("/profile/search-language/", {"language": "ru"}, content_type="application/json",
                           **headers).status_code in (401, 403)
    nobody = django_user_model.objects.create_user("nobody", password="pw")
    client.force_login(nobody)
    assert client.post("/profile/search-language/", {"language": "ru"},
                       content_type="application/json").status_code == 403
    nobody.groups.add(Group.objects.get(name=OPERATORS))
    assert client.post("/profile/search-language/", {"language": "ru"},
                       content_type="application/json").status_code == 200


def test_the_picker_fills_the_operator_name_from_the_profile_never_the_login_name(logged_in, operator):
    assert '"operatorName": ""' in logged_in.get("/").content.decode()  # the picker asks instead
    operator.first_name = "Olga"
    operator.save()
    assert '"operatorName": "Olga"' in logged_in.get("/").content.decode()
    logged_in.post("/profile/", {"display_name": "Ольга", "interface_language": ""})
    assert '"operatorName": "\\u041e\\u043b\\u044c\\u0433\\u0430"' in logged_in.get("/").content.decode()


def test_review_emails_default_on_and_follow_the_profile(client, writer):
    from accounts.selectors import wants_review_emails

    client.force_login(writer)
    assert wants_review_emails(writer)  # no profile row yet
    client.post("/profile/", {"display_name": "", "interface_language": ""})  # the box left unticked
    assert not wants_review_emails(writer)
    client.post("/profile/", {"display_name": "", "interface_language": "", "review_emails": "on"})
    assert wants_review_emails(writer)


def test_operators_are_not_offered_review_emails_and_keep_the_setting(logged_in, operator):
    page = logged_in.get("/profile/").content.decode()
    assert 'name="review_emails"' not in page
    logged_in.post("/profile/", {"display_name": "", "interface_language": ""})
    assert Profile.objects.get(user=operator).review_emails  # untouched


def test_profile_page_says_saved_once_and_ties_the_help_text(logged_in):
    page = logged_in.post("/profile/", {"display_name": "Анна", "interface_language": ""}, follow=True)
    html = page.content.decode()
    assert html.count("Your preferences are saved.") == 1
    described = html.split('name="display_name"')[1].split(">")[0]
    assert 'aria-describedby="id_display_name_helptext"' in described and 'id="id_display_name_helptext"' in html


def test_the_picker_saves_the_display_name_it_asked_for(logged_in, operator):
    response = logged_in.post("/profile/display-name/", {"display_name": "  Ольга "}, content_type="application/json")
    assert response.status_code == 200 and Profile.objects.get(user=operator).display_name == "Ольга"
    refused = logged_in.post("/profile/display-name/", {"display_name": " "}, content_type="application/json")
    assert refused.status_code == 400 and "display_name" in refused.json()
    assert Profile.objects.get(user=operator).display_name == "Ольга"
