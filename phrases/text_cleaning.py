"""The one normalisation of text at the boundary, for every door (API, pages, admin, import).

Pure functions, no Django: text in, text out. What people type reaches the library as they meant
it, without what they cannot see:

- Unicode NFC, so "é" typed two ways is one text (search, uniqueness and the linter agree);
- line breaks as "\\n" ("\\r\\n", "\\r", U+2028 and U+2029 become "\\n");
- ANSI escape sequences removed whole ("\\x1b[31m"), then every other control and format
  character (Unicode categories Cc and Cf: zero-width spaces and joiners, bidi overrides such as
  U+202E, the BOM, "\\x07", "\\x0b", …), except "\\n" and "\\t" in multi-line text;
- NUL is the one control character kept: no door may store it (PostgreSQL cannot), so the
  validators refuse it with a message instead of it vanishing silently;
- leading and trailing whitespace trimmed; a single-line value (title, keyword, topic name) has
  its line breaks and tabs turned into spaces and its runs of spaces collapsed.

Triggers (shortcut, hotkey) and keys are not cleaned: they are matched whole (`fullmatch`), so
anything invisible in them is refused, never quietly repaired.
"""
import re
import unicodedata

# CSI sequences (ESC [ params final), OSC sequences (ESC ] … BEL or ESC \) and two-character escapes.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_KEPT_IN_TEXT = frozenset("\n\t\x00")
_KEPT_IN_LINE = frozenset("\x00")
_SPACES = re.compile(r"\s+")


def _invisible(char: str, kept: frozenset) -> bool:
    return char not in kept and unicodedata.category(char) in ("Cc", "Cf")


def _strip_invisible(text: str, kept: frozenset) -> str:
    if text.isascii() and text.isprintable():
        return text  # the common case, without a per-character look
    if (text.replace("\n", "").replace("\t", "") if kept is _KEPT_IN_TEXT else text).isprintable():
        # Printable but for the line breaks and tabs it keeps (a Cyrillic or Polish body): no Cc or
        # Cf character in it (isprintable is False for both), told at C speed.
        return text
    return "".join(char for char in text if not _invisible(char, kept))


def is_clean_text(value: str) -> bool:
    """True when `clean_text` would leave the text as it is (told at C speed): NFC, nothing to trim,
    no character Python calls unprintable but "\\n" and "\\t" (that rules out every control and
    format character, ESC and the line breaks it rewrites: "\\r", U+0085, U+2028, U+2029; a text
    with NUL is not clean either, and takes the long way, which keeps it). The common case of an
    import's bodies: `clean_text` answers them with this look alone."""
    return (value == value.strip() and value.replace("\n", "").replace("\t", "").isprintable()
            and (value.isascii() or unicodedata.is_normalized("NFC", value)))


def is_clean_line(value: str) -> bool:
    """True when `clean_line` would leave the line as it is: printable (no control, format or
    line-break character, no NUL, no space but " "), no double space, trimmed, NFC."""
    return (value.isprintable() and "  " not in value and value == value.strip()
            and unicodedata.is_normalized("NFC", value))


def clean_text(value: str) -> str:
    """A multi-line text (a phrase body, a note, a comment): line breaks and tabs kept."""
    if is_clean_text(value):
        return value  # nothing to change: the common case, told without a regex pass
    text = unicodedata.normalize("NFC", value)
    text = _ANSI.sub("", _LINE_BREAKS.sub("\n", text))
    return _strip_invisible(text, _KEPT_IN_TEXT).strip()


def clean_line(value: str) -> str:
    """A single-line text (a title, a keyword, a topic name): one line, single spaces."""
    if is_clean_line(value):
        # Nothing to change, the common case of an import's thousands of entries, told at once: a
        # printable text holds no control, format or line-break character and no space but " ".
        return value
    text = unicodedata.normalize("NFC", value)
    text = _ANSI.sub("", _LINE_BREAKS.sub("\n", text)).replace("\n", " ").replace("\t", " ")
    text = _strip_invisible(text, _KEPT_IN_LINE)
    return _SPACES.sub(" ", text).strip()
