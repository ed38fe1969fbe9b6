"""Field validators for phrases, shared by the model, the importer and the API."""
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phrases import placeholders
from phrases.text_cleaning import clean_line, clean_text

# The largest id or revision the database stores (a 32-bit integer column): numbers from outside are
# checked against it, so an oversized one is a 400 naming its field, not a database error.
DB_INTEGER_MAX = 2**31 - 1
SHORTCUT_MAX_LENGTH = 13
HOTKEY_MAX_LENGTH = 32
KEYWORDS_MAX_COUNT = 20
KEYWORD_MAX_LENGTH = 80

# Whole values only: always `fullmatch` (a `$` would let "/eta\n" through beside "/eta").
SHORTCUT_RE = re.compile(r"/[a-z0-9-]{2,12}")
# Contract: Ctrl/Alt/Shift/Win modifiers (each once, in that order) + one key.
HOTKEY_RE = re.compile(r"(?:Ctrl\+)?(?:Alt\+)?(?:Shift\+)?(?:Win\+)?(?:[A-Z0-9]|F(?:[1-9]|1[0-2]))")
LANGUAGE_RE = re.compile(r"[a-z]{2,3}")
# Keys are what chat tools sync by and what ETags and URLs carry: lower-case slugs only, so
# "Case-Key" and "case-key" can never be two phrases.
KEY_RE = re.compile(r"[a-z0-9][a-z0-9_-]*")


# How each text field of a phrase is cleaned at the boundary (phrases.text_cleaning).
LINE_FIELDS = ("title",)
TEXT_FIELDS = ("body", "submit_note", "review_comment")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def clean_shortcut(value):
    """A shortcut as people type it in a chat: letter case and the leading "/" do not matter, so
    "ETA" and "/Eta" are stored as "/eta". Only ASCII letters are lowered (a look-alike such as the
    Kelvin sign stays, for the validator to refuse), and nothing is trimmed: whitespace, a trailing
    newline or an invisible character in a trigger is refused, never repaired."""
    if not isinstance(value, str) or not value:
        return value
    value = value.translate(_ASCII_LOWER)
    return value if value.startswith("/") else "/" + value


def clean_keywords(value):
    """Each keyword cleaned as a line; blank ones dropped, repeats (ignoring case) kept once. A comma
    is part of a keyword («меньше, чем платил») at every door: one list element is one keyword."""
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        return value  # validate_keywords names the problem
    keywords, seen = [], set()
    for keyword in map(clean_line, value):
        if keyword and keyword.casefold() not in seen:
            seen.add(keyword.casefold())
            keywords.append(keyword)
    return keywords


def clean_phrase_text(fields: dict) -> dict:
    """The boundary normalisation of a phrase's text fields present in `fields` (a copy).

    The one place every door's values go through: the services (API, pages, admin), the editor's
    form, the import and the model's own `clean_fields`, so each door stores the same value for
    the same input (README, "One normalisation at every door"). Values of the wrong type pass
    untouched for the validators to refuse."""
    cleaned = dict(fields)
    for name, value in fields.items():
        if not isinstance(value, str) and name != "keywords":
            continue
        if name in LINE_FIELDS:
            cleaned[name] = clean_line(value)
        elif name in TEXT_FIELDS:
            cleaned[name] = clean_text(value)
        elif name == "keywords":
            cleaned[name] = clean_keywords(value)
        elif name == "shortcut":
            cleaned[name] = clean_shortcut(value)
    return cleaned


def nul_errors(fields: dict) -> dict:
    """{field: [message]} for each text (or keyword) holding NUL, which no database column may store."""
    errors = {}
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        if any(isinstance(item, str) and "\x00" in item for item in values):
            errors[name] = [_("Null characters are not allowed.")]
    return errors


def allowed_placeholders():
    return list(settings.QUICKPHRASES_PLACEHOLDERS)


@dataclass(frozen=True)
class PlaceholderProblem:
    start: int
    end: int
    message: str


def find_placeholder_problems(body, allowed=None) -> list[PlaceholderProblem]:
    """Every unknown `{placeholder}` and unbalanced or nested brace in `body`, with its span and a
    message in the active language. The one placeholder check: the model validator, the importer
    and the `unknown-placeholder` lint rule all use it."""
    allowed = allowed_placeholders() if allowed is None else allowed
    return [PlaceholderProblem(start, end, placeholder_message(kind, params))
            for start, end, kind, params in placeholders.problems(body, allowed)]


def placeholder_message(kind: str, params: dict) -> str:
    """The words, in the active language, for one kind of `placeholders.problems` finding."""
    messages = {
        "unknown": _("Unknown placeholder %(placeholder)s; allowed: %(allowed)s."),
        "fallback-empty": _("The fallback in %(placeholder)s is empty: write the text to use when it is left "
                            "empty, or remove the “|”."),
        "fallback-bars": _("%(placeholder)s has more than one “|”: a placeholder takes one fallback."),
        "fallback-long": _("The fallback in %(placeholder)s is too long (at most %(count)d characters)."),
        "nested": _("Braces are unbalanced: placeholders cannot nest, and this '{' opens inside another."),
        "unopened": _("Braces are unbalanced: this '}' closes nothing."),
        "unclosed": _("Braces are unbalanced: this '{' is never closed."),
    }
    return messages[kind] % params if params else messages[kind]


def fallback_problems(body) -> list[str]:
    """The messages about placeholder fallbacks alone (a known name with a bad fallback)."""
    return list(dict.fromkeys(placeholder_message(kind, params)
                              for _start, _end, kind, params in placeholders.problems(body, allowed_placeholders())
                              if kind.startswith("fallback-")))


def placeholder_problems(body):
    """The messages of `find_placeholder_problems`, each once."""
    return list(dict.fromkeys(problem.message for problem in find_placeholder_problems(body)))


def validate_placeholders(body):
    problems = placeholder_problems(body)
    if problems:
        raise ValidationError(problems)


def validate_shortcut(value):
    if value and not SHORTCUT_RE.fullmatch(value):
        raise ValidationError(
            f"Shortcut '{value}' must be '/' followed by 2–12 characters from a-z, 0-9 and '-'."
        )


# Ctrl+Alt is AltGr on the Polish (Programmer) layout, so Ctrl+Alt+these keys type a letter instead.
ALTGR_LETTERS = {"A": "ą", "C": "ć", "E": "ę", "L": "ł", "N": "ń", "O": "ó", "S": "ś", "X": "ź", "Z": "ż"}
# Combinations the operating system keeps for itself: a phrase hotkey on them never fires, or
# takes the system's action away from the operator.
RESERVED_HOTKEYS = {
    # Windows: every Win+letter/digit the shell answers (lock, desktop, Explorer, Run, search, …)
    *(f"Win+{key}" for key in "ABCDEFGHIKLMNOPQRSTUVWXZ0123456789"),
    "Shift+Win+S", "Ctrl+Win+D", "Ctrl+Win+F4", "Shift+Win+M", "Ctrl+Shift+Win+B",
    "Alt+F4",  # closes the window
    # Linux: Ctrl+Alt+F1…F12 switch to another virtual terminal.
    *(f"Ctrl+Alt+F{n}" for n in range(1, 13)),
    # Every program's clipboard and undo: a hotkey here breaks copy and paste everywhere.
    "Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Y", "Ctrl+Z",
}


def hotkey_warnings(value) -> list[str]:
    """Why a well-formed hotkey may misbehave on the operators' keyboards (not a reason to reject it).

    Ctrl+Alt+A/C/E/L/N/O/S/X/Z are AltGr+key on the Polish layout (and several others): the hotkey
    would swallow «ą ć ę ł ń ó ś ź ż» while the operator types. The editor, the hotkey check
    endpoint and the AutoHotkey export show these warnings."""
    from django.utils.translation import gettext

    if not value or not HOTKEY_RE.fullmatch(value):
        return []
    *modifiers, key = value.split("+")
    if {"Ctrl", "Alt"} <= set(modifiers) and key in ALTGR_LETTERS:
        letter = ALTGR_LETTERS[key]
        if "Shift" in modifiers:
            letter = letter.upper()
        return [gettext("%(hotkey)s is AltGr+%(key)s on the Polish keyboard, which types “%(letter)s”: "
                        "operators with that layout could not type “%(letter)s” while it is active. "
                        "Prefer Ctrl+Alt with a digit, or Ctrl+Shift.")
                % {"hotkey": value, "key": key, "letter": letter}]
    return []


def hotkey_reserved_message(value) -> str | None:
    """Why the system keeps this hotkey for itself, or None if it is free."""
    from django.utils.translation import gettext

    if value in RESERVED_HOTKEYS:
        return gettext("%(hotkey)s is reserved by the operating system or used by every program "
                       "(lock, desktop, close window, copy and paste…); choose another combination.") % {
            "hotkey": value}
    return None


def validate_hotkey(value):
    if not value:
        return
    modifiers = value.split("+")[:-1]
    if not HOTKEY_RE.fullmatch(value) or not modifiers or modifiers == ["Shift"]:
        raise ValidationError(
            f"Hotkey '{value}' must be Ctrl/Alt/Shift/Win modifiers (in that order, at least Ctrl, Alt or "
            "Win) plus one key A–Z, 0–9 or F1–F12, e.g. 'Ctrl+Alt+1'."
        )
    reserved = hotkey_reserved_message(value)
    if reserved:
        raise ValidationError(reserved)


def validate_key(value):
    if not isinstance(value, str) or not KEY_RE.fullmatch(value):
        raise ValidationError(
            f"Key '{value}' must be a lower-case slug: letters a-z, digits, '-' and '_', starting with a letter "
            "or digit, e.g. 'delivery-eta-ru'.", code="invalid_key")


def validate_family(value):
    if value and (not isinstance(value, str) or not KEY_RE.fullmatch(value)):
        raise ValidationError(
            _("Family “%(family)s” must be a lower-case slug: letters a-z, digits, “-” and “_”, e.g. “hold-minute”.")
            % {"family": value}, code="invalid_family")


def validate_language(value):
    if not LANGUAGE_RE.fullmatch(value or ""):
        raise ValidationError(f"Language '{value}' must be a BCP 47 primary tag such as 'ru', 'en' or 'pl'.")


def validate_keywords(value):
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise ValidationError("Keywords must be a list of strings.")
    if len(value) > KEYWORDS_MAX_COUNT:
        raise ValidationError(f"At most {KEYWORDS_MAX_COUNT} keywords.")
    for keyword in value:
        if not keyword.strip():
            raise ValidationError("Keywords cannot be blank.")
        if len(keyword) > KEYWORD_MAX_LENGTH:
            raise ValidationError(f"Keyword '{keyword[:20]}…' is longer than {KEYWORD_MAX_LENGTH} characters.")
