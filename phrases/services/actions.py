"""The only way a phrase changes: one action per transition, on one base, in the manner of Wagtail's actions.

    action = ApproveAction(phrase, actor=user, expected_revision=3)
    action.can()      # True/False, never raises: for pages and templates
    action.check()    # raises the domain error (PermissionDenied, IllegalTransition, PhraseValidationError, …)
    action.execute()  # atomically: row lock, expected revision, check, effect, one version, publish

Every door (pages, API, admin, import, management commands) runs these, so a rule holds through
all of them with the same message: roles, states, reserved keys, shortcut and hotkey clashes
(among the working copies and in the live library), placeholders (model validation) and the
brand-voice gate. Each version records its action as data (`Phrase.version_action`: a code and
its parameters) that the history page and the e-mails render in the reader's language.

`ImportBatch` is the batch form the import uses: the same transitions applied in memory to many
working copies, then written in a few statements. Nothing outside this module assigns `status`
or the review fields, or calls `versions.save_version(s)` or `live.publish`/`unpublish`.
"""
from copy import copy
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from phrases.errors import DomainError, IllegalTransition, LintBlocked, PhraseValidationError, StaleRevision
from phrases.models import CONTENT_FIELDS, FindingDismissal, Phrase, PhraseStatus, Topic
from phrases.services import bulk_rows, drift
from phrases.services import live as live_library
from phrases.services.findings import (
    ERROR,
    WARNING,
    flagged_text,
    phrase_findings,
    pick_finding,
    run_lint,
    standing,
)
from phrases.services.triggers import trigger_errors
from phrases.services.versions import save_version, save_versions
from phrases.signals import phrase_reviewed
from phrases.validation import clean_phrase_text, validate_family

# Path segments under /phrases/ that are pages (the editor's "new", its "check" endpoint), so a
# phrase with such a key could never be opened in the editor.
RESERVED_KEYS = frozenset({"new", "check"})


def reserved_key_message(key: str) -> str | None:
    """Why a new phrase may not have this key, or None."""
    if key in RESERVED_KEYS:
        return _("“%(key)s” is reserved; please choose another key.") % {"key": key}
    return None


def review_interval_days(phrase: Phrase) -> int:
    """Days from approval to the phrase's next review: its topic's interval, else the global one."""
    topic_interval = phrase.topic.review_interval_days if phrase.topic_id else None
    return topic_interval or settings.QUICKPHRASES_REVIEW_INTERVAL_DAYS


def locked(phrase: Phrase, expected_revision: int | None) -> Phrase:
    """Re-read the phrase under a row lock and check the caller saw its latest revision.

    The locking query joins nothing: on PostgreSQL a joined row read with the lock is the one from
    before the lock wait (and a concurrent topic change can drop the row altogether). Everything
    else (live text, topic) is read after the lock, in fresh queries, so every state check sees
    the state that holds once the lock is ours."""
    try:
        current = Phrase.objects.select_for_update().get(pk=phrase.pk)
    except Phrase.DoesNotExist:
        raise IllegalTransition(_("Phrase '%(key)s' no longer exists.") % {"key": phrase.key}) from None
    if expected_revision is not None and current.revision != expected_revision:
        raise StaleRevision(_(
            "Phrase '%(key)s' was changed by someone else (revision %(current)s, you edited revision %(expected)s). "
            "Reload it and apply your edit again.") % {
            "key": current.key, "current": current.revision, "expected": expected_revision})
    return current


def _rules(findings) -> list[str]:
    return sorted({f["rule"] for f in findings})


def _person(actor):
    return actor if getattr(actor, "pk", None) else None


def _announce_review(phrase: Phrase, *, actor, outcome: str, comment: str = "") -> None:
    # After commit only: a rolled-back decision must not mail anyone.
    transaction.on_commit(lambda: phrase_reviewed.send(
        sender=Phrase, phrase=phrase, actor=actor, outcome=outcome, comment=comment))


def normalise_content(fields: dict, *, key: str = "(phrase)") -> dict:
    """Accept a topic slug for `topic` and None for the optional text fields; clean the text at the
    boundary (phrases.text_cleaning), so an edit that only adds invisible characters changes nothing."""
    fields = clean_phrase_text(fields)
    unknown = set(fields) - set(CONTENT_FIELDS)
    if unknown:
        raise PhraseValidationError(key, {name: [_("This field cannot be edited.")] for name in sorted(unknown)})
    topic = fields.get("topic")
    if isinstance(topic, str):
        try:
            fields["topic"] = Topic.objects.get(slug=topic)
        except Topic.DoesNotExist:
            raise PhraseValidationError(key, {"topic": [_("Unknown topic '%(topic)s'.") % {"topic": topic}]}) from None
    for name in ("shortcut", "hotkey", "family"):
        if name in fields and fields[name] is None:
            fields[name] = ""
    if "keywords" in fields and fields["keywords"] is None:
        fields["keywords"] = []
    return fields


class PhraseAction:
    """One transition of one phrase. Subclasses set `code` (recorded in history), the role it needs,
    `check_state()` (raising) and `apply()` (the effect on the locked working copy, in memory)."""

    code = ""
    reviewer_only = False
    verb = "edit phrases"  # completes "Only writers and reviewers may …"
    default_reason = ""

    def __init__(self, phrase: Phrase | None, *, actor, expected_revision: int | None = None, reason: str = ""):
        self.phrase, self.actor, self.expected_revision = phrase, actor, expected_revision
        self.typed_reason = (reason or "").strip()  # a reason the person gave, kept as they wrote it
        self.reason = self.typed_reason  # the history's change reason (English, for the API's history)
        self.params: dict = {}

    # -- checks ------------------------------------------------------------------------------
    def check_actor(self) -> None:
        if self.reviewer_only:
            roles.require_reviewer(self.actor, self.verb)
        else:
            roles.require_writer(self.actor, self.verb)

    def check_input(self) -> None:
        """Checks of the request itself (before the lock): a missing comment, an unknown field."""

    def check_state(self) -> None:
        """Checks of the phrase as it stands (after the lock)."""

    def check(self) -> None:
        """Raise the domain error that stops this action, or return."""
        self.check_actor()
        self.check_input()
        self.check_state()

    def can(self) -> bool:
        """Whether the action would be allowed now (no lock, no write, never raises)."""
        try:
            self.check()
        except (DomainError, PermissionDenied, ValidationError):
            return False
        return True

    def refuse(self, what: str):
        raise IllegalTransition(_("Phrase '%(key)s' is %(status)s; %(what)s.") % {
            "key": self.phrase.key, "status": self.phrase.get_status_display().lower(), "what": what})

    # -- effect ------------------------------------------------------------------------------
    def apply(self) -> None:
        raise NotImplementedError

    def record(self) -> None:
        """Put the action's code and parameters on the working copy: its next version carries them."""
        self.phrase.version_action = {"action": self.code, **self.params,
                                      **({"reason": self.typed_reason} if self.typed_reason else {})}

    def after(self) -> None:
        """Effects outside the working copy, once its version is saved (publishing, announcing)."""

    def changes_anything(self) -> bool:
        """False when applying left the phrase as it was (an edit to the same values): no version."""
        return True

    @transaction.atomic
    def execute(self) -> Phrase:
        self.check_actor()
        self.check_input()
        self.phrase = locked(self.phrase, self.expected_revision)
        self.check_state()
        self.apply()
        if not self.changes_anything():
            return self.phrase
        self.record()
        save_version(self.phrase, actor=self.actor, reason=self.reason or self.default_reason)
        self.after()
        return self.phrase


class ContentAction(PhraseAction):
    """Shared by create and update: the content rules every door must hold."""

    def check_content(self, phrase: Phrase) -> None:
        """Reserved keys (new phrases), and shortcut/hotkey clashes with other working copies and with
        other phrases' live text: refused when saved, not late at approval."""
        errors = {}
        reserved = reserved_key_message(phrase.key) if phrase._state.adding else None
        if reserved:
            errors["key"] = [reserved]
        elif phrase._state.adding and Phrase.objects.filter(key=phrase.key).exists():
            errors["key"] = [_("Another phrase already has the key “%(key)s”.") % {"key": phrase.key}]
        for live in (False, True):
            for name, messages in trigger_errors(phrase, live=live).items():
                errors.setdefault(name, []).extend(m for m in messages if m not in errors.get(name, []))
        if errors:
            raise PhraseValidationError(phrase.key or "(new phrase)", errors)


class CreateAction(ContentAction):
    """Create a draft phrase owned by `actor` (a writer or reviewer)."""

    code = "create"
    verb = "create phrases"
    default_reason = "Created"

    def __init__(self, *, actor, key: str, content: dict, reason: str = ""):
        super().__init__(None, actor=actor, reason="" if reason == "Created" else reason)
        self.key, self.content = key, content

    def check_input(self):
        content = normalise_content(self.content, key=self.key)
        try:
            self.phrase = Phrase(key=self.key, owner=_person(self.actor), **content)
        except (TypeError, ValueError) as error:
            raise PhraseValidationError(self.key, {"__all__": [str(error)]}) from None
        self.check_content(self.phrase)

    def check_state(self):
        pass

    @transaction.atomic
    def execute(self) -> Phrase:
        self.check()
        self.record()
        save_version(self.phrase, actor=self.actor, reason=self.reason or self.default_reason)
        return self.phrase


class UpdateAction(ContentAction):
    """Edit the working copy. An approved phrase keeps serving its live text until re-approved.

    Fields are applied to the freshly locked row, so two concurrent partial edits never lose each
    other's changes. An edit returns the phrase to draft unless it brings back exactly the live
    text; a reviewer's own fix to a phrase in review keeps it in review, with its findings re-read."""

    code = "update"

    def __init__(self, phrase, *, actor, changes: dict, expected_revision=None, reason=""):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision, reason=reason)
        self.changes = changes

    def check_input(self):
        self.changes = normalise_content(self.changes, key=self.phrase.key)

    def check(self):
        super().check()
        preview = copy(self.phrase)  # the content rules, on the phrase as the edit would leave it
        for name, value in self.changes.items():
            setattr(preview, name, value)
        self.check_content(preview)

    def check_state(self):
        if self.phrase.status == PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is archived; restore it before editing.") % {
                "key": self.phrase.key})

    def apply(self):
        phrase = self.phrase
        self.changed = [name for name, value in self.changes.items() if getattr(phrase, name) != value]
        if not self.changed:
            return
        for name in self.changed:
            setattr(phrase, name, self.changes[name])
        self.check_content(phrase)
        settle_status(phrase, self.actor)
        if not phrase.changes_requested:
            phrase.review_comment = ""  # a reviewer's request stays visible until the writer resubmits
        self.params = {"fields": self.changed}
        self.reason = self.reason or "Edited " + ", ".join(self.changed)

    def changes_anything(self):
        return bool(self.changed)


def settle_status(phrase: Phrase, actor=None) -> None:
    """After a change of text: back to draft, unless it is exactly the live text (approved again);
    a reviewer's own fix to a phrase in review stays in review with its findings re-read."""
    if live_library.live_matches(phrase):
        phrase.status = PhraseStatus.APPROVED
        phrase.changes_requested = False
    elif phrase.status == PhraseStatus.IN_REVIEW and roles.is_reviewer(actor):
        phrase.lint_findings = phrase_findings(phrase)
    else:
        phrase.status = PhraseStatus.DRAFT


class SubmitAction(PhraseAction):
    """Send a draft for review, with an optional note; the brand-voice findings are stored with it."""

    code = "submit"
    verb = "submit phrases for review"
    default_reason = "Submitted for review"

    def __init__(self, phrase, *, actor, note: str = "", expected_revision=None, reason=""):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision, reason=reason)
        self.note = (note or "").strip()

    def check_state(self):
        if self.phrase.status != PhraseStatus.DRAFT:
            self.refuse(_("only a draft can be submitted"))

    def apply(self):
        phrase = self.phrase
        phrase.status = PhraseStatus.IN_REVIEW
        phrase.lint_findings = phrase_findings(phrase)
        phrase.warnings_acknowledged = False
        phrase.review_comment = ""
        phrase.changes_requested = False
        phrase.submit_note = self.note
        phrase.submitted_at = timezone.now()


class ApproveAction(PhraseAction):
    """Approve a phrase in review: its text becomes live and its next review is scheduled.

    The gate: an error-level finding blocks, unless a reviewer dismissed it; a warning needs
    `acknowledge_warnings` (or a dismissal). Pass `findings` already linted to lint only once."""

    code = "approve"
    reviewer_only = True
    verb = "approve phrases"
    default_reason = "Approved"

    def __init__(self, phrase, *, actor, acknowledge_warnings=False, findings=None, expected_revision=None,
                 reason=""):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision, reason=reason)
        self.acknowledge_warnings, self.findings = acknowledge_warnings, findings

    def check_state(self):
        if self.phrase.status != PhraseStatus.IN_REVIEW:
            self.refuse(_("only a phrase in review can be approved"))
        self.check_findings()

    def check_findings(self):
        if self.findings is None:
            self.findings = phrase_findings(self.phrase)
        errors, warnings = standing(self.findings, ERROR), standing(self.findings, WARNING)
        if errors:
            raise LintBlocked(_("Phrase '%(key)s' breaks the chat standards (%(rules)s); fix the text, or a "
                                "reviewer may dismiss a finding that does not apply, with a reason.") % {
                "key": self.phrase.key, "rules": ", ".join(_rules(errors))}, errors)
        if warnings and not self.acknowledge_warnings:
            raise LintBlocked(_("Phrase '%(key)s' has brand-voice warnings (%(rules)s); approve with "
                                "acknowledge_warnings to accept them.") % {
                "key": self.phrase.key, "rules": ", ".join(_rules(warnings))}, warnings)

    def apply(self):
        phrase, now = self.phrase, timezone.now()
        phrase.status = PhraseStatus.APPROVED
        phrase.lint_findings = self.findings
        phrase.warnings_acknowledged = any(f["severity"] == WARNING for f in self.findings)
        phrase.reviewed_by = _person(self.actor)
        phrase.reviewed_at = now
        phrase.review_due_at = (now + timedelta(days=review_interval_days(phrase))).date()
        phrase.review_comment = ""
        phrase.changes_requested = False
        warnings = _rules(standing(self.findings, WARNING))
        dismissed = _rules([f for f in self.findings if f.get("dismissed")])
        self.params = {**self.params, **({"warnings": warnings} if warnings else {}),
                       **({"dismissed": dismissed} if dismissed else {})}
        self.reason = (self.typed_reason or self.default_reason) + (
            " over warnings: " + ", ".join(warnings) if warnings else "") + (
            " with dismissed findings: " + ", ".join(dismissed) if dismissed else "")

    def after(self):
        PublishAction([self.phrase]).execute()
        _announce_review(self.phrase, actor=self.actor, outcome="approved")


class PublishAction:
    """Put saved, approved working copies live (one or a batch). The check: no shortcut or hotkey
    clash in the live library as it will be (`live.publish` checks it with the live rows)."""

    def __init__(self, phrases):
        self.phrases = list(phrases)

    def check(self):
        for phrase in self.phrases:
            if phrase.status != PhraseStatus.APPROVED or phrase.pk is None:
                raise IllegalTransition(_("Phrase '%(key)s' is not a saved, approved text; it cannot go live.") % {
                    "key": phrase.key})

    can = PhraseAction.can

    def execute(self):
        self.check()
        before = drift.live_texts(self.phrases)
        live_library.publish(self.phrases)
        # A variant's new approved text marks the family's other variants "may be outdated"; the
        # published phrases themselves are up to date now.
        drift.clear(self.phrases)
        drift.mark_family(self.phrases, before)


class RejectAction(PhraseAction):
    """Send a phrase in review back to its writer with a comment; the live text stays as it was."""

    code = "reject"
    reviewer_only = True
    verb = "reject phrases"

    def __init__(self, phrase, *, actor, comment: str, expected_revision=None):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision)
        self.comment = (comment or "").strip()

    def check_input(self):
        if not self.comment:
            raise PhraseValidationError(self.phrase.key, {"comment": [_("A rejection needs a comment for the writer.")]})

    def check_state(self):
        if self.phrase.status != PhraseStatus.IN_REVIEW:
            self.refuse(_("only a phrase in review can be rejected"))

    def apply(self):
        phrase = self.phrase
        phrase.status = PhraseStatus.DRAFT
        phrase.changes_requested = True
        phrase.review_comment = self.comment
        phrase.reviewed_by = _person(self.actor)
        phrase.reviewed_at = timezone.now()
        self.params = {"comment": self.comment}
        self.reason = f"Rejected: {self.comment}"

    def after(self):
        _announce_review(self.phrase, actor=self.actor, outcome="rejected", comment=self.comment)


class ConfirmAction(PhraseAction):
    """"Reviewed, still right": restart a live phrase's review clock without a new text."""

    code = "confirm"
    reviewer_only = True
    verb = "confirm phrases after review"
    default_reason = "Reviewed, still right"

    def check_state(self):
        if not (self.phrase.status == PhraseStatus.APPROVED and self.phrase.is_live):
            self.refuse(_("only an approved phrase with no pending edit can be confirmed as still right"))

    def apply(self):
        now = timezone.now()
        self.phrase.reviewed_by = _person(self.actor)
        self.phrase.reviewed_at = now
        self.phrase.review_due_at = (now + timedelta(days=review_interval_days(self.phrase))).date()


class ConfirmVariantAction(PhraseAction):
    """A reviewer confirms a variant marked "may be outdated" still says what its family says:
    the marks go, the text stays (live and working copy alike)."""

    code = "confirm_variant"
    reviewer_only = True
    verb = "confirm that a language variant is still right"
    default_reason = "Variant still right after its family changed"

    def check_state(self):
        if self.phrase.status == PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is archived; restore it before reviewing it.") % {
                "key": self.phrase.key})
        if not self.phrase.drift_marks.exists():
            raise IllegalTransition(_("Phrase '%(key)s' is not marked “may be outdated”; there is nothing to "
                                      "confirm.") % {"key": self.phrase.key})

    def apply(self):
        self.params = {"sources": sorted(self.phrase.drift_marks.values_list("source__key", flat=True))}

    def after(self):
        drift.clear([self.phrase])


class LinkFamilyAction(PhraseAction):
    """Put a phrase into a language family (or take it out with `family=""`).

    A family is metadata, not text a reviewer reads: the working copy keeps its status and an
    approved phrase's live copy takes the new family at once (sync sees the change), with the
    action in history. Writers may link a phrase that is in no family yet ("Add a translation");
    moving a live phrase out of its family, or into another, needs a reviewer. `actor=None` is the
    trusted command line (`manage.py link_families`). The content rules hold: one phrase per
    language in a family, and shared triggers only within one family."""

    code = "link_family"
    verb = "link language variants into families"

    def __init__(self, phrase, *, actor, family: str, expected_revision=None, reason=""):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision, reason=reason)
        self.family = (family or "").strip()

    def check_actor(self):
        if self.actor is not None:
            super().check_actor()

    def check_input(self):
        try:
            validate_family(self.family)
        except ValidationError as error:
            raise PhraseValidationError(self.phrase.key, {"family": error.messages}) from None

    def check_state(self):
        if self.actor is not None and self.phrase.family and self.phrase.family != self.family and self.phrase.is_live:
            roles.require_reviewer(self.actor, "move a live phrase to another language family")
        preview = copy(self.phrase)
        preview.family = self.family
        ContentAction.check_content(self, preview)

    def apply(self):
        self.changed = self.phrase.family != self.family
        self.phrase.family = self.family
        self.params = {"family": self.family}
        self.reason = self.reason or (f"Linked to family {self.family}" if self.family else "Unlinked from its family")

    def changes_anything(self):
        return self.changed

    def after(self):
        live_library.relabel_family([self.phrase])
        drift.clear([self.phrase])  # marks from its former family no longer apply


class ArchiveAction(PhraseAction):
    """Retire a phrase: it leaves the live library. Archiving a live phrase needs a reviewer."""

    code = "archive"
    verb = "archive phrases"
    default_reason = "Archived"

    def check_state(self):
        if self.phrase.status == PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is already archived.") % {"key": self.phrase.key})
        # Read after the row lock: a live text approved meanwhile counts.
        if self.phrase.is_live:
            roles.require_reviewer(self.actor, "archive a live phrase")

    def apply(self):
        self.phrase.status = PhraseStatus.ARCHIVED

    def after(self):
        live_library.unpublish([self.phrase])


class RestoreAction(PhraseAction):
    """Bring an archived phrase back as a draft (it goes through review to be live again)."""

    code = "restore"
    verb = "restore phrases"
    default_reason = "Restored from archive"

    def check_state(self):
        if self.phrase.status != PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is not archived.") % {"key": self.phrase.key})

    def apply(self):
        self.phrase.status = PhraseStatus.DRAFT


class RevertAction(PhraseAction):
    """Restore the text of an earlier version as a new version; history is never rewritten.

    The restored text goes through review like any edit, unless it is exactly the live text.
    With `publish`, a reviewer restores and publishes in one step, under the same brand-voice gate
    as any approval."""

    code = "revert"
    reviewer_only = True
    verb = "revert phrases"

    def __init__(self, phrase, *, actor, version_id: int | None = None, publish=False, acknowledge_warnings=False,
                 expected_revision=None, reason=""):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision, reason=reason)
        self.version_id, self.publish, self.acknowledge_warnings = version_id, publish, acknowledge_warnings

    def check_state(self):
        if self.phrase.status == PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is archived; restore it before reverting.") % {
                "key": self.phrase.key})

    def apply(self):
        phrase = self.phrase
        try:
            version = phrase.history.get(history_id=self.version_id)
        except phrase.history.model.DoesNotExist:
            raise PhraseValidationError(phrase.key, {"version": [_("Phrase '%(key)s' has no version %(id)s.") % {
                "key": phrase.key, "id": self.version_id}]}) from None
        for name in CONTENT_FIELDS:
            attname = "topic_id" if name == "topic" else name
            setattr(phrase, attname, getattr(version, attname))
        if not Topic.objects.filter(pk=phrase.topic_id).exists():
            raise PhraseValidationError(phrase.key, {"topic": [_("The topic of that version no longer exists.")]})
        settle_status(phrase)
        self.params = {"version": self.version_id}
        if self.publish and phrase.status != PhraseStatus.APPROVED:
            approval = ApproveAction(phrase, actor=self.actor, acknowledge_warnings=self.acknowledge_warnings)
            approval.check_findings()
            approval.apply()
            self.approval = approval
            self.code = "revert_publish"
            self.params.update(approval.params)
            self.reason = (self.typed_reason or f"Restored version {self.version_id} and published") + \
                approval.reason[len(approval.default_reason):]
            return
        self.approval = None
        if not phrase.changes_requested:
            phrase.review_comment = ""
        self.reason = self.reason or f"Reverted to version {self.version_id}"

    def after(self):
        if self.approval is not None:
            self.approval.after()


class DeleteAction(PhraseAction):
    """Delete a phrase for good (superusers only); its history keeps a deletion record."""

    code = "delete"

    def check_actor(self):
        if not (self.actor and getattr(self.actor, "is_superuser", False)):
            raise PermissionDenied(_("Only superusers may delete phrases for good; archive it instead."))

    @transaction.atomic
    def execute(self) -> None:
        self.check_actor()
        phrase = locked(self.phrase, self.expected_revision)
        live_library.unpublish([phrase])
        phrase.version_action = {"action": self.code}
        phrase._history_user = _person(self.actor)
        phrase._change_reason = "Deleted"
        phrase.delete()


class DismissFindingAction(PhraseAction):
    """A reviewer overrules one finding on one phrase, with a reason.

    The finding is named by its rule and either the flagged words (`text`) or their span (`start`,
    `end`) in the current body. A dismissed error no longer blocks approval; a dismissed warning
    counts as acknowledged."""

    code = "dismiss"
    reviewer_only = True
    verb = "dismiss brand-voice findings"

    def __init__(self, phrase, *, actor, rule: str, reason: str, text=None, start=None, end=None,
                 expected_revision=None):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision)
        self.rule, self.why, self.text, self.start, self.end = rule, (reason or "").strip(), text, start, end

    def check_input(self):
        if not self.why:
            raise PhraseValidationError(self.phrase.key, {"reason": [
                _("Say why the finding does not apply; the reason is kept in history.")]})

    def check_state(self):
        if self.phrase.status == PhraseStatus.ARCHIVED:
            raise IllegalTransition(_("Phrase '%(key)s' is archived; restore it before reviewing its findings.") % {
                "key": self.phrase.key})

    def apply(self):
        phrase = self.phrase
        findings = run_lint(phrase)
        finding = pick_finding(phrase, findings, rule=self.rule, text=self.text, start=self.start, end=self.end)
        words = flagged_text(phrase.body, finding)
        if FindingDismissal.objects.filter(phrase=phrase, rule=self.rule, text=words).exists():
            raise IllegalTransition(_("The '%(rule)s' finding on «%(words)s» is already dismissed.") % {
                "rule": self.rule, "words": words})
        self.dismissal = FindingDismissal.objects.create(phrase=phrase, rule=self.rule, text=words, reason=self.why,
                                                         dismissed_by=_person(self.actor))
        phrase.lint_findings = phrase_findings(phrase, findings=findings)
        who = self.actor.get_username() if _person(self.actor) else "import"
        self.params = {"rule": self.rule, "words": words, "by": who, "why": self.why}
        self.reason = f"Dismissed finding {self.rule} on «{words}» ({who}): {self.why}"

    def execute(self) -> FindingDismissal:
        super().execute()
        return self.dismissal


class WithdrawDismissalAction(PhraseAction):
    """Undo a dismissal: the finding counts again (and an error blocks approval again)."""

    code = "withdraw"
    reviewer_only = True
    verb = "withdraw dismissals of brand-voice findings"

    def __init__(self, phrase, *, actor, dismissal_id: int, expected_revision=None):
        super().__init__(phrase, actor=actor, expected_revision=expected_revision)
        self.dismissal_id = dismissal_id

    def apply(self):
        phrase = self.phrase
        dismissal = FindingDismissal.objects.filter(phrase=phrase, pk=self.dismissal_id).first()
        if dismissal is None:
            raise PhraseValidationError(phrase.key, {"dismissal": [_("Phrase '%(key)s' has no dismissal %(id)s.") % {
                "key": phrase.key, "id": self.dismissal_id}]})
        dismissal.delete()
        phrase.lint_findings = phrase_findings(phrase)
        self.params = {"rule": dismissal.rule, "words": dismissal.text}
        self.reason = f"Withdrew the dismissal of {dismissal.rule} on «{dismissal.text}»"


IMPORT_REASON = "Imported from library file"


class ImportBatch:
    """The batch form the import uses: each phrase moves to its file's status through the same
    transitions (in memory, after the import's bulk checks), then the batch is written at once:
    versions (`save_versions`), the overrule's dismissals, withdrawals and one publish.

    The caller holds the rows of existing phrases locked and has checked the actor's role."""

    def __init__(self, *, actor, reason: str = ""):
        self.actor, self.reason = actor, reason
        self.created, self.updated, self.to_publish, self.to_withdraw = [], [], [], []
        self.overruled: dict[str, list] = {}
        self._saved = (0, 0)  # how many of `created` and `updated` have their version saved
        self._new_phrase = bulk_rows.maker(Phrase, ("key", "owner", *CONTENT_FIELDS))

    def new(self, *, key: str, content: dict) -> Phrase:
        # Phrase(key=key, owner=…, **content), built as `bulk_rows.maker` builds it (a large import makes
        # one a phrase).
        phrase = self._new_phrase((key, _person(self.actor), *(content[name] for name in CONTENT_FIELDS)))
        self.created.append(phrase)
        return phrase

    def edit(self, phrase: Phrase, *, content: dict) -> Phrase:
        for name in CONTENT_FIELDS:
            setattr(phrase, name, content[name])
        self.updated.append(phrase)
        return phrase

    def move(self, phrase: Phrase, target: str, findings: list[dict], *, held: bool, live: bool,
             overruled: list[dict] | None = None) -> None:
        """Move the working copy to `target` (in memory), recording the action on its version."""
        action = {"action": "import"}
        if target == PhraseStatus.APPROVED:
            approval = ApproveAction(phrase, actor=self.actor, acknowledge_warnings=True, findings=findings,
                                     reason=IMPORT_REASON)
            approval.check_findings()
            approval.apply()
            action.update(approval.params)
            if overruled:
                rules = _rules(overruled)
                action.update({"action": "import_overruled", "rules": rules, "reason": self.reason})
                phrase._change_reason = (f"{IMPORT_REASON}; published over brand-voice findings "
                                         f"({', '.join(rules)}): {self.reason}")
                self.overruled[phrase.key] = overruled
            elif approval.reason != IMPORT_REASON:
                phrase._change_reason = approval.reason  # over warnings, with dismissed findings
            self.to_publish.append(phrase)
        elif target == PhraseStatus.ARCHIVED:
            phrase.status = PhraseStatus.ARCHIVED
            if live:
                self.to_withdraw.append(phrase)
        else:
            phrase.status = target
            if target == PhraseStatus.IN_REVIEW:
                phrase.lint_findings = findings
                phrase.warnings_acknowledged = False
                phrase.submitted_at = timezone.now()
                if held:
                    rules = _rules(standing(findings, ERROR))
                    action = {"action": "import_held", "rules": rules}
                    phrase._change_reason = f"{IMPORT_REASON}; held in review over brand-voice errors: {', '.join(rules)}"
        phrase.version_action = action

    def unsaved(self) -> int:
        return len(self.created) + len(self.updated) - sum(self._saved)

    def save_versions(self) -> None:
        """Save the versions of the phrases moved since the last call (the import writes them while
        it lints the rest); nothing goes live before `execute`."""
        created, updated = self._saved
        save_versions(created=self.created[created:], updated=self.updated[updated:], actor=self.actor,
                      reason=IMPORT_REASON)
        self._saved = (len(self.created), len(self.updated))

    def execute(self) -> None:
        self.save_versions()
        by_key = {phrase.key: phrase for phrase in self.created + self.updated}
        FindingDismissal.objects.bulk_create([
            FindingDismissal(phrase_id=by_key[key].pk, rule=f["rule"], text=flagged_text(by_key[key].body, f),
                             reason=self.reason, dismissed_by=_person(self.actor))
            for key, errors in self.overruled.items() for f in errors
        ], batch_size=500, ignore_conflicts=True)
        live_library.unpublish(self.to_withdraw)
        PublishAction(self.to_publish).execute()
