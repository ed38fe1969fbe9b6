"""Shared fixtures: one user per role, topics and phrases made through the real services."""
import itertools
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from accounts.roles import OPERATORS, REVIEWERS, WRITERS
from phrases import services
from phrases.models import Topic

EVAL_DIR = Path(settings.BASE_DIR).parent / "shared" / "eval"
# pytest-django's fixtures that give a test the database; a test that takes none of them cannot reach it.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
                     "live_server"}
DEV_LIBRARY = Path(__file__).parent / "data" / "dev_library.json"
_counter = itertools.count(1)


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only", action="store_true",
        help="run only the tests that reach the configured database (CI's second run, on PostgreSQL): the others "
             "give the same result on any database and ran in the first",
    )


def reaches_the_database(item) -> bool:
    """Whether a test's result can depend on which database the suite runs on: it takes pytest-django's database
    (a `django_db` mark or a fixture that needs one), runs processes on the suite's own kind of database
    (the `deployment` fixture's "postgres" kind), or says so with `@pytest.mark.database`."""
    if item.get_closest_marker("django_db") or item.get_closest_marker("database"):
        return True
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "deployment" in callspec.params:
        return callspec.params["deployment"] != "sqlite"
    return bool(DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    kept = [item for item in items if reaches_the_database(item)]
    config.hook.pytest_deselected(items=[item for item in items if not reaches_the_database(item)])
    items[:] = kept


@pytest.fixture
def fresh_search_index():
    """The live server and the test share this process's search index: each test that searches starts
    from its own library and leaves no index behind (`pytest.mark.usefixtures("fresh_search_index")`)."""
    from phrases.search.live_index import live_index

    live_index.reset()
    yield live_index
    live_index.reset()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _jobs_run_immediately(settings, tmp_path_factory):
    # Background jobs run in the test's own process right after the commit, through the worker's code;
    # tests/jobs/ start real worker processes where that matters.
    settings.QUICKPHRASES_TASKS_IMMEDIATE = True
    settings.QUICKPHRASES_JOB_DIR = str(tmp_path_factory.getbasetemp() / "jobs")


@pytest.fixture(autouse=True)
def _default_language():
    # A page request may leave its interface language active in this thread; every test starts
    # from the default, as every request in production starts from LocaleMiddleware's choice.
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_lint_rules():
    # Each test's database is rolled back, so rules compiled in one test must not leak into the next.
    from phrases.lint.ruleset import reset_cache

    reset_cache()
    yield
    reset_cache()


def _user(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(username=username, password="pw-" + username, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def operator(db, django_user_model):
    return _user(django_user_model, "olga-operator", OPERATORS)


@pytest.fixture
def writer(db, django_user_model):
    return _user(django_user_model, "wanda-writer", WRITERS)


@pytest.fixture
def reviewer(db, django_user_model):
    return _user(django_user_model, "roman-reviewer", REVIEWERS)


@pytest.fixture
def superuser(db, django_user_model):
    return _user(django_user_model, "sam-admin", is_superuser=True, is_staff=True)


@pytest.fixture
def topic(db):
    return Topic.objects.create(slug="delivery", name="Доставка")


@pytest.fixture
def make_phrase(db, writer, topic):
    """Create a draft phrase through `phrase_create`; override any field by keyword."""

    def make(**fields):
        n = next(_counter)
        values = {
            "key": f"phrase-{n}",
            "title": "Сроки доставки",
            "body": "{client_name}, заказ {order_id} будет у Вас {date}.",
            "topic": topic,
            "language": "ru",
        }
        values.update(fields)
        actor = values.pop("actor", writer)
        return services.phrase_create(actor=actor, **values)

    return make


@pytest.fixture
def make_live_phrase(make_phrase, writer, reviewer):
    """Create a phrase and take it through submit and approve, so it is live."""

    def make(**fields):
        phrase = make_phrase(**fields)
        services.phrase_submit(phrase=phrase, actor=writer)
        return services.phrase_approve(phrase=phrase, actor=reviewer, acknowledge_warnings=True)

    return make


@pytest.fixture
def eval_dir():
    """The shared development data, for the quality checks only (they skip on a clone with nothing beside it)."""
    if not (EVAL_DIR / "dev_library.json").exists():
        pytest.skip(f"development data not found at {EVAL_DIR}")
    return EVAL_DIR


@pytest.fixture
def dev_library():
    """The development library (a copy of shared/eval/dev_library.json kept in the repository): the product's
    behaviour tests run on it on any clone."""
    return DEV_LIBRARY
