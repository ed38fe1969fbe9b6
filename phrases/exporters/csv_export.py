"""CSV for spreadsheets and tools that import tables (UTF-8 with BOM so Excel reads Cyrillic).

A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel, LibreOffice
and Google Sheets, so a title such as `=HYPERLINK(…)` would run when the file is opened. As OWASP
recommends for CSV injection, such cells are prefixed with a single quote, which spreadsheets show
as text and hide.
"""
import csv
import io

from phrases.models import LIVE_FIELDS

description = "CSV: key, title, body, topic, language, shortcut, hotkey, keywords"
content_type = "text/csv; charset=utf-8"
extension = ".csv"
COLUMNS = list(LIVE_FIELDS)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """The cell as text that no spreadsheet reads as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def export(phrases) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for p in phrases:
        writer.writerow([spreadsheet_safe(cell) for cell in (
            p.key, p.title, p.body, p.topic.slug, p.language, p.shortcut, p.hotkey, "; ".join(p.keywords))])
    return buffer.getvalue().encode("utf-8-sig")
