"""Reading a query as a hotkey: "Ctrl+Alt+1", "ctrl alt 1", "CTRL + ALT + 1" or AutoHotkey's "^!1"."""
import re

MODIFIERS = ("Ctrl", "Alt", "Shift", "Win")
_NAMES = {"ctrl": "Ctrl", "control": "Ctrl", "ctl": "Ctrl", "strg": "Ctrl", "alt": "Alt", "option": "Alt",
          "shift": "Shift", "win": "Win", "super": "Win", "meta": "Win"}
_AHK = {"^": "Ctrl", "!": "Alt", "+": "Shift", "#": "Win"}
_KEY_RE = re.compile(r"(?:[a-z0-9]|f(?:[1-9]|1[0-2]))")
_AHK_RE = re.compile(r"^([\^!+#]+)\s*([A-Za-z0-9]|[Ff](?:[1-9]|1[0-2]))?$")


def _canonical(modifiers, key):
    ordered = [m for m in MODIFIERS if m in modifiers]
    return "+".join(ordered + ([key.upper()] if key else [])) + ("" if key else "+")


def parse(query: str) -> str | None:
    """The canonical hotkey ("Ctrl+Alt+1") the query names, "Ctrl+Alt+" for modifiers being typed, else None.

    At least one modifier is required, so a plain "1" or "alt" stays a text query."""
    text = query.strip()
    if not text:
        return None
    ahk = _AHK_RE.match(text)
    if ahk:
        modifiers = {_AHK[c] for c in ahk.group(1)}
        if len(modifiers) != len(ahk.group(1)) or not ahk.group(2) and len(text) < 2:
            return None
        return _canonical(modifiers, ahk.group(2))
    parts = [p for p in re.split(r"[\s+\-]+", text.lower()) if p]
    if len(parts) < 2 and not text.endswith("+"):
        return None
    modifiers, key = set(), None
    for position, part in enumerate(parts):
        name = _NAMES.get(part)
        if name and name not in modifiers:
            modifiers.add(name)
        elif position == len(parts) - 1 and _KEY_RE.fullmatch(part) and not text.endswith("+"):
            key = part
        else:
            return None
    if not modifiers or (key is None and not text.rstrip().endswith("+") and len(parts) < 2):
        return None
    return _canonical(modifiers, key)


def canonical(hotkey: str) -> str:
    """A stored hotkey in the form `parse` returns (they are stored canonically already, but be lenient)."""
    return parse(hotkey) or hotkey
