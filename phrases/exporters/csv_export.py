"""CSV for spreadsheets and tools that import tables (UTF-8 with BOM so Excel reads Cyrillic).

A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel, LibreOffice
and Google Sheets, so a title such as `=HYPERLINK(…)` would run when the file is opened. As OWASP
recommends for CSV injection, such cells are prefixed with a single quote, which spreadsheets show
as text and hide.

A spreadsheet cannot ask for a placeholder, so the body column holds finished text: a placeholder
with a fallback (`{client_name|there}`) gets its fallback, and a phrase with a placeholder that has
none is left out and listed after the table, below an empty row, with what it needs.
"""
import csv
import io

from django.utils.translation import gettext as _

from phrases.exporters.leftovers import resolve, split
from phrases.models import LIVE_FIELDS

description = ("CSV: key, title, body, topic, language, shortcut, hotkey, keywords, family; placeholders take "
               "their fallback")
content_type = "text/csv; charset=utf-8"
extension = ".csv"
COLUMNS = list(LIVE_FIELDS)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """The cell as text that no spreadsheet reads as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def left_out(phrases) -> list:
    return split(list(phrases), {})[1]


def export(phrases, language_order=()) -> bytes:
    """A table of every phrase: a spreadsheet has no triggers to clash, so every variant stays."""
    kept, missing = split(list(phrases), {})
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for p in kept:
        writer.writerow([spreadsheet_safe(cell) for cell in (
            p.key, p.title, resolve(p.body, {}), p.topic.slug, p.language, p.shortcut, p.hotkey,
            "; ".join(p.keywords), p.family)])
    if missing:
        writer.writerow([])
        writer.writerow([_("Left out: %(count)d phrases need a value a spreadsheet cannot ask for "
                           "(give the placeholder a fallback to include them)") % {"count": len(missing)}])
        for entry in missing:
            writer.writerow([spreadsheet_safe(cell) for cell in (
                entry.key, entry.title, _("needs: %(names)s") % {"names": ", ".join(entry.as_dict()["needs"])})])
    return buffer.getvalue().encode("utf-8-sig")
