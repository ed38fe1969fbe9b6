"""The placeholder grammar, `{client_name}`: the one definition for the whole project's Python.

Pure Python (no Django), so the search engine and the linter can use it. The
browser's copy of the same grammar is the ES module `static/placeholders.js`.

    TOKEN_RE          anything written between braces: `{client_name}`, `{Client}`, `{}`
    PLACEHOLDER_RE    a well-formed placeholder: a lower-case name
    body_parts(body)      [("text", literal) | ("placeholder", name), …] in order
    placeholders_in(body) each well-formed name once, in order of appearance
    brace_problems(body)  [(start, end, kind)] for braces that nest ("nested"), close nothing
                          ("unopened") or never close ("unclosed")
    problems(body, allowed)  every brace problem and every token not in `allowed` ("unknown"),
                          as (start, end, kind, params) in text order: the one placeholder check
    label(name, gettext)  a placeholder's human name, translated by the caller's gettext

The picker's fill-in form, the Espanso and AutoHotkey exports and the Chatwoot mapping read a body
through `body_parts`, so none of them can leave a raw `{placeholder}` in the text they send;
`phrases.validation` turns tokens and brace problems into translated messages.
"""
import re

TOKEN_RE = re.compile(r"\{([^{}]*)\}")
PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def gettext_noop(message):
    """Marks a label for the catalogue without importing Django."""
    return message


LABELS = {
    "client_name": gettext_noop("Client's name"),
    "operator_name": gettext_noop("Your name"),
    "order_id": gettext_noop("Order number"),
    "date": gettext_noop("Date"),
    "amount": gettext_noop("Amount"),
    "link": gettext_noop("Link"),
}


def label(name: str, gettext) -> str:
    """A placeholder's human name through `gettext` ("client_name" → "Client's name", translated)."""
    return gettext(LABELS[name]) if name in LABELS else name.replace("_", " ").capitalize()


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


def brace_problems(body: str) -> list[tuple[int, int, str]]:
    """Braces that do not pair up: `(start, end, kind)` with kind "nested", "unopened" or "unclosed"."""
    problems, opened = [], []
    for index, char in enumerate(body):
        if char == "{":
            if opened:
                problems.append((opened[-1], index + 1, "nested"))
            opened.append(index)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                problems.append((index, index + 1, "unopened"))
    problems += [(index, index + 1, "unclosed") for index in opened]
    return problems


def problems(body: str, allowed) -> list[tuple[int, int, str, dict]]:
    """Every unknown placeholder (kind "unknown", params: the token and the allowed list) and every
    brace problem, in text order. Messages are the caller's: validation and the linter word them."""
    allowed = set(allowed)
    listed = ", ".join("{" + name + "}" for name in sorted(allowed))
    found = [(match.start(), match.end(), "unknown", {"placeholder": match.group(), "allowed": listed})
             for match in TOKEN_RE.finditer(body) if match.group(1) not in allowed]
    found += [(start, end, kind, {}) for start, end, kind in brace_problems(body)]
    return sorted(found, key=lambda problem: (problem[0], problem[1]))
