"""AutoHotkey v2 script: hotstrings for shortcuts and hotkeys in the contract's form.

"/eta" followed by an ending character (space, Enter, …) types the phrase; "Ctrl+Alt+1" becomes
the hotkey ^!1. Text is sent with SendText, so nothing in a phrase is read as AutoHotkey keys.
A phrase with placeholders becomes a function that first asks for each one with an InputBox
(labelled in the phrase's language) and sends nothing if a box is cancelled; an empty answer asks
again, unless the placeholder has a fallback (`{client_name|there}`), which an empty answer takes. Hotkeys that misbehave on some keyboards (Ctrl+Alt+S is AltGr+S = «ś» on the Polish
layout) carry the warning as a comment.
"""
import re

from django.utils import translation

from phrases.exporters.triggers import hotkey_holders, unique_triggers
from phrases.placeholders import fallbacks_in, label, placeholders_in, segments
from phrases.validation import hotkey_warnings

description = "AutoHotkey v2 script: hotstrings for shortcuts, hotkeys as ^!1; placeholders asked with InputBox"
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


def comment(text: str) -> str:
    return "; " + " ".join(text.split())


def function_name(key: str, taken: set) -> str:
    base = "Phrase_" + re.sub(r"[^A-Za-z0-9_]", "_", key)
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def prompting_function(phrase, name: str) -> list[str]:
    """A function that asks for every placeholder, then sends the finished text."""
    with translation.override(phrase.language):
        labels = {placeholder: label(placeholder, translation.gettext) for placeholder in placeholders_in(phrase.body)}
    fallbacks = fallbacks_in(phrase.body)
    lines = [f"{name}(*) {{"]
    for placeholder, prompt in labels.items():
        box = f"box_{placeholder}"  # prefixed, so no placeholder name shadows a built-in function
        if placeholder in fallbacks:
            lines += [
                f"    {box} := InputBox({quote(prompt)}, {quote(phrase.title)})",
                f'    if {box}.Result = "Cancel"',
                "        return  ; cancelled: send nothing",
                f'    value_{placeholder} := Trim({box}.Value) = "" ? {quote(fallbacks[placeholder])} : {box}.Value',
            ]
            continue
        lines += [
            "    loop {",
            f"        {box} := InputBox({quote(prompt)}, {quote(phrase.title)})",
            f'        if {box}.Result = "Cancel"',
            "            return  ; cancelled: send nothing",
            f'        if Trim({box}.Value) != ""',
            "            break",
            "    }",
        ]
    pieces = [quote(part) if isinstance(part, str)
              else f"value_{part.name}" if part.name in fallbacks else f"box_{part.name}.Value"
              for part in segments(phrase.body)]
    lines += [f"    SendText({' '.join(pieces)})", "}"]
    return lines


def left_out(phrases) -> list:
    """AutoHotkey asks for every placeholder in an InputBox: nothing is left out for placeholders."""
    return []


def export(phrases, language_order=()) -> bytes:
    phrases = list(phrases)
    triggers = unique_triggers(phrases)
    with_hotkey = hotkey_holders(phrases, language_order)  # a family's shared hotkey, once
    taken = set()
    lines = ["#Requires AutoHotkey v2.0", "; Quickphrases export: run with AutoHotkey v2.", ""]
    for phrase in phrases:
        lines.append(comment(f"{phrase.key}: {phrase.title}"))
        if phrase.key in with_hotkey:
            lines += [comment(warning) for warning in hotkey_warnings(phrase.hotkey)]
        if placeholders_in(phrase.body):
            name = function_name(phrase.key, taken)
            lines += prompting_function(phrase, name)
            send = f"{name}()"
        else:
            send = f"SendText({quote(phrase.body)})"
        if phrase.key in triggers:
            lines.append(f":X:/{hotstring_trigger(triggers[phrase.key])}::{send}")
        if phrase.key in with_hotkey:
            lines.append(f"{hotkey(phrase.hotkey)}::{send}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")
