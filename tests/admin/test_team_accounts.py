"""Reviewers manage the team's accounts in the admin, but cannot hand out superuser powers."""
import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer_in_admin(client, reviewer):
    reviewer.is_staff = True
    reviewer.save()
    client.force_login(reviewer)
    return client


def _change_form(user, **overrides):
    data = {
        "username": user.username, "first_name": "", "last_name": "", "email": "",
        "is_active": "on", "is_staff": "on", "groups": [g.pk for g in user.groups.all()],
        "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00",
        "initial-date_joined_0": "2026-01-01", "initial-date_joined_1": "00:00:00",
    }
    data.update(overrides)
    return data


def test_reviewer_adds_a_writer(reviewer_in_admin):
    response = reviewer_in_admin.post(reverse("admin:auth_user_add"), {
        "username": "new-writer", "password1": "a-long-Passw0rd-here", "password2": "a-long-Passw0rd-here",
        "usable_password": "true",
    })
    assert response.status_code == 302, response.content[:500]
    user = User.objects.get(username="new-writer")
    writers = Group.objects.get(name="writers")
    response = reviewer_in_admin.post(reverse("admin:auth_user_change", args=[user.pk]),
                                      _change_form(user, groups=[writers.pk]))
    assert response.status_code == 302, response.content[:2000]
    assert list(User.objects.get(pk=user.pk).groups.values_list("name", flat=True)) == ["writers"]


def test_reviewer_cannot_make_anyone_a_superuser(reviewer_in_admin, writer):
    reviewer_in_admin.post(reverse("admin:auth_user_change", args=[writer.pk]),
                           _change_form(writer, is_superuser="on"))
    writer.refresh_from_db()
    assert not writer.is_superuser
    page = reviewer_in_admin.get(reverse("admin:auth_user_change", args=[writer.pk])).content.decode()
    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page


def test_reviewer_can_only_give_role_groups(reviewer_in_admin, writer):
    other = Group.objects.create(name="auditors")
    response = reviewer_in_admin.post(reverse("admin:auth_user_change", args=[writer.pk]),
                                      _change_form(writer, groups=[other.pk]))
    assert response.status_code == 200  # the form comes back with an error on the field
    assert "groups" in response.context["adminform"].form.errors
    assert not writer.groups.filter(name="auditors").exists()


def test_reviewer_cannot_touch_a_superuser_or_delete_anyone(reviewer_in_admin, superuser, writer):
    response = reviewer_in_admin.post(reverse("admin:auth_user_change", args=[superuser.pk]),
                                      _change_form(superuser, username="taken-over"))
    assert response.status_code == 403
    response = reviewer_in_admin.post(reverse("admin:auth_user_password_change", args=[superuser.pk]),
                                      {"password1": "x-Very-long-1", "password2": "x-Very-long-1"})
    assert response.status_code == 403
    assert reviewer_in_admin.post(reverse("admin:auth_user_delete", args=[writer.pk]),
                                  {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=writer.pk).exists()
    assert User.objects.get(pk=superuser.pk).username == superuser.username


def test_operators_and_writers_have_no_account_management(client, writer):
    writer.is_staff = True
    writer.save()
    client.force_login(writer)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
