"""Logging filters for the server log."""
import logging


class ForbiddenInOneLine(logging.Filter):
    """A refused request (403) is routine: log its one line ("Forbidden (Permission denied): /review/"),
    not the traceback of the PermissionDenied that produced it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
