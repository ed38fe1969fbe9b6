"""Which languages an operator gets first when they name none: profile, then interface, then browser."""
import pytest

from accounts.models import Profile
from accounts.selectors import language_order_for

pytestmark = pytest.mark.django_db


def test_the_profile_phrase_languages_come_first(operator):
    Profile.objects.create(user=operator, phrase_languages=["pl", "en"], interface_language="ru")
    assert language_order_for(operator, "ru-RU,ru;q=0.9") == ["pl", "en"]


def test_the_interface_language_stands_in_when_no_phrase_language_is_chosen(operator):
    Profile.objects.create(user=operator, interface_language="en")
    assert language_order_for(operator, "pl") == ["en"]


def test_the_browser_decides_for_a_brand_new_operator(operator):
    assert language_order_for(operator, "pl-PL,pl;q=0.9,en-US;q=0.8,de;q=0.7") == ["pl", "en"]


def test_nothing_known_gives_no_order(operator):
    assert language_order_for(operator, "de-DE,fr;q=0.5") == []
    assert language_order_for(None, "") == []
    assert language_order_for(None, "not a header;;q=") == []
