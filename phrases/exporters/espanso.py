"""Espanso match file (YAML): each shortcut becomes a trigger, ":eta" for "/eta".

Espanso's own convention starts triggers with ":"; the phrase's title is the label and its
keywords the search terms, so the Espanso search bar finds phrases too. Placeholders such as
{client_name} are kept as written for the operator to fill in.
"""
import yaml

from phrases.exporters.triggers import unique_triggers

description = "Espanso match file (YAML), triggers `:shortcut`"
content_type = "application/x-yaml; charset=utf-8"
extension = ".yml"


def export(phrases) -> bytes:
    phrases = list(phrases)
    triggers = unique_triggers(phrases)
    matches = []
    for phrase in phrases:
        if phrase.key not in triggers:
            continue
        match = {"trigger": ":" + triggers[phrase.key], "replace": phrase.body, "label": phrase.title}
        if phrase.keywords:
            match["search_terms"] = list(phrase.keywords)
        matches.append(match)
    header = "# Quickphrases export for Espanso: put this file in espanso/match/\n"
    return (header + yaml.safe_dump({"matches": matches}, allow_unicode=True, sort_keys=False, width=1000)).encode()
