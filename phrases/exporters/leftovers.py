"""Phrases a format cannot carry without a raw `{placeholder}`, and the report that names them.

A tool that can neither fill a placeholder itself (a variable of its own) nor ask the person for it
(a form, an input box) gets the placeholder's fallback; a phrase with a placeholder that has
neither is left out of that export and listed, in the download and on /tools/.
"""
from dataclasses import dataclass

from django.utils.translation import gettext

from phrases.placeholders import fallbacks_in, label, placeholders_in, segments


@dataclass(frozen=True)
class LeftOut:
    key: str
    title: str
    language: str
    missing: tuple  # placeholder names the format can neither fill nor ask for

    def as_dict(self) -> dict:
        return {"key": self.key, "title": self.title, "language": self.language,
                "needs": [label(name, gettext) for name in self.missing]}


def unfillable(body: str, variables: dict) -> list[str]:
    """Placeholders with no variable in the tool and no fallback in the phrase."""
    fallbacks = fallbacks_in(body)
    return [name for name in placeholders_in(body) if name not in variables and name not in fallbacks]


def split(phrases, variables: dict) -> tuple[list, list[LeftOut]]:
    """(phrases the format can carry, LeftOut for the rest), in the given order."""
    kept, left_out = [], []
    for phrase in phrases:
        missing = unfillable(phrase.body, variables)
        if missing:
            left_out.append(LeftOut(phrase.key, phrase.title, phrase.language, tuple(missing)))
        else:
            kept.append(phrase)
    return kept, left_out


def resolve(body: str, variables: dict) -> str:
    """The body with each placeholder as the tool's variable, else its fallback (callers `split` first)."""
    return "".join(part if isinstance(part, str) else variables.get(part.name) or part.fallback
                   for part in segments(body))



