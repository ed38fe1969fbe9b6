"""How the reviewers' pages show phrases: inline word diffs with the flagged words marked, and
the labels of statuses, fields, rules and history reasons in the reader's language.

Diffs are rendered here rather than in templates because inline text must not pick up template
whitespace, and every piece of phrase text goes through `escape` on its way into the markup.
"""
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phrases.diffing import DELETE, EQUAL, INSERT, Segment, word_diff
from phrases.lint import registry
from phrases.models import VERSION_FIELDS, Phrase, PhraseStatus

STATUS_LABELS = dict(PhraseStatus.choices)  # translated labels, from the model

# Each versioned field's label, translated: the model's verbose_name (CONTENT_FIELDS and status).
FIELD_LABELS = {name: capfirst(Phrase._meta.get_field(name).verbose_name) for name in VERSION_FIELDS}

SEVERITY_LABELS = {"error": gettext_lazy("Error"), "warning": gettext_lazy("Warning")}


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def field_label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def rule_label(rule: str) -> str:
    return registry.rule_label(rule)


def _rule_list(rules) -> str:
    return ", ".join(str(rule_label(rule)) for rule in rules or [])


def _gate(action: dict) -> str:
    """What an approval went over: warnings accepted, findings dismissed."""
    label = ""
    if action.get("warnings"):
        label += "; " + _("over warnings: %(rules)s") % {"rules": _rule_list(action["warnings"])}
    if action.get("dismissed"):
        label += "; " + _("with dismissed findings: %(rules)s") % {"rules": _rule_list(action["dismissed"])}
    return label


# Each action code (phrases.services.actions) as a sentence in the reader's language.
_ACTION_LABELS = {
    "create": lambda a: _("Created"),
    "update": lambda a: _("Edited: %(fields)s") % {"fields": ", ".join(str(field_label(f)) for f in a.get("fields", []))},
    "submit": lambda a: _("Submitted for review"),
    "approve": lambda a: _("Approved") + _gate(a),
    "reject": lambda a: _("Changes requested: %(comment)s") % {"comment": a.get("comment", "")},
    "confirm": lambda a: _("Reviewed, still right"),
    "confirm_variant": lambda a: _("Still right after a change of its other language variants (%(keys)s)") % {
        "keys": ", ".join(a.get("sources", []))},
    "link_family": lambda a: _("Linked to the language family “%(family)s”") % {"family": a.get("family", "")},
    "archive": lambda a: _("Archived"),
    "restore": lambda a: _("Restored from the archive"),
    "revert": lambda a: _("Restored version #%(id)s") % {"id": a.get("version")},
    "revert_publish": lambda a: _("Restored version #%(id)s and published") % {"id": a.get("version")} + _gate(a),
    "delete": lambda a: _("Deleted"),
    "dismiss": lambda a: _("Dismissed the “%(rule)s” finding on «%(words)s»: %(reason)s") % {
        "rule": rule_label(a.get("rule", "")), "words": a.get("words", ""), "reason": a.get("why", "")},
    "withdraw": lambda a: _("Withdrew the dismissal of the “%(rule)s” finding on «%(words)s»") % {
        "rule": rule_label(a.get("rule", "")), "words": a.get("words", "")},
    "import": lambda a: _("Imported from a library file") + _gate(a),
    "import_held": lambda a: _("Imported from a library file; held in review over brand-voice errors: %(rules)s") % {
        "rules": _rule_list(a.get("rules"))},
    "import_overruled": lambda a: _("Imported from a library file; published over brand-voice errors "
                                    "(%(rules)s): %(reason)s") % {"rules": _rule_list(a.get("rules")),
                                                                  "reason": a.get("reason", "")},
}


def version_label(version) -> str:
    """What made a version, in the reader's language: its recorded action and parameters, with
    the reason the person gave. A version from before actions were recorded shows its stored
    reason as it was written."""
    action = getattr(version, "version_action", None) or {}
    render = _ACTION_LABELS.get(action.get("action"))
    if render is None:
        return (getattr(version, "history_change_reason", None) or "").strip()
    label = render(action)
    if action.get("reason") and action.get("action") != "import_overruled":
        label += " — " + action["reason"]
    return label


@dataclass(frozen=True)
class Mark:
    number: int       # the finding's number in the list under the text
    severity: str
    end: int


def _marks(text: str, findings) -> list[Mark | None]:
    """For each character of `text`, the finding covering it (the first one listed wins)."""
    marks: list[Mark | None] = [None] * len(text)
    for number, finding in enumerate(findings, start=1):
        start, end = max(0, int(finding.get("start", 0))), min(len(text), int(finding.get("end", 0)))
        severity = "dismissed" if finding.get("dismissed") else finding.get("severity", "warning")
        mark = Mark(number, severity, end)
        for index in range(start, end):
            if marks[index] is None:
                marks[index] = mark
    return marks


def _marked(text: str, marks: list[Mark | None], offset: int) -> str:
    """Escaped `text` (which starts at `offset` of the new text) with its flagged words in <mark>."""
    out, index = [], 0
    while index < len(text):
        mark = marks[offset + index] if offset + index < len(marks) else None
        stop = index + 1
        while stop < len(text) and (marks[offset + stop] if offset + stop < len(marks) else None) == mark:
            stop += 1
        piece = escape(text[index:stop])
        if mark is None:
            out.append(piece)
        else:
            reference = ""
            if offset + stop == mark.end:  # the finding's number after its last character
                reference = format_html('<sup class="finding-ref">{}</sup>', mark.number)
            out.append(format_html('<mark class="finding finding-{}">{}{}</mark>', mark.severity, piece, reference))
        index = stop
    return "".join(out)


def diff_html(old: str | None, new: str, findings=()) -> SafeString:
    """`new` as an inline word diff against `old` (None: a new text, no diff), flagged words marked.

    Deleted words are struck through in <del>, inserted ones underlined in <ins>, each announced to
    screen readers, so the diff reads without colour too."""
    new = new or ""
    segments = [Segment(EQUAL, new)] if old is None else word_diff(old, new)
    marks = _marks(new, findings)
    out, offset = [], 0
    for segment in segments:
        if segment.op == DELETE:
            out.append(format_html('<del><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}'
                                   '</span></del>', _("[deleted:"), segment.text, _("]")))
            continue
        inner = _marked(segment.text, marks, offset)
        offset += len(segment.text)
        if segment.op == INSERT:
            out.append(format_html('<ins><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}'
                                   '</span></ins>', _("[added:"), mark_safe(inner), _("]")))
        else:
            out.append(inner)
    return mark_safe("".join(out))


def value_text(name: str, value) -> str:
    """A field value as one line of text for a diff."""
    if value is None:
        return ""
    if name == "keywords":
        return ", ".join(value or [])
    if name == "status":
        return str(status_label(value))
    return str(value)


def change_html(name: str, old, new) -> SafeString:
    """One changed field: titles and texts as inline word diffs, other values as old → new."""
    old_text, new_text = value_text(name, old), value_text(name, new)
    if name in ("title", "body", "keywords"):
        return diff_html(old_text if old is not None else None, new_text)
    parts = []
    if old_text:
        parts.append(format_html('<del><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}'
                                 '</span></del>', _("[deleted:"), old_text, _("]")))
    if old_text and new_text:
        parts.append(mark_safe(' <span aria-hidden="true">→</span> '))
    if new_text:
        parts.append(format_html('<ins><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}'
                                 '</span></ins>', _("[added:"), new_text, _("]")))
    if not parts:
        return mark_safe('<span class="muted">—</span>')
    return mark_safe("".join(parts))
