"""`manage.py link_families`: parallel phrases (shared key stem or shortcut) become families,
through the linking action, with a dry run that changes nothing."""
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from phrases.models import LiveChange, LivePhrase, Phrase
from phrases.services.families import plan_families

pytestmark = pytest.mark.django_db


def _run(*args):
    out = io.StringIO()
    call_command("link_families", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def library(make_live_phrase, make_phrase):
    make_live_phrase(key="hold-minute-ru", shortcut="/min", hotkey="Ctrl+Alt+2")
    make_live_phrase(key="hold-minute-en", language="en", title="One minute", body="One moment.", shortcut="/min",
                     hotkey="Ctrl+Alt+3")
    make_phrase(key="hold-minute-pl", language="pl", title="Chwileczkę", body="Chwileczkę.")
    make_live_phrase(key="thanks-ru", shortcut="/ty")
    make_phrase(key="thank-you-en", language="en", title="Thanks", body="Thank you.", shortcut="/ty")
    make_phrase(key="only-ru", title="Только по-русски")
    make_phrase(key="twice-ru", shortcut="/two")
    make_phrase(key="twice-en", language="en", title="Twice", body="Twice.", shortcut="/two")
    make_phrase(key="second-en", language="en", title="Second", body="Second.", shortcut="/two2")


def test_dry_run_lists_families_and_unlinked_and_changes_nothing(library):
    revision = LiveChange.objects.count()
    output = _run("--dry-run")
    assert "hold-minute: hold-minute-en (en), hold-minute-pl (pl), hold-minute-ru (ru)" in output
    assert "thank-you-en (en), thanks-ru (ru)" in output  # joined by the shared shortcut /ty
    assert "only-ru (ru): no phrase in another language" in output
    assert not Phrase.objects.exclude(family="").exists() and LiveChange.objects.count() == revision


def test_linking_sets_families_through_the_action_and_reaches_the_live_copies(library):
    output = _run()
    assert "Linked" in output
    assert set(Phrase.objects.filter(family="hold-minute").values_list("key", flat=True)) == {
        "hold-minute-ru", "hold-minute-en", "hold-minute-pl"}
    assert LivePhrase.objects.get(key="hold-minute-ru").family == "hold-minute"
    ru = Phrase.objects.get(key="hold-minute-ru")
    assert ru.status == "approved" and ru.history.first().version_action == {"action": "link_family",
                                                                          "family": "hold-minute"}
    assert LiveChange.objects.filter(key="hold-minute-ru").count() == 2  # approval, then the family
    # Run again: everything already linked, nothing changes.
    assert "Linked 0 phrases" in _run()


def test_two_phrases_in_one_language_are_not_merged():
    class P:
        def __init__(self, key, language, shortcut="", family=""):
            self.key, self.language, self.shortcut, self.family = key, language, shortcut, family

    plans, unlinked = plan_families([P("a-ru", "ru", "/x"), P("b-ru", "ru", "/x"), P("a-en", "en", "/y")])
    assert [(plan.name, plan.members) for plan in plans] == [("a", [("a-en", "en"), ("a-ru", "ru")])]
    assert [(key, "already has a phrase in ru" in why) for key, _language, why in unlinked] == [("b-ru", True)]


def _links_its_families(library):
    call_command("import_library", str(library), "--no-progress", stdout=io.StringIO())
    output = _run()
    assert "greeting-new: greeting-new-en (en), greeting-new-pl (pl), greeting-new-ru (ru)" in output
    assert Phrase.objects.filter(family="hold-minute").count() == 3
    # Every family holds one phrase per language.
    for family in Phrase.objects.exclude(family="").values_list("family", flat=True).distinct():
        languages = list(Phrase.objects.filter(family=family).values_list("language", flat=True))
        assert len(languages) == len(set(languages)) >= 2


def test_linking_the_starter_library_finds_its_families():
    _links_its_families(Path(settings.BASE_DIR) / "fixtures" / "starter_library.json")


def test_linking_the_dev_library_finds_its_families(dev_library):
    _links_its_families(dev_library)
