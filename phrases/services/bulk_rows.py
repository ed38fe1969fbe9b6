"""Writing many rows of one table with the statement prepared once: the import's writing path.

Django's `bulk_create` compiles every value of every row through its field (most of a large
import's writing time: ~70 values a phrase with its version and live copy). Here each column's
conversion is chosen once per field, the statement is built once, and the rows go as parameter
tuples: `executemany` on SQLite, `COPY … FROM STDIN` on PostgreSQL (psycopg 3). The values
written are the ones `bulk_create` writes; ids come from the table's own sequence, in row order,
as `bulk_create` takes them. Nothing here sends model signals (neither does `bulk_create`).
"""
import contextlib
import datetime
import functools
import json
import operator
from collections.abc import Callable, Iterable, Sequence
from json.encoder import encode_basestring_ascii

from django.conf import settings
from django.db import connection
from django.db.models import signals
from django.db.models.base import ModelState
from django.db.models.fields.related_descriptors import ForeignKeyDeferredAttribute
from django.db.models.query_utils import DeferredAttribute

ROWS_PER_CALL = 1000  # executemany/COPY in slices: memory stays bounded, the speed does not move

_json_texts = None  # {id(value): (value, text)} while `shared_json` is active


@contextlib.contextmanager
def shared_json():
    """Within the block, a JSON value (the same object) written to several rows is encoded once: a
    version's findings, keywords and action go into the phrase's row and its history row. The
    values must not change inside the block (the caller writes them as they are)."""
    global _json_texts
    outer, _json_texts = _json_texts, {} if _json_texts is None else _json_texts
    try:
        yield
    finally:
        _json_texts = outer


def _plain_dumps(value) -> str:
    """`json.dumps(value)`, without its layers for the values most rows hold: an empty list or
    object (a phrase without findings, keywords or action parameters) and a list of strings (its
    keywords), written as `json.dumps` writes them (", " between items, non-ASCII escaped)."""
    kind = type(value)
    if kind is list:
        if not value:
            return "[]"
        if all(type(item) is str for item in value):
            return "[" + ", ".join(map(encode_basestring_ascii, value)) + "]"
    elif kind is dict and not value:
        return "{}"
    return json.dumps(value)


def _columns(model) -> dict:
    return {field.attname: field for field in model._meta.concrete_fields}


def _converter(field):
    """Python value → what the driver takes for this column (`Field.get_db_prep_save`'s result for
    the values the services store), or None when the value goes as it is."""
    kind = field.get_internal_type()
    sqlite = connection.vendor == "sqlite"
    if kind == "JSONField":
        encoder = field.encoder
        texts = _json_texts

        dumps = _plain_dumps if encoder is None else functools.partial(json.dumps, cls=encoder)

        # PostgreSQL parses the JSON text itself (jsonb); SQLite stores Django's text.
        def json_text(value):
            if value is None:
                return None
            if texts is None:
                return dumps(value)
            # Keyed by the object, held with it so its id cannot be reused; per encoder.
            known = texts.get((id(value), encoder))
            if known is None:
                known = texts[(id(value), encoder)] = (value, dumps(value))
            return known[1]
        return json_text
    if kind == "DateTimeField" and sqlite:
        adapt, seen = connection.ops.adapt_datetimefield_value, {}
        utc = datetime.UTC
        # A UTC time (`timezone.now()`'s) on a UTC connection: what `adapt` returns (made naive in the
        # connection's zone, as text) without its checks; anything else goes through it.
        plain_utc = settings.USE_TZ and connection.timezone is utc

        def datetime_value(value):  # most rows share the import's "now"
            text = seen.get(value)
            if text is None:
                if plain_utc and type(value) is datetime.datetime and value.tzinfo is utc:
                    text = str(value.replace(tzinfo=None))
                else:
                    text = adapt(value)
                if len(seen) > 10_000:  # each approval's own time: most are seen once
                    seen.clear()
                seen[value] = text
            return text
        return datetime_value
    if kind == "DateField" and sqlite:
        return connection.ops.adapt_datefield_value
    return None


def next_ids(model, count: int) -> list[int]:
    """`count` new primary keys of `model`'s table, ascending, from its own sequence: the ids the
    next `count` rows inserted without one would get (the caller's transaction holds SQLite's
    write lock; on PostgreSQL each comes from nextval, so concurrent writers never share one)."""
    if not count:
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [quote(table), column, count])
            return sorted(row[0] for row in cursor.fetchall())
        # AUTOINCREMENT: above the highest id the table ever held (sqlite_sequence), not only above the rows now.
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")
        start = max(row[0] if row else 0, cursor.fetchone()[0] or 0) + 1
    return list(range(start, start + count))


def _converted(fields, columns: Sequence[str], rows: Iterable[tuple]):
    """`rows` with each value of `columns` converted as its field stores it (rows left as they are when no
    column needs a conversion)."""
    converters = [(index, converter) for index, converter in
                  ((index, _converter(fields[name])) for index, name in enumerate(columns)) if converter]
    for row in rows:
        if converters:
            row = list(row)
            for index, convert in converters:
                row[index] = convert(row[index])
        yield row


def _execute_in_parts(cursor, statement: str, rows) -> int:
    """Run the prepared `statement` for every row, ROWS_PER_CALL rows a call; returns how many."""
    count, part = 0, []
    for row in rows:
        part.append(row)
        if len(part) == ROWS_PER_CALL:
            cursor.executemany(statement, part)
            count, part = count + len(part), []
    if part:
        cursor.executemany(statement, part)
        count += len(part)
    return count


def insert(model, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Insert `rows` (tuples of Python values for `columns`, attnames) into `model`'s table, in
    order. Returns how many."""
    fields = _columns(model)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(fields[name].column) for name in columns)
    rows = _converted(fields, columns, rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            count = 0
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        statement = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
        return _execute_in_parts(cursor, statement, rows)


def update(model, columns: Sequence[str], rows: Iterable[tuple]) -> int:
    """Set `columns` (attnames) of existing rows: each row is the values of `columns`, then the
    primary key. One prepared UPDATE, run for each row."""
    fields = _columns(model)
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(fields[name].column)} = %s" for name in columns)
    statement = (f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
                 f"WHERE {quote(model._meta.pk.column)} = %s")
    with connection.cursor() as cursor:
        return _execute_in_parts(cursor, statement, _converted(fields, columns, rows))


def object_rows(objects, columns: Sequence[str]):
    """Each model instance's values for `columns` (attnames), as a tuple."""
    values = operator.attrgetter(*columns)
    if len(columns) == 1:
        return ((values(obj),) for obj in objects)
    return map(values, objects)


def maker(model, names: Sequence[str]) -> Callable[[Sequence], object]:
    """A function making `model(**dict(zip(names, values)))` from `values`, with less work a row:
    the instance gets every concrete field's value in order (as `Model.from_db` builds one: no
    default looked up field by field), each other field's default chosen once (a callable default
    called for each instance, as Django calls it); a related object given by name sets its id and
    is cached on the instance, as assigning it does. `names` are the given fields' names or
    attnames. Make one per batch: whether the model's init signals have listeners is read here."""
    fields = model._meta.concrete_fields
    position = {name: index for index, name in enumerate(names)}
    template, calls, plain, related = [], [], [], []
    for index, field in enumerate(fields):
        template.append(None)
        if field.name in position and field.is_relation and field.name != field.attname:
            related.append((index, position[field.name], field, field.target_field.attname))
        elif field.attname in position:
            plain.append((index, position[field.attname]))
        elif field.has_default() and callable(field.default):
            calls.append((index, field.default))
        else:
            template[index] = field.get_default()
    unknown = set(names) - {name for field in fields for name in (field.name, field.attname)}
    if unknown:
        raise TypeError(f"{model.__name__} has no field {', '.join(sorted(unknown))}")
    attnames = [field.attname for field in fields]
    # What `Model.__init__` does with values in order, when nothing listens to its signals and every
    # column's attribute is a plain one (a fresh instance's dict gets the values): done at once.
    direct = (not signals.pre_init.has_listeners(model) and not signals.post_init.has_listeners(model)
              and all(type(getattr(model, attname, None)) in (DeferredAttribute, ForeignKeyDeferredAttribute)
                      for attname in attnames))

    def make(values):
        row = template.copy()
        for index, default in calls:
            row[index] = default()
        for index, given in plain:
            row[index] = values[given]
        for index, given, _field, target in related:
            other = values[given]
            row[index] = None if other is None else getattr(other, target)
        if direct:
            obj = model.__new__(model)
            obj._state = ModelState()
            obj.__dict__.update(zip(attnames, row))
        else:
            obj = model(*row)
        for _index, given, field, _target in related:
            field.set_cached_value(obj, values[given])
        return obj
    return make
