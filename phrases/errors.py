"""Domain errors raised by the services. The API maps them to clean 4xx JSON answers."""
from django.core.exceptions import ValidationError


class DomainError(Exception):
    """Base for errors that mean "this cannot be done in the current state" (HTTP 409)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class IllegalTransition(DomainError):
    """A workflow step that the phrase's current status does not allow."""


class StaleRevision(DomainError):
    """The caller edited an older revision of the phrase than the one stored (HTTP 412)."""


class LintBlocked(DomainError):
    """Approval refused: the brand-voice linter found errors, or warnings not acknowledged."""

    def __init__(self, message, findings):
        super().__init__(message)
        self.findings = findings


class PhraseValidationError(ValidationError):
    """Field errors for one phrase (or topic); `str()` names the phrase and each field."""

    def __init__(self, key, errors, *, kind="Phrase"):
        super().__init__(errors)
        self.key = key
        self.kind = kind

    def problems(self):
        """Flat list of {"key", "field", "message"} dicts."""
        if hasattr(self, "error_dict"):
            return [
                {"key": self.key, "field": field, "message": message}
                for field, messages in self.message_dict.items()
                for message in messages
            ]
        return [{"key": self.key, "field": "__all__", "message": message} for message in self.messages]

    def __str__(self):
        return "; ".join(f"{self.kind} '{p['key']}', {p['field']}: {p['message']}" for p in self.problems())


class ImportRejected(DomainError):
    """A library file with at least one invalid entry: nothing was changed."""

    def __init__(self, problems):
        self.problems = problems
        lines = [f"{p['key']}: {p['field']}: {p['message']}" for p in problems]
        super().__init__(f"The library file was not imported ({len(problems)} problems):\n" + "\n".join(lines))
