"""Placeholders in a phrase body: `{client_name}`, or `{client_name|there}` with a fallback.

The grammar lives here, once: a name from the configured list, optionally `|` and a fallback, the
text used when the operator leaves the placeholder empty. The picker's fill-in form, the exports
and the browser extension all read a body through `segments`/`body_parts`, so none of them can
leave a raw `{placeholder}` in the text they send.
"""
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# A well-formed placeholder: a name, then optionally "|" and a fallback (no braces, no second "|").
PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)(?:\|([^{}|]*))?\}")
FALLBACK_MAX_LENGTH = 60

LABELS = {
    "client_name": _("Client's name"),
    "operator_name": _("Your name"),
    "order_id": _("Order number"),
    "date": _("Date"),
    "amount": _("Amount"),
    "link": _("Link"),
}


@dataclass(frozen=True)
class Slot:
    """One placeholder occurrence: its name and the fallback used when it is left empty ("" for none)."""

    name: str
    fallback: str = ""


def label(name: str) -> str:
    """A placeholder's human name in the active language ("client_name" → "Client's name")."""
    return str(LABELS[name]) if name in LABELS else name.replace("_", " ").capitalize()


def segments(body: str) -> list:
    """The body as literal strings and `Slot`s, in order."""
    parts, position = [], 0
    for match in PLACEHOLDER_RE.finditer(body):
        if match.start() > position:
            parts.append(body[position:match.start()])
        parts.append(Slot(match.group(1), (match.group(2) or "").strip()))
        position = match.end()
    if position < len(body):
        parts.append(body[position:])
    return parts


def body_parts(body: str) -> list[tuple[str, str]]:
    """The body as ("text", literal) and ("placeholder", name) parts, in order."""
    return [("placeholder", part.name) if isinstance(part, Slot) else ("text", part) for part in segments(body)]


def placeholders_in(body: str) -> list[str]:
    """Each placeholder name once, in the order it first appears."""
    return list(dict.fromkeys(match.group(1) for match in PLACEHOLDER_RE.finditer(body)))


def fallbacks_in(body: str) -> dict[str, str]:
    """{name: fallback} for each placeholder whose every occurrence has a fallback (the first one wins).

    A name missing here must be filled in: at least one of its occurrences has nothing to fall back on."""
    found, required = {}, set()
    for part in segments(body):
        if isinstance(part, Slot):
            if part.fallback:
                found.setdefault(part.name, part.fallback)
            else:
                required.add(part.name)
    return {name: fallback for name, fallback in found.items() if name not in required}


def fill(body: str, values: dict) -> str:
    """The body with each placeholder replaced by its value, else its fallback, else "" (callers check first)."""
    return "".join(part if isinstance(part, str) else (values.get(part.name) or "").strip() or part.fallback
                   for part in segments(body))


def split_inside(inside: str) -> tuple[str, str | None]:
    """What stands between the braces, as (name, fallback or None when there is no "|")."""
    name, bar, fallback = inside.partition("|")
    return name, (fallback if bar else None)
