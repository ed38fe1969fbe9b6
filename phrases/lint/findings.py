"""What the linter reports."""
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
OFF = "off"
SEVERITIES = (ERROR, WARNING, OFF)


@dataclass(frozen=True)
class Finding:
    """One breach of the chat standards: which rule, how bad, where, and what to write instead."""

    rule: str
    severity: str
    message: str
    start: int
    end: int
    suggestion: str | None = None

    def as_dict(self) -> dict:
        # Not dataclasses.asdict: its deep copy of each field is most of a large import's cost of
        # handing findings back from the lint processes (every field here is immutable).
        return {"rule": self.rule, "severity": self.severity, "message": self.message, "start": self.start,
                "end": self.end, "suggestion": self.suggestion}
