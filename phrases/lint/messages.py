"""Finding messages: English message ids through Django's gettext, spoken in the phrase's language.

The Russian and Polish catalogues live in phrases/lint/locale; a finding on a phrase in any other
language speaks English.
"""
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext


def gettext_noop(message):
    """Marks a message for the catalogue (makemessages) without needing Django settings at import."""
    return message


MESSAGES = {
    "banned-abbreviation": gettext_noop("Chat abbreviation “%(word)s”: write the word out."),
    "slang": gettext_noop("Slang “%(word)s”: keep the tone neutral."),
    "lowercase-formal-you": gettext_noop("The formal “you” to a client is capitalised: “%(suggestion)s”."),
    "sentence-start-lowercase": gettext_noop("The sentence starts with a lowercase letter."),
    "missing-terminal-punctuation": gettext_noop(
        "The message does not end with a full stop, question mark or exclamation mark."),
    "too-many-emoji": gettext_noop("%(count)s emoji; at most %(limit)s are allowed."),
    "all-caps": gettext_noop("“%(word)s” is in capitals, which reads as shouting."),
    "too-many-exclamations": gettext_noop("%(count)s exclamation marks; at most %(limit)s are allowed."),
    "i-dont-know": gettext_noop("Never say “I don't know”: promise to find out and come back with an answer."),
    "redirect-channel": gettext_noop("Sends the client to another channel (“%(word)s”): answer in the chat."),
    "legal-reference": gettext_noop("Cites laws or regulations (“%(word)s”): explain in plain words."),
    "blame-shift": gettext_noop("Shifts the blame (“%(word)s”): own the problem and say what you are doing."),
    "cliche": gettext_noop("Stock phrase “%(word)s”: say it like a person: what happened and what you are doing about it."),
    "too-long": gettext_noop("%(count)s characters, over the %(limit)s-character limit for a messenger."),
    "unknown-placeholder": gettext_noop("Unknown placeholder %(placeholder)s; allowed: %(allowed)s."),
    "spelling": gettext_noop("Possible misspelling: “%(word)s”."),
}
# Not a rule: the linter's time budget ran out (reported under too-long, as an error).
OUT_OF_TIME = gettext_noop("This text took longer than %(ms)s ms to check, so it was not checked to the end: "
                           "shorten it.")


@contextmanager
def speaking(language: str):
    """Messages rendered inside speak `language` when it is one of the site's languages, else English."""
    if not settings.configured:
        yield
        return
    known = {code for code, _ in settings.LANGUAGES}
    with translation.override(language if language in known else "en"):
        yield


def message(rule: str, **values) -> str:
    """The message for a finding of `rule`, in the language `speaking` set."""
    if rule == "out-of-time":
        text = OUT_OF_TIME
    elif rule == "unknown-placeholder":
        text = PLACEHOLDER_MESSAGES[values["kind"]]
    else:
        text = MESSAGES[rule]
    return (gettext(text) if settings.configured else text) % values

# The words for each kind of placeholder problem (phrases.placeholders.problems, the one check
# validation and lint share), spoken in the phrase's language like every finding.
PLACEHOLDER_MESSAGES = {
    "unknown": MESSAGES["unknown-placeholder"],
    "fallback-empty": gettext_noop("The fallback in %(placeholder)s is empty: write the text to use when it is left "
                                   "empty, or remove the “|”."),
    "fallback-bars": gettext_noop("%(placeholder)s has more than one “|”: a placeholder takes one fallback."),
    "fallback-long": gettext_noop("The fallback in %(placeholder)s is too long (at most %(count)d characters)."),
    "nested": gettext_noop("Braces are unbalanced: placeholders cannot nest, and this '{' opens inside another."),
    "unopened": gettext_noop("Braces are unbalanced: this '}' closes nothing."),
    "unclosed": gettext_noop("Braces are unbalanced: this '{' is never closed."),
}
