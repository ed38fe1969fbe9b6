"""AutoHotkey v2 script: hotstrings for shortcuts and hotkeys in the contract's form.

"/eta" followed by an ending character (space, Enter, …) types the phrase; "Ctrl+Alt+1" becomes
the hotkey ^!1. Text is sent with SendText, so nothing in a phrase is read as AutoHotkey keys.
"""
from phrases.exporters.triggers import unique_triggers

description = "AutoHotkey v2 script: hotstrings for shortcuts, hotkeys as ^!1"
content_type = "text/plain; charset=utf-8"
extension = ".ahk"

MODIFIERS = {"Ctrl": "^", "Alt": "!", "Shift": "+", "Win": "#"}


def quote(text: str) -> str:
    """An AutoHotkey v2 double-quoted string literal for `text`."""
    escaped = (text.replace("`", "``").replace('"', '`"').replace("\r", "").replace("\n", "`n")
               .replace("\t", "`t").replace(";", "`;"))
    return f'"{escaped}"'


def hotkey(combination: str) -> str:
    *modifiers, key = combination.split("+")
    return "".join(MODIFIERS[m] for m in modifiers) + key.lower()


def hotstring_trigger(trigger: str) -> str:
    # In a hotstring's trigger only the colon is special (backtick-escaped) in v2.
    return trigger.replace("`", "``").replace(":", "`:")


def export(phrases) -> bytes:
    phrases = list(phrases)
    triggers = unique_triggers(phrases)
    lines = ["#Requires AutoHotkey v2.0", "; Quickphrases export: run with AutoHotkey v2.", ""]
    for phrase in phrases:
        send = f"SendText({quote(phrase.body)})"
        lines.append(f"; {phrase.key}: {phrase.title}".replace("\n", " "))
        if phrase.key in triggers:
            lines.append(f":X:/{hotstring_trigger(triggers[phrase.key])}::{send}")
        if phrase.hotkey:
            lines.append(f"{hotkey(phrase.hotkey)}::{send}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")
