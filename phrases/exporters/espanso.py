"""Espanso match file (YAML): each shortcut becomes a trigger, ":eta" for "/eta".

Espanso's own convention starts triggers with ":"; the phrase's title is the label and its
keywords the search terms, so the Espanso search bar finds phrases too. A phrase with
placeholders becomes a form: Espanso shows the text with one field per placeholder
(`[[client_name]]`) and types the finished text, so no raw `{client_name}` reaches the client.
Phrases without placeholders are a plain `replace`. A placeholder's fallback (`{client_name|there}`)
is its field's default, so Enter on an untouched field types the fallback.
"""
import yaml

from phrases.exporters.triggers import unique_triggers
from phrases.placeholders import body_parts, fallbacks_in, placeholders_in

description = "Espanso match file (YAML), triggers `:shortcut`; phrases with placeholders open a form"
content_type = "application/x-yaml; charset=utf-8"
extension = ".yml"


def form_layout(body: str) -> str:
    """The body with each `{name}` as an Espanso form field `[[name]]`."""
    return "".join(value if kind == "text" else f"[[{value}]]" for kind, value in body_parts(body))


def match_for(phrase, trigger: str) -> dict:
    match = {"trigger": ":" + trigger}
    names = placeholders_in(phrase.body)
    if names:
        match["form"] = form_layout(phrase.body)
        fallbacks = fallbacks_in(phrase.body)
        match["form_fields"] = {name: {"type": "text", **({"default": fallbacks[name]} if name in fallbacks else {})}
                                for name in names}
    else:
        match["replace"] = phrase.body
    match["label"] = phrase.title
    if phrase.keywords:
        match["search_terms"] = list(phrase.keywords)
    return match


def left_out(phrases) -> list:
    """Espanso asks for every placeholder in its form: nothing is left out for placeholders."""
    return []


def export(phrases, language_order=()) -> bytes:
    phrases = list(phrases)
    triggers = unique_triggers(phrases)
    matches = [match_for(phrase, triggers[phrase.key]) for phrase in phrases if phrase.key in triggers]
    header = "# Quickphrases export for Espanso: put this file in espanso/match/\n"
    return (header + yaml.safe_dump({"matches": matches}, allow_unicode=True, sort_keys=False, width=1000)).encode()
