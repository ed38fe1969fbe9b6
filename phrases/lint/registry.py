"""One record per brand-voice rule: its id, its check, its default severity and limit, what it
checks, its finding message and its short label.

The parts are written next to what they belong to (checks in `rules`, defaults in `defaults`,
messages in `messages`); this module joins them into one record per rule, and the test suite pins
that every rule has every part. Pages name rules through `label()`.
"""
from collections.abc import Callable
from dataclasses import dataclass

from phrases.lint import defaults, messages
from phrases.lint import rules as checks
from phrases.lint.messages import gettext_noop

# Short names of the rules, for buttons and lists ("Approve over warnings: cliché").
LABELS = {
    "banned-abbreviation": gettext_noop("chat abbreviation"),
    "slang": gettext_noop("slang"),
    "lowercase-formal-you": gettext_noop("lowercase formal “you”"),
    "sentence-start-lowercase": gettext_noop("sentence starts in lowercase"),
    "missing-terminal-punctuation": gettext_noop("no closing punctuation"),
    "i-dont-know": gettext_noop("“I don't know”"),
    "redirect-channel": gettext_noop("sends the client elsewhere"),
    "legal-reference": gettext_noop("legal reference"),
    "blame-shift": gettext_noop("shifting blame"),
    "unknown-placeholder": gettext_noop("unknown placeholder"),
    "too-many-emoji": gettext_noop("too many emoji"),
    "all-caps": gettext_noop("capitals"),
    "too-many-exclamations": gettext_noop("too many exclamation marks"),
    "cliche": gettext_noop("cliché"),
    "too-long": gettext_noop("too long"),
    "spelling": gettext_noop("spelling"),
}


@dataclass(frozen=True)
class Rule:
    id: str
    check: Callable | None  # None: a pass the engine runs itself (spelling)
    severity: str           # the default severity
    limit: int | None       # the default limit, for rules that have one
    description: str
    message: str            # the finding's message id (translated when spoken)
    label: str              # the short name's message id


RULES = {
    rule_id: Rule(rule_id, checks.CHECKS.get(rule_id), severity, limit, description,
                  messages.MESSAGES.get(rule_id, ""), LABELS.get(rule_id, rule_id))
    for rule_id, (severity, limit, description) in defaults.RULES.items()
}


def rule_label(rule_id: str) -> str:
    """A rule's short name in the active language (an unknown id as it is)."""
    from django.utils.translation import gettext

    rule = RULES.get(rule_id)
    return gettext(rule.label) if rule is not None else rule_id
