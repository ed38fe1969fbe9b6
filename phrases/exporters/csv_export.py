"""CSV for spreadsheets and tools that import tables (UTF-8 with BOM so Excel reads Cyrillic)."""
import csv
import io

description = "CSV: key, title, body, topic, language, shortcut, hotkey, keywords"
content_type = "text/csv; charset=utf-8"
extension = ".csv"
COLUMNS = ["key", "title", "body", "topic", "language", "shortcut", "hotkey", "keywords"]


def export(phrases) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for p in phrases:
        writer.writerow([p.key, p.title, p.body, p.topic.slug, p.language, p.shortcut, p.hotkey,
                         "; ".join(p.keywords)])
    return buffer.getvalue().encode("utf-8-sig")
