"""Brand-voice findings on a phrase, and how a reviewer's overrule (a dismissal) marks them.

A dismissal names a rule and the flagged words. It holds while the linter still flags those very
words under that rule, so a re-lint keeps it and an edit of the words ends it. A dismissed error
no longer blocks approval; a dismissed warning counts as acknowledged. Dismissing and
withdrawing are actions (`phrases.services.actions`).
"""
import hashlib
from collections.abc import Iterable

from django.utils.translation import gettext as _

from phrases.errors import PhraseValidationError
from phrases.models import FindingDismissal, Phrase

ERROR, WARNING = "error", "warning"


def run_lint(phrase: Phrase) -> list[dict]:
    """The linter's findings for the phrase's body, as stored on the phrase (without dismissals)."""
    from phrases.lint import lint_text  # the linter loads its tuned rules lazily

    return [finding.as_dict() for finding in lint_text(phrase.body, phrase.language)]


TEXT_MAX_LENGTH = FindingDismissal._meta.get_field("text").max_length


def flagged_text(body: str, finding: dict) -> str:
    """The flagged words as a dismissal stores them: a long span (a whole over-long text) keeps its
    beginning and a digest of the rest, so it still matches exactly the same words only."""
    words = body[finding["start"]:finding["end"]]
    if len(words) <= TEXT_MAX_LENGTH:
        return words
    digest = hashlib.sha256(words.encode()).hexdigest()[:16]
    return f"{words[:TEXT_MAX_LENGTH - 20]}… {digest}"


def dismissal_info(dismissal: FindingDismissal) -> dict:
    by = dismissal.dismissed_by
    return {"by": by.get_username() if by is not None else None, "reason": dismissal.reason,
            "at": dismissal.created_at.isoformat()}


def mark_dismissed(findings: list[dict], body: str, dismissals: Iterable[FindingDismissal]) -> list[dict]:
    """Each finding with `dismissed`: {"by", "reason", "at"} when a dismissal of its rule and
    flagged words holds, else None."""
    by_words = {(d.rule, d.text): d for d in dismissals}
    if not by_words:  # the common case (every new phrase): nothing to look up
        for finding in findings:
            finding["dismissed"] = None
        return findings
    for finding in findings:
        dismissal = by_words.get((finding["rule"], flagged_text(body, finding)))
        finding["dismissed"] = dismissal_info(dismissal) if dismissal is not None else None
    return findings


def phrase_dismissals(phrase: Phrase) -> list[FindingDismissal]:
    if not phrase.pk:
        return []
    return list(FindingDismissal.objects.filter(phrase_id=phrase.pk).select_related("dismissed_by"))


def phrase_findings(phrase: Phrase, *, findings: list[dict] | None = None) -> list[dict]:
    """Lint the working copy (unless `findings` are given) and mark what reviewers dismissed."""
    findings = run_lint(phrase) if findings is None else [dict(f) for f in findings]
    return mark_dismissed(findings, phrase.body, phrase_dismissals(phrase))


def standing(findings: list[dict], severity: str) -> list[dict]:
    """The findings of this severity that no reviewer dismissed."""
    return [f for f in findings if f["severity"] == severity and not f.get("dismissed")]


def _field_error(phrase, name, message):
    return PhraseValidationError(phrase.key, {name: [message]})


def pick_finding(phrase, findings, *, rule, text, start, end) -> dict:
    of_rule = [f for f in findings if f["rule"] == rule]
    if not of_rule:
        raise _field_error(phrase, "rule", _("The text of phrase '%(key)s' has no '%(rule)s' finding.") % {"key": phrase.key, "rule": rule})
    if start is not None or end is not None:
        if start is None or end is None:
            raise _field_error(phrase, "start" if start is None else "end", _("Give both start and end of the span."))
        match = [f for f in of_rule if (f["start"], f["end"]) == (start, end)]
        if not match:
            raise _field_error(phrase, "start", _("No '%(rule)s' finding at %(start)s–%(end)s; the text may have changed.") % {
                "rule": rule, "start": start, "end": end})
    elif text:
        match = [f for f in of_rule if phrase.body[f["start"]:f["end"]] == text]
        if not match:
            raise _field_error(phrase, "text", _("No '%(rule)s' finding flags «%(text)s» in this text.") % {"rule": rule, "text": text})
    else:
        raise _field_error(phrase, "text", _("Name the flagged words (text) or their span (start and end)."))
    return match[0]
