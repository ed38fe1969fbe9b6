"""Strict JSON for what comes from outside: API request bodies and library files.

Python's json module accepts what no client means and the database cannot store: NUL characters
(PostgreSQL refuses them), lone surrogates such as "\\ud800" (not encodable as UTF-8), nesting deep
enough to exhaust the interpreter's recursion, and duplicate member names (the last one silently
wins), and integers longer than Python converts (its int digits limit raises a ValueError that no
caller expects). `loads` refuses each with a StrictJSONError naming the member, so every door answers
a clear error instead of a crash or a quiet surprise.

Checking is linear in the document and keeps no per-element state: a member's path is spelled out
only when it is reported.
"""
import json
import math
import re

# The library file is four levels deep (file, phrases, phrase, keywords); anything near this limit
# is an attack or a mistake, not data.
MAX_DEPTH = 32
# No number in any document of ours needs more digits than a 64-bit integer (19); Python refuses
# to convert past 4,300 and the database past 19, so a longer one is refused as the member's error.
MAX_INTEGER_DIGITS = 20
_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
# What a refused string or number needs in the text: a NUL or surrogate, raw or escaped, a run of more
# than MAX_INTEGER_DIGITS digits, or an exponent of three digits (the only way a shorter float reaches
# infinity). A document without any needs only its depth checked (`_shallow`); one with some (or a
# string that merely looks so) gets the full walk.
_SUSPECT = re.compile(rf"[\x00\ud800-\udfff]|\\u(?:0000|[dD][89a-fA-F])|\d{{{MAX_INTEGER_DIGITS + 1},}}|[eE][+-]?\d{{3}}")
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


class _HugeInteger:
    """Stands in for an integer too long to convert, until the walk can name its member."""


_HUGE = _HugeInteger()


def _integer(digits):
    if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
        return _HUGE
    return int(digits)


def _float(text):
    value = float(text)
    return _HUGE if math.isinf(value) else value  # 1e999 is no number anyone means either


def _text_problem(text):
    match = _FORBIDDEN.search(text)
    if match is None:
        return None
    return "contains a NUL character." if match.group() == "\x00" else "contains a lone surrogate (invalid Unicode)."


def _path(members):
    path = ""
    for member in members:
        path = f"{path}[{member}]" if isinstance(member, int) else (f"{path}.{member}" if path else member)
    return path or None


def _value_problem(value):
    if isinstance(value, str):
        return _text_problem(value)
    if value is _HUGE:
        return f"this number is too large (more than {MAX_INTEGER_DIGITS} digits)."
    return None


def _check(data):
    """Walk the parsed document without recursion: depth, every string, number and member name.

    The walk keeps one iterator per open container (memory bounded by the depth, not the size);
    too deep nesting is reported at the top-level member that holds it (its full path is noise)."""
    problem = _value_problem(data)
    if problem:
        raise StrictJSONError(problem)
    if not isinstance(data, (dict, list)):
        return
    frames = [iter(data.items() if isinstance(data, dict) else enumerate(data))]
    members = []  # the member each open container sits under, for paths
    while frames:
        entry = next(frames[-1], None)
        if entry is None:
            frames.pop()
            if members:
                members.pop()
            continue
        member, value = entry
        if isinstance(member, str) and _text_problem(member):
            raise StrictJSONError(f"the member name {_text_problem(member)[:-1]}.", _path(members))
        problem = _value_problem(value)
        if problem:
            raise StrictJSONError(problem, _path([*members, member]))
        if isinstance(value, (dict, list)):
            if len(frames) + 1 > MAX_DEPTH:
                raise StrictJSONError(f"nested deeper than {MAX_DEPTH} levels.", _path([(members or [member])[0]]))
            members.append(member)
            frames.append(iter(value.items() if isinstance(value, dict) else enumerate(value)))


def _shallow(data) -> bool:
    """True when no container nests deeper than MAX_DEPTH (the walk's depth rule), looking at the
    containers only, a level at a time."""
    level, depth = [data] if isinstance(data, (dict, list)) else [], 1
    while level:
        below = [value for container in level
                 for value in (container.values() if isinstance(container, dict) else container)
                 if isinstance(value, (dict, list))]
        if below and depth + 1 > MAX_DEPTH:
            return False
        level, depth = below, depth + 1
    return True


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
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_constant, parse_int=_integer,
                          parse_float=_float)
    except _Duplicate as duplicate:
        raise StrictJSONError("this member name appears more than once in one object.",
                              duplicate.name if not _text_problem(duplicate.name) else None) from None
    except RecursionError:
        raise StrictJSONError(f"nested deeper than {MAX_DEPTH} levels.", _deepest_member(text)) from None
    except json.JSONDecodeError as error:
        raise StrictJSONError(f"not valid JSON: {error}.") from None
    if _SUSPECT.search(text) is not None or not _shallow(data):
        _check(data)  # finds the problem and names its member (or finds none: a look-alike in a string)
    return data


def load(handle):
    return loads(handle.read())
