"""Spelling: Hunspell dictionaries plus the team dictionary; without dictionaries it steps aside."""
import logging
from pathlib import Path

import pytest

from phrases.lint import lint, lint_text, spelling
from phrases.lint.ruleset import default_ruleset


@pytest.fixture(autouse=True)
def _only_the_bundled_dictionaries(settings):
    """A clean machine: nothing but the dictionaries that ship with the project."""
    settings.QUICKPHRASES_HUNSPELL_DIRS = [spelling.BUNDLED_DIRECTORY]


def _spelling(body, language, team=()):
    ruleset = default_ruleset()
    ruleset.team_words = frozenset(w.lower() for w in team)
    return [body[f.start:f.end] for f in lint(body, language, ruleset) if f.rule == "spelling"]


@pytest.mark.parametrize("language, body, misspelled", [
    ("ru", "Заказ будет доставлен заврта.", ["заврта"]),
    ("en", "Your refnud is on its way.", ["refnud"]),
    ("pl", "Zamówienie zostanie dostarczne jutro.", ["dostarczne"]),
])
def test_misspellings_are_flagged_in_each_language(language, body, misspelled):
    assert _spelling(body, language) == misspelled


@pytest.mark.parametrize("language, body", [
    ("ru", "Здравствуйте, {client_name}! Заказ {order_id} будет доставлен завтра."),
    ("en", "Your colour TV was cancelled and the refund is on its way."),  # British spellings too
    ("pl", "Dzień dobry! Zwrot pieniędzy trwa do pięciu dni roboczych."),
])
def test_correct_text_passes(language, body):
    assert _spelling(body, language) == []


def test_the_project_ships_its_dictionaries_with_their_licences():
    bundled = Path(spelling.BUNDLED_DIRECTORY)
    for name in ("ru_RU", "pl_PL", "en_US", "en_GB"):
        assert (bundled / f"{name}.dic").stat().st_size > 100_000
        assert (bundled / f"{name}.aff").exists()
        assert "Copyright" in (bundled / f"LICENSE-{name}.txt").read_text()
    assert spelling.spelling_status() == {"ru": "available", "en": "available", "pl": "available"}


def test_team_dictionary_accepts_product_names():
    body = "Смартфон Квазифон уже в пути."
    assert _spelling(body, "ru") == ["Квазифон"]
    assert _spelling(body, "ru", team=["квазифон"]) == []


def test_spelling_is_a_warning_with_a_message():
    finding = next(f for f in lint("Заказ приедет заврта.", "ru", default_ruleset()) if f.rule == "spelling")
    assert (finding.severity, finding.message) == ("warning", "Возможная ошибка: «заврта».")


@pytest.mark.django_db
def test_team_words_edited_in_the_database_apply_at_once():
    from phrases.lint.models import TeamWord

    assert "spelling" in {f.rule for f in lint_text("Квазифон уже в пути.", "ru")}
    TeamWord.objects.create(word="Квазифон")
    assert "spelling" not in {f.rule for f in lint_text("Квазифон уже в пути.", "ru")}


def test_without_dictionaries_spelling_reports_itself_unavailable_once_and_other_rules_run(
        settings, tmp_path, caplog):
    settings.QUICKPHRASES_HUNSPELL_DIRS = [str(tmp_path)]
    with caplog.at_level(logging.WARNING, logger="phrases.lint.spelling"):
        first = lint("спс, заказ приедет заврта", "ru", default_ruleset())
        second = lint("Заказ приедет заврта.", "ru", default_ruleset())
    rules = {f.rule for f in first}
    assert "spelling" not in rules and {"banned-abbreviation", "missing-terminal-punctuation"} <= rules
    assert [f.rule for f in second] == []
    warnings = [r for r in caplog.records if "Spelling is unavailable for 'ru'" in r.getMessage()]
    assert len(warnings) == 1
    assert spelling.spelling_status(["ru"])["ru"].startswith("unavailable")


@pytest.mark.django_db
def test_make_run_reports_spelling_available_for_each_language(settings, tmp_path):
    """`make run` calls load_demo, whose output says which languages spelling checks."""
    from io import StringIO

    from django.core.management import call_command

    starter = str(settings.BASE_DIR / "fixtures" / "starter_library.json")
    settings.BASE_DIR = tmp_path  # the demo credentials go to a temporary folder
    out = StringIO()
    call_command("load_demo", library=starter, stdout=out)
    assert "Spelling: ru available, en available, pl available" in out.getvalue()


# Word verdicts are cached per process (spelling.py): the cache must never change a verdict, and
# whatever a verdict depends on (the team's words, the dictionaries in use) must reach it at once.
CACHE_TEXTS = [
    ("ru", "Смартфон Квазифон уже в пути, заврта курьер позвонит. Квазифон-плюс тоже."),
    ("en", "Your refnud is on its way; the refnud-form and e-mail are ready, ASAP."),
    ("pl", "Zamówienie zostanie dostarczne jutro, dostarczne-dziś nie."),
    ("ru", "Оформим возврат через Webshop или webshopp, " + "заврта " * 50),
]


@pytest.mark.parametrize("language, body", CACHE_TEXTS)
def test_cached_verdicts_are_the_uncached_ones(language, body):
    ruleset = default_ruleset()
    spelling.clear_caches()
    cold = lint(body, language, ruleset)
    warm = lint(body, language, ruleset)
    spelling.clear_caches()
    assert lint(body, language, ruleset) == cold == warm
    assert any(f.rule == "spelling" for f in cold)


@pytest.mark.django_db
def test_a_team_word_added_after_a_lint_is_accepted_at_once():
    from phrases.lint.models import TeamWord

    body = "Смартфон Квазифон уже в пути."
    assert [f.rule for f in lint_text(body, "ru")].count("spelling") == 1  # verdict now cached
    TeamWord.objects.create(word="Квазифон")
    assert "spelling" not in [f.rule for f in lint_text(body, "ru")]
    TeamWord.objects.all().delete()
    assert [f.rule for f in lint_text(body, "ru")].count("spelling") == 1


def test_another_dictionary_directory_is_used_at_once(settings, tmp_path):
    body = "Refnud."
    assert _spelling(body, "en") == ["Refnud"]  # verdict cached for the bundled dictionaries
    (tmp_path / "en_US.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (tmp_path / "en_US.dic").write_text("1\nrefnud\n", encoding="utf-8")
    settings.QUICKPHRASES_HUNSPELL_DIRS = [str(tmp_path)]
    assert _spelling(body, "en") == []
    settings.QUICKPHRASES_HUNSPELL_DIRS = [spelling.BUNDLED_DIRECTORY]
    assert _spelling(body, "en") == ["Refnud"]


@pytest.mark.parametrize("language, body", CACHE_TEXTS)
def test_verdicts_shared_from_another_process_are_the_uncached_ones(language, body):
    """A large import looks each distinct word up once and hands the answers to its lint processes."""
    ruleset = default_ruleset()
    spelling.clear_caches()
    cold = lint(body, language, ruleset)
    words = body.replace(",", " ").replace(".", " ").split()
    verdicts = spelling.known_words(spelling.lookups(words, language))
    spelling.clear_caches()
    spelling.share_verdicts(verdicts)
    try:
        assert lint(body, language, ruleset) == cold
    finally:
        spelling.clear_caches()


def test_a_shared_verdict_answers_until_forgotten():
    spelling.clear_caches()
    spelling.share_verdicts({("en", "refnud"): True})
    try:
        assert _spelling("Your refnud is on its way.", "en") == []
    finally:
        spelling.forget_shared_verdicts()
        spelling.clear_caches()
    assert _spelling("Your refnud is on its way.", "en") == ["refnud"]
