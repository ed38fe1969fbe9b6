"""What the linter reports."""
from dataclasses import asdict, dataclass

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
        return asdict(self)
