"""Placeholders in a phrase body, `{client_name}`: what they are called and how a body splits on them.

The picker's fill-in form, the Espanso and AutoHotkey exports and the Chatwoot mapping all read a
body through `body_parts`, so none of them can leave a raw `{placeholder}` in the text they send.
"""
import re

from django.utils.translation import gettext_lazy as _

PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")

LABELS = {
    "client_name": _("Client's name"),
    "operator_name": _("Your name"),
    "order_id": _("Order number"),
    "date": _("Date"),
    "amount": _("Amount"),
    "link": _("Link"),
}


def label(name: str) -> str:
    """A placeholder's human name in the active language ("client_name" → "Client's name")."""
    return str(LABELS[name]) if name in LABELS else name.replace("_", " ").capitalize()


def body_parts(body: str) -> list[tuple[str, str]]:
    """The body as ("text", literal) and ("placeholder", name) parts, in order."""
    parts, position = [], 0
    for match in PLACEHOLDER_RE.finditer(body):
        if match.start() > position:
            parts.append(("text", body[position:match.start()]))
        parts.append(("placeholder", match.group(1)))
        position = match.end()
    if position < len(body):
        parts.append(("text", body[position:]))
    return parts


def placeholders_in(body: str) -> list[str]:
    """Each placeholder name once, in the order it first appears."""
    return list(dict.fromkeys(PLACEHOLDER_RE.findall(body)))
