"""Strict JSON for what comes from outside: API request bodies and library files.

Python's json module accepts what no client means and the database cannot store: NUL characters
(PostgreSQL refuses them), lone surrogates such as "\\ud800" (not encodable as UTF-8), nesting deep
enough to exhaust the interpreter's recursion, and duplicate member names (the last one silently
wins). `loads` refuses each with a StrictJSONError naming the member, so every door answers a clear
error instead of a crash or a quiet surprise.
"""
import json
import re

# The library file is four levels deep (file, phrases, phrase, keywords); anything near this limit
# is an attack or a mistake, not data.
MAX_DEPTH = 32
_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"(\s*:)?|[\[\]{}]', re.DOTALL)


class StrictJSONError(ValueError):
    """`field` is the member's path ("title", "phrases[2].keywords[0]"), or None for the document."""

    def __init__(self, message, field=None):
        super().__init__(f"{field}: {message}" if field else message)
        self.message = message
        self.field = field


class _Duplicate(Exception):
    def __init__(self, name):
        self.name = name


def _object(pairs):
    result = {}
    for name, value in pairs:
        if name in result:
            raise _Duplicate(name)
        result[name] = value
    return result


def _constant(name):
    raise StrictJSONError(f"{name} is not a JSON number.")


def _text_problem(text):
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    return "contains a NUL character." if match.group() == "\x00" else "contains a lone surrogate (invalid Unicode)."


def _path(parent, member):
    if isinstance(member, int):
        return f"{parent}[{member}]" if parent else f"[{member}]"
    return f"{parent}.{member}" if parent else member


def _check(data):
    """Walk the parsed document without recursion: depth, and every string and member name.

    Too deep nesting is reported at the top-level member that holds it (its full path is noise)."""
    stack = [(data, None, 1, None)]
    while stack:
        value, path, depth, top = stack.pop()
        if isinstance(value, str):
            problem = _text_problem(value)
            if problem:
                raise StrictJSONError(problem, path)
        elif isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise StrictJSONError(f"nested deeper than {MAX_DEPTH} levels.", top)
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for member, item in items:
                if isinstance(member, str) and _text_problem(member):
                    raise StrictJSONError(f"the member name {_text_problem(member)[:-1]}.", path)
                stack.append((item, _path(path, member), depth + 1, top or _path(path, member)))


def _deepest_member(text):
    """The top-level member holding nesting too deep to parse (None when the document itself is)."""
    depth, member = 0, None
    for token in _TOKEN.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return member
        elif mark in "]}":
            depth -= 1
        elif token.group(1) and depth == 1:
            member = json.loads(mark[: mark.rindex(":")].rstrip()) if _text_problem(mark) is None else None
    return member


def loads(text):
    """Parse `text` (str) as strict JSON; raises StrictJSONError naming the offending member."""
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_constant)
    except _Duplicate as duplicate:
        raise StrictJSONError("this member name appears more than once in one object.",
                              duplicate.name if not _text_problem(duplicate.name) else None) from None
    except RecursionError:
        raise StrictJSONError(f"nested deeper than {MAX_DEPTH} levels.", _deepest_member(text)) from None
    except json.JSONDecodeError as error:
        raise StrictJSONError(f"not valid JSON: {error}.") from None
    _check(data)
    return data


def load(handle):
    return loads(handle.read())
