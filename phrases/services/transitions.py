"""The transitions that move a phrase's live text: approve, publish, archive and restore.

Each is an action with its check and its effect in one place, in the manner of Wagtail's actions:
`Action(phrase, actor=…).check()` raises if it may not happen, `.execute()` checks and does it.
Every door uses them (the workflow services, the import, the API, the admin and the pages), so the
rules cannot differ by door. `trusted=True` is for callers that checked the actor and the state
themselves (the import, a reviewer's restore-and-publish); the brand-voice gate and the trigger
check apply to every caller.

A batch caller (the import) runs `check()` and `apply()` (the in-memory effect) per phrase, then
writes the whole batch with `versions.save_versions` and `live.publish` / `live.unpublish`, the
same functions `execute()` uses for one phrase.
"""
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from phrases import roles
from phrases.errors import IllegalTransition, LintBlocked
from phrases.models import Phrase, PhraseStatus
from phrases.services import live as live_library
from phrases.services.findings import ERROR, WARNING, phrase_findings, standing
from phrases.services.versions import save_version


def review_interval_days(phrase: Phrase) -> int:
    """Days from approval to the phrase's next review: its topic's interval, else the global one."""
    topic_interval = phrase.topic.review_interval_days if phrase.topic_id else None
    return topic_interval or settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS


def _rules(findings) -> str:
    return ", ".join(sorted({f["rule"] for f in findings}))


class Action:
    """check() raises when the transition may not happen; execute() checks, then does it."""

    permission = "change phrases"

    def __init__(self, phrase: Phrase, *, actor, reason: str = "", trusted: bool = False):
        self.phrase, self.actor, self.reason, self.trusted = phrase, actor, reason, trusted

    def check(self) -> None:
        if not self.trusted:
            self.check_actor()
            self.check_state()

    def check_actor(self) -> None:
        roles.require_writer(self.actor, self.permission)

    def check_state(self) -> None:
        pass

    def apply(self) -> None:
        """The effect on the working copy, in memory."""
        raise NotImplementedError

    def execute(self) -> Phrase:
        self.check()
        self.apply()
        save_version(self.phrase, actor=self.actor, reason=self.reason)
        self.publish()
        return self.phrase

    def publish(self) -> None:
        pass

    def _refuse(self, what: str) -> None:
        # The status stays its English value in messages: clients match on it.
        raise IllegalTransition(_("Phrase '%(key)s' is %(status)s; %(what)s.") % {
            "key": self.phrase.key, "status": self.phrase.get_status_display().lower(), "what": what})


class ApproveAction(Action):
    """Approve the working copy: it becomes the live text and the next review is scheduled.

    The gate: an error-level finding blocks, unless a reviewer dismissed it; a warning needs
    `acknowledge_warnings` (or a dismissal). Pass `findings` already linted to lint only once."""

    permission = "approve phrases"

    def __init__(self, phrase, *, actor, acknowledge_warnings=False, reason="", trusted=False, findings=None):
        super().__init__(phrase, actor=actor, reason=reason, trusted=trusted)
        self.acknowledge_warnings = acknowledge_warnings
        self.findings = findings

    def check_actor(self):
        roles.require_reviewer(self.actor, self.permission)

    def check_state(self):
        if self.phrase.status != PhraseStatus.IN_REVIEW:
            self._refuse(_("only a phrase in review can be approved"))

    def check(self):
        super().check()
        if self.findings is None:
            self.findings = phrase_findings(self.phrase)
        errors, warnings = standing(self.findings, ERROR), standing(self.findings, WARNING)
        if errors:
            raise LintBlocked(_("Phrase '%(key)s' breaks the chat standards (%(rules)s); fix the text, or a "
                                "reviewer may dismiss a finding that does not apply, with a reason.") % {
                "key": self.phrase.key, "rules": _rules(errors)}, errors)
        if warnings and not self.acknowledge_warnings:
            raise LintBlocked(_("Phrase '%(key)s' has brand-voice warnings (%(rules)s); approve with "
                                "acknowledge_warnings to accept them.") % {
                "key": self.phrase.key, "rules": _rules(warnings)}, warnings)

    def apply(self):
        phrase, now = self.phrase, timezone.now()
        phrase.status = PhraseStatus.APPROVED
        phrase.lint_findings = self.findings
        phrase.warnings_acknowledged = any(f["severity"] == WARNING for f in self.findings)
        phrase.reviewed_by = self.actor if getattr(self.actor, "pk", None) else None
        phrase.reviewed_at = now
        phrase.review_due_at = (now + timedelta(days=review_interval_days(phrase))).date()
        phrase.review_comment = ""
        phrase.changes_requested = False
        reason = self.reason or "Approved"
        warnings = standing(self.findings, WARNING)
        if warnings:
            reason += " over warnings: " + _rules(warnings)
        dismissed = [f for f in self.findings if f.get("dismissed")]
        if dismissed:
            reason += " with dismissed findings: " + _rules(dismissed)
        self.reason = reason

    def publish(self):
        PublishAction([self.phrase]).execute()


class PublishAction:
    """Put saved, approved working copies live (one or a batch). The check: no shortcut or hotkey
    clash in the live library as it will be. Approval publishes through it; nothing else writes
    live text."""

    def __init__(self, phrases):
        self.phrases = list(phrases)

    def check(self):
        for phrase in self.phrases:
            if phrase.status != PhraseStatus.APPROVED or phrase.pk is None:
                raise IllegalTransition(_("Phrase '%(key)s' is not a saved, approved text; it cannot go live.") % {
                    "key": phrase.key})

    def execute(self):
        self.check()
        live_library.publish(self.phrases)  # checks the triggers against the live library itself


class ArchiveAction(Action):
    """Retire a phrase: it leaves the live library. Archiving a live phrase needs a reviewer."""

    permission = "archive phrases"

    def check_state(self):
        if self.phrase.status == PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is already archived.") % {"key": self.phrase.key})
        # Read after the caller's row lock: a live text approved meanwhile counts.
        if self.phrase.is_live:
            roles.require_reviewer(self.actor, "archive a live phrase")

    def apply(self):
        self.phrase.status = PhraseStatus.ARCHIVED
        self.reason = self.reason or "Archived"

    def publish(self):
        live_library.unpublish([self.phrase])


class RestoreAction(Action):
    """Bring an archived phrase back as a draft (it goes through review to be live again)."""

    permission = "restore phrases"

    def check_state(self):
        if self.phrase.status != PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is not archived.") % {"key": self.phrase.key})

    def apply(self):
        self.phrase.status = PhraseStatus.DRAFT
        self.reason = self.reason or "Restored from archive"
