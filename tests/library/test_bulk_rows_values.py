"""The import's writing path takes shortcuts that must write exactly what Django would: a JSON value
encoded without `json.dumps`' layers, an instance built by `bulk_rows.maker` instead of `Model(**…)`,
a UTC time adapted for SQLite without the backend's checks."""
import datetime
import json
import zoneinfo

import pytest
from django.db import connection

from phrases.models import LivePhrase, Phrase, Topic
from phrases.services import bulk_rows

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", [
    [], {}, ["доставка", "x\"y", "\\", "\u2028", "\x00", "é", "\U0001f600", ""], ["plain"],
    [{"rule": "spelling", "severity": "warning", "message": "Опечатка «доставкаа».", "start": 1, "end": 9,
      "suggestion": None, "dismissed": None}],
    {"action": "import_held", "rules": ["tone"]}, [1, "mixed"], [[]], 3, "text",
])
def test_a_json_value_is_written_as_json_dumps_writes_it(value):
    assert bulk_rows._plain_dumps(value) == json.dumps(value)


def _state(obj):
    values = {name: value for name, value in vars(obj).items() if name != "_state"}
    return values, dict(obj._state.fields_cache), obj._state.adding


def test_an_instance_from_maker_is_the_one_the_model_builds_from_keywords(reviewer):
    topic = Topic.objects.create(slug="general", name="General")
    content = {"title": "T", "body": "B", "topic": topic, "language": "en", "shortcut": "", "hotkey": "",
               "keywords": ["k"], "family": ""}
    names = ("key", "owner", *content)
    for owner in (None, reviewer):
        made = bulk_rows.maker(Phrase, names)(("k-1", owner, *content.values()))
        expected = Phrase(key="k-1", owner=owner, **content)
        assert _state(made) == _state(expected)
        other = bulk_rows.maker(Phrase, names)(("k-2", owner, *content.values()))
        assert made.keywords is content["keywords"]  # a given value as given
        assert made.lint_findings == [] and made.lint_findings is not other.lint_findings  # a default per instance
    phrase = Phrase.objects.create(key="k-3", title="T", body="B", topic=topic, language="en")
    live_names = ("phrase", "key", "title", "body", "topic_id", "language", "version", "approved_at")
    values = (phrase, "k-3", "T", "B", topic.pk, "en", 7, phrase.created_at)
    made = bulk_rows.maker(LivePhrase, live_names)(values)
    assert _state(made) == _state(LivePhrase(**dict(zip(live_names, values, strict=True))))
    with pytest.raises(TypeError):
        bulk_rows.maker(Phrase, ("key", "no_such_field"))


def test_a_time_is_written_to_sqlite_as_the_backend_adapts_it():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backend's adaptation")
    convert = bulk_rows._converter(Phrase._meta.get_field("reviewed_at"))
    times = [datetime.datetime(2026, 12, 7, 9, 15, 39, 123456, tzinfo=datetime.UTC),
             datetime.datetime(2026, 12, 7, 9, 15, tzinfo=datetime.UTC),
             datetime.datetime(2026, 12, 7, 10, 15, tzinfo=zoneinfo.ZoneInfo("Europe/Warsaw")), None]
    for value in times:
        assert convert(value) == connection.ops.adapt_datetimefield_value(value)
