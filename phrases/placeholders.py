"""The placeholder grammar, `{client_name}` or `{client_name|there}` with a fallback: the one
definition for the whole project's Python.

Pure Python (no Django), so the search engine and the linter can use it. The browser code (the
picker, the editor, the extension's `placeholders.js`) writes the same pattern, pinned to this one
by tests/exporters/test_placeholder_grammar_js.py.

    TOKEN_RE          anything written between braces: `{client_name}`, `{Client}`, `{a|b}`, `{}`
    PLACEHOLDER_RE    a well-formed placeholder: a lower-case name, optionally "|" and a fallback
    segments(body)        literal strings and `Slot(name, fallback)`s, in order
    body_parts(body)      [("text", literal) | ("placeholder", name), …] in order
    placeholders_in(body) each well-formed name once, in order of appearance
    fallbacks_in(body)    {name: fallback} for the names every occurrence of which has one
    fill(body, values)    the body with values, else fallbacks, else ""
    split_inside(inside)  what stands between the braces as (name, fallback or None)
    brace_problems(body)  [(start, end, kind)] for braces that nest ("nested"), close nothing
                          ("unopened") or never close ("unclosed")
    problems(body, allowed)  every unknown name, bad fallback and brace problem as
                          (start, end, kind, params) in text order: the one placeholder check,
                          worded by `phrases.validation` and by the linter's messages
    label(name, gettext)  a placeholder's human name, translated by the caller's gettext

The picker's fill-in form, the exports and the browser extension all read a body through
`segments`/`body_parts`, so none of them can leave a raw `{placeholder}` in the text they send.
"""
import re
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\{([^{}]*)\}")
# A well-formed placeholder: a name, then optionally "|" and a fallback (no braces, no second "|").
PLACEHOLDER_RE = re.compile(r"\{([a-z][a-z0-9_]*)(?:\|([^{}|]*))?\}")
FALLBACK_MAX_LENGTH = 60


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


@dataclass(frozen=True)
class Slot:
    """One placeholder occurrence: its name and the fallback used when it is left empty ("" for none)."""

    name: str
    fallback: str = ""


def label(name: str, gettext) -> str:
    """A placeholder's human name through `gettext` ("client_name" → "Client's name", translated)."""
    return gettext(LABELS[name]) if name in LABELS else name.replace("_", " ").capitalize()


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


def fallback_kind(fallback: str) -> str | None:
    """What is wrong with a fallback (the text after "|"): "fallback-empty", "fallback-bars",
    "fallback-long", or None when it is fine."""
    if not fallback.strip():
        return "fallback-empty"
    if "|" in fallback:
        return "fallback-bars"
    if len(fallback.strip()) > FALLBACK_MAX_LENGTH:
        return "fallback-long"
    return None


_BRACE = re.compile("[{}]")


def brace_problems(body: str) -> list[tuple[int, int, str]]:
    """Braces that do not pair up: `(start, end, kind)` with kind "nested", "unopened" or "unclosed"."""
    found, opened = [], []
    for brace in _BRACE.finditer(body):  # only the braces are read (a long text has few or none)
        index, char = brace.start(), brace.group()
        if char == "{":
            if opened:
                found.append((opened[-1], index + 1, "nested"))
            opened.append(index)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                found.append((index, index + 1, "unopened"))
    found += [(index, index + 1, "unclosed") for index in opened]
    return found


def problems(body: str, allowed) -> list[tuple[int, int, str, dict]]:
    """Every unknown placeholder (kind "unknown"), bad fallback (a `fallback_kind`) and brace
    problem, in text order, with the parameters their messages need. Messages are the caller's."""
    allowed = set(allowed)
    listed = ", ".join("{" + name + "}" for name in sorted(allowed))
    found = []
    for match in TOKEN_RE.finditer(body):
        name, fallback = split_inside(match.group(1))
        if name not in allowed:
            shown = "{" + name + "}" if fallback is not None else match.group()
            found.append((match.start(), match.end(), "unknown", {"placeholder": shown, "allowed": listed}))
        elif fallback is not None and fallback_kind(fallback):
            found.append((match.start(), match.end(), fallback_kind(fallback),
                          {"placeholder": match.group(), "count": FALLBACK_MAX_LENGTH}))
    found += [(start, end, kind, {}) for start, end, kind in brace_problems(body)]
    return sorted(found, key=lambda problem: (problem[0], problem[1]))
