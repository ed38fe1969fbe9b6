"""An import's result, as rows: a digest of what two imports leave in the database, to check that a
change to the import's writing leaves the result byte-identical (run it before and after, compare).

A first import of a mixed library (approved, held over errors, drafts, in review, archived, families,
shortcuts and hotkeys), then a re-import that edits, archives, drafts, swaps shortcuts, adds phrases
and publishes over findings. Every row of the phrases app's tables is dumped in id order; a
timestamp is kept only as "set" (its value is the clock's), a date as is.

    python -m benchmarks.import_identity                 # SQLite, prints the digest
    python -m benchmarks.import_identity --dump rows.json
    python -m benchmarks.import_identity --database-url postgres://postgres@127.0.0.1:5432/qp_bench
"""
import argparse
import datetime
import hashlib
import json
import os
import re
import sys

from benchmarks.common import ROOT, setup_django

SIZE = 2000


def first_file() -> dict:
    from benchmarks.import_bench import library_file

    document = library_file(SIZE, seed=3)
    statuses = ["approved"] * 6 + ["draft", "in_review", "archived"]
    for index, phrase in enumerate(document["phrases"]):
        phrase["status"] = statuses[index % len(statuses)]
        if index % 50 < 3:  # families of three variants, one per language
            phrase["family"] = f"fam-{index // 50}"
            phrase["language"] = ("ru", "en", "pl")[index % 50]
            phrase["hotkey"] = f"Alt+{index // 50 % 10}" if index // 50 < 10 else None
            phrase["shortcut"] = None
    return document


def second_file(first: dict) -> dict:
    phrases = [dict(phrase) for phrase in first["phrases"]]
    for index, phrase in enumerate(phrases):
        if index % 7 == 0:
            phrase["body"] = phrase["body"] + " Спасибо, что подождали!"
            phrase["status"] = "approved"
        elif index % 11 == 0:
            phrase["status"] = "archived"
        elif index % 13 == 0:
            phrase["status"] = "draft"
        elif index % 17 == 0:
            phrase["title"] = phrase["title"] + " (2)"
    with_shortcut = [phrase for phrase in phrases if phrase.get("shortcut") and phrase["status"] == "approved"]
    for one, other in zip(with_shortcut[0:20:2], with_shortcut[1:20:2], strict=False):
        if one["language"] == other["language"]:
            one["shortcut"], other["shortcut"] = other["shortcut"], one["shortcut"]
    from benchmarks.import_bench import library_file

    extra = library_file(300, seed=5)["phrases"]
    for phrase in extra:
        phrase["key"] = "new-" + phrase["key"]
        phrase["shortcut"] = None
    return {**first, "phrases": phrases + extra}


TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def _value(value):
    if isinstance(value, datetime.datetime) or isinstance(value, str) and TIMESTAMP.match(value):
        return "set"
    if isinstance(value, dict):
        return {name: _value(item) for name, item in value.items()}
    if isinstance(value, list):
        return [_value(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def dump() -> dict:
    from phrases.models import DriftMark, FindingDismissal, LiveChange, LivePhrase, Phrase, Topic

    tables = {}
    for model in (Topic, Phrase, Phrase.history.model, LivePhrase, LiveChange, FindingDismissal, DriftMark):
        rows = model.objects.order_by("pk").values()
        tables[model._meta.db_table] = [{name: _value(value) for name, value in row.items()} for row in rows]
    return tables


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dump", help="write the rows as JSON to this file")
    parser.add_argument("--database-url", help="a PostgreSQL database to use (flushed first)")
    args = parser.parse_args(argv)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("flush", interactive=False, verbosity=0)
        call_command("migrate", verbosity=0)  # the post-migrate defaults (lint rules, groups)
    else:
        setup_django()
    from phrases.services import library_import

    first = first_file()
    reports = [library_import(first).summary(),
               library_import(second_file(first), publish_over_findings=True, reason="Checked by hand").summary()]
    rows = dump()
    text = json.dumps({"reports": reports, "rows": rows}, ensure_ascii=False, sort_keys=True, indent=1)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            handle.write(text)
    for report in reports:
        print(report)
    print(", ".join(f"{table} {len(table_rows)}" for table, table_rows in rows.items()))
    print("sha256", hashlib.sha256(text.encode()).hexdigest())


if __name__ == "__main__":
    main()
