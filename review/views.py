"""The reviewers' pages: the review queue (decide in one action per phrase) and each phrase's
history (versions, diffs, compare, restore, "reviewed, still right").

Views stay thin: a form validates the POST, one service acts, and a domain error becomes a clear
message on the page (4xx) instead of a silent overwrite.
"""
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import roles
from accounts.page_access import reviewer_required, writer_required
from phrases.errors import IllegalTransition, LintBlocked, PhraseValidationError, StaleRevision
from phrases.models import CONTENT_FIELDS, Phrase, PhraseStatus
from phrases.selectors import phrase_versions, topic_labels, version_changes
from phrases.services.actions import ApproveAction, ConfirmAction, DismissFindingAction, RejectAction, RevertAction
from phrases.services.findings import WARNING, standing
from review import presentation
from review.forms import (
    APPROVE_OVER_WARNINGS,
    REJECT,
    CompareForm,
    ConfirmForm,
    DecisionForm,
    DismissForm,
    RestoreForm,
)
from review.selectors import phrase_version, review_queue, users_by_id, version_number

QUEUE_PAGE_SIZE = 20


def _findings_text(findings) -> str:
    return ", ".join(dict.fromkeys(str(presentation.rule_label(f.get("rule", ""))) for f in findings))


def _domain_error_message(phrase: Phrase, error: Exception) -> str:
    """A domain error, said to the reviewer in their language (the services speak English)."""
    title = phrase.title
    if isinstance(error, StaleRevision):
        return _("«%(title)s» was changed by someone else while you were looking at it, so nothing was done. "
                 "Here is its current state: please check it and decide again.") % {"title": title}
    if isinstance(error, IllegalTransition):
        return _("«%(title)s» is no longer waiting for this decision (someone else has already acted on it, "
                 "or it is now %(status)s), so nothing was done.") % {
            "title": title, "status": presentation.status_label(phrase.status)}
    if isinstance(error, LintBlocked):
        if any(f.get("severity") == "error" for f in error.findings):
            return _("«%(title)s» cannot be approved: it breaks the chat standards (%(rules)s). Fix the text "
                     "in the editor or send it back to the writer.") % {
                "title": title, "rules": _findings_text(error.findings)}
        return _("«%(title)s» has brand-voice warnings (%(rules)s). Approve it over the warnings if they are "
                 "acceptable.") % {"title": title, "rules": _findings_text(error.findings)}
    if isinstance(error, PhraseValidationError):
        return _("«%(title)s» could not be saved: %(problems)s") % {
            "title": title, "problems": "; ".join(p["message"] for p in error.problems())}
    raise error


# The review queue ---------------------------------------------------------------------------------

def _live_changes(phrase: Phrase) -> list[dict]:
    """The fields other than title and text in which the working copy differs from the live one."""
    live = phrase.live
    changes = []
    for name in CONTENT_FIELDS:
        if name in ("title", "body"):  # shown as the card's diffs
            continue
        old, new = getattr(live, name), getattr(phrase, name)
        if name == "topic":
            old, new = live.topic.name, phrase.topic.name
        if old != new:
            changes.append({"label": presentation.field_label(name), "html": presentation.change_html(name, old, new)})
    return changes


def _quote(body: str, finding: dict) -> str:
    """The flagged words, unless the finding's message already quotes them."""
    words = body[finding.get("start", 0):finding.get("end", 0)].strip()
    return "" if not words or words in finding.get("message", "") else words


def _card(phrase: Phrase, *, actor, users: dict, now, findings_override=None, form=None) -> dict:
    """Everything one queue card shows about a phrase waiting for review."""
    findings = findings_override if findings_override is not None else (phrase.lint_findings or [])
    findings = sorted(findings, key=lambda f: (f.get("start", 0), f.get("end", 0)))
    live = phrase.live if phrase.is_live else None
    # Findings a reviewer dismissed neither block nor need acknowledging.
    warnings = standing(findings, WARNING)
    submitter = users.get(phrase.submitted_by_id) or phrase.owner
    return {
        "phrase": phrase,
        "is_new": live is None,
        "title_html": presentation.diff_html(live.title if live else None, phrase.title),
        "body_html": presentation.diff_html(live.body if live else None, phrase.body, findings),
        "other_changes": _live_changes(phrase) if live else [],
        "findings": [{"number": number, "severity": f.get("severity"),
                      "severity_label": presentation.SEVERITY_LABELS.get(f.get("severity"), f.get("severity")),
                      "rule": presentation.rule_label(f.get("rule", "")), "message": f.get("message", ""),
                      "suggestion": f.get("suggestion"),
                      "quote": _quote(phrase.body, f), "start": f.get("start"), "end": f.get("end"),
                      "words": Truncator(phrase.body[f.get("start", 0):f.get("end", 0)]).chars(40),
                      "rule_id": f.get("rule", ""), "dismissed": f.get("dismissed")}
                     for number, f in enumerate(findings, start=1)],
        # The approval's own gate, over the findings shown (stored at submit, or the refusal's).
        "blocked": not ApproveAction(phrase, actor=actor, acknowledge_warnings=True, findings=findings).can(),
        "warnings_text": _findings_text(warnings),
        "warnings_count": len(warnings),
        "submitter": submitter,
        "waiting": (timesince(phrase.submitted_at, now, depth=1)
                    if phrase.submitted_at and (now - phrase.submitted_at).total_seconds() >= 60 else None),
        "urls": {"decide": reverse("review:decide", args=[phrase.key]),
                 "dismiss": reverse("review:dismiss", args=[phrase.key]),
                 "history": reverse("review:history", args=[phrase.key]),
                 "edit": reverse("studio:phrase_edit", args=[phrase.key])},
        "form": form,
        "reject_open": isinstance(form, DecisionForm) and form.data.get("action") == REJECT,
        "dismiss_open": isinstance(form, DismissForm),
        "dismissable": [f for f in findings if not f.get("dismissed")],
    }


def _render_queue(request, *, page_number, status=200, failed=None):
    """The queue page. `failed` = (phrase, form, findings) re-shows one card with its errors."""
    paginator = Paginator(review_queue(), QUEUE_PAGE_SIZE)
    page = paginator.get_page(page_number)
    phrases = list(page.object_list)
    users = users_by_id(phrase.submitted_by_id for phrase in phrases)
    now = timezone.now()
    cards = []
    for phrase in phrases:
        extra = {}
        if failed is not None and failed[0].pk == phrase.pk:
            extra = {"form": failed[1], "findings_override": failed[2]}
        cards.append(_card(phrase, actor=request.user, users=users, now=now, **extra))
    return render(request, "review/queue.html", {
        "page": page, "cards": cards, "total": paginator.count,
    }, status=status)


@require_GET
@reviewer_required
def queue(request):
    """Every phrase waiting for review, oldest first, each decided in one action."""
    return _render_queue(request, page_number=request.GET.get("page"))


@require_POST
@reviewer_required
def decide(request, key):
    """Approve, approve over warnings, or reject with a comment: one phrase, one POST."""
    phrase = get_object_or_404(Phrase, key=key)
    page_number = request.POST.get("page") or 1
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was done to «%(title)s»: %(problems)s") % {
            "title": phrase.title,
            "problems": " ".join(str(e) for errors in form.errors.values() for e in errors)})
        return _render_queue(request, page_number=page_number, status=400, failed=(phrase, form, None))
    action, revision = form.cleaned_data["action"], form.cleaned_data["revision"]
    try:
        if action == REJECT:
            RejectAction(phrase=phrase, actor=request.user, comment=form.cleaned_data["comment"],
                                   expected_revision=revision).execute()
        else:
            ApproveAction(phrase=phrase, actor=request.user, expected_revision=revision,
                                    acknowledge_warnings=action == APPROVE_OVER_WARNINGS).execute()
    except (StaleRevision, IllegalTransition, LintBlocked, PhraseValidationError) as error:
        phrase.refresh_from_db()
        messages.error(request, _domain_error_message(phrase, error))
        findings = error.findings if isinstance(error, LintBlocked) else None
        return _render_queue(request, page_number=page_number, status=409, failed=(phrase, form, findings))
    if action == REJECT:
        messages.success(request, _("«%(title)s» was sent back to the writer with your comment.") % {
            "title": phrase.title})
    else:
        messages.success(request, _("«%(title)s» is approved: operators see the new text now.") % {
            "title": phrase.title})
    return redirect(reverse("review:queue") + "?" + urlencode({"page": page_number}))


@require_POST
@reviewer_required
def dismiss(request, key):
    """Overrule one brand-voice finding on a phrase in the queue, with a reason kept in history."""
    phrase = get_object_or_404(Phrase, key=key)
    page_number = request.POST.get("page") or 1
    form = DismissForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("No finding was dismissed on «%(title)s»: %(problems)s") % {
            "title": phrase.title,
            "problems": " ".join(str(e) for errors in form.errors.values() for e in errors)})
        return _render_queue(request, page_number=page_number, status=400, failed=(phrase, form, None))
    data = form.cleaned_data
    try:
        DismissFindingAction(phrase=phrase, actor=request.user, rule=data["rule"], start=data["start"],
                                 end=data["end"], reason=data["reason"], expected_revision=data["revision"]).execute()
    except PhraseValidationError:
        # The finding is no longer where the reviewer saw it: the text or the rules changed meanwhile.
        phrase.refresh_from_db()
        messages.error(request, _("«%(title)s» no longer has that finding (its text or the rules have changed), "
                                  "so nothing was dismissed. Here is its current state.") % {"title": phrase.title})
        return _render_queue(request, page_number=page_number, status=409, failed=(phrase, form, None))
    except (StaleRevision, IllegalTransition) as error:
        phrase.refresh_from_db()
        messages.error(request, _domain_error_message(phrase, error))
        return _render_queue(request, page_number=page_number, status=409, failed=(phrase, form, None))
    messages.success(request, _("The finding on «%(title)s» is dismissed; your reason is kept in its history.") % {
        "title": phrase.title})
    return redirect(reverse("review:queue") + "?" + urlencode({"page": page_number}) + f"#phrase-{phrase.key}")


# History --------------------------------------------------------------------------------------------

def _content(version) -> tuple:
    return tuple(getattr(version, "topic_id" if name == "topic" else name) for name in CONTENT_FIELDS)


def _topic_names(changes: list[dict]) -> list[dict]:
    """The changes with topic slugs (what the API reports) shown as the topics' names, for people."""
    if not any(c["field"] == "topic" for c in changes):
        return changes
    names = topic_labels()
    return [{**c, "old": names.get(c["old"], c["old"]), "new": names.get(c["new"], c["new"])}
            if c["field"] == "topic" else c for c in changes]


def _version_rows(phrase: Phrase, entries: list[dict], *, can_revert: bool) -> list[dict]:
    """One row per version, numbered per phrase from 1 (the oldest), newest first."""
    live_version = phrase.live.version if phrase.is_live else None
    current = _content(entries[0]["version"]) if entries else None
    live_content = next((_content(e["version"]) for e in entries if e["version"].history_id == live_version), None)
    rows = []
    count = len(entries)
    for index, entry in enumerate(entries):
        version = entry["version"]
        entry = {**entry, "changes": _topic_names(entry["changes"])}
        previous = entries[index + 1]["version"] if index + 1 < count else None
        if previous is None:  # the first version: its content as written, empty fields left out
            changes = [{"field": c["field"], "label": presentation.field_label(c["field"]),
                        "html": presentation.value_text(c["field"], c["new"])}
                       for c in entry["changes"] if c["field"] != "status" and c["new"] not in (None, "", [])]
        else:
            changes = [{"field": c["field"], "label": presentation.field_label(c["field"]),
                        "html": presentation.change_html(c["field"], c["old"], c["new"])}
                       for c in entry["changes"] if c["field"] != "status"]
        content = _content(version)
        newest_of_its_text = index == 0 or content != _content(entries[index - 1]["version"])
        rows.append({
            "version": version,
            "number": count - index,
            "author": version.history_user,
            "reason": presentation.version_label(version),
            "status": presentation.status_label(version.status),
            "previous_status": presentation.status_label(previous.status) if previous else None,
            "status_changed": previous is None or previous.status != version.status,
            "changes": changes,
            "is_live": version.history_id == live_version,
            "is_current": index == 0,
            "previous_id": previous.history_id if previous else None,
            # Restore is offered (to those who may revert) once per text, on its newest version, for texts
            # other than the working copy's; publishing, for texts other than the live one.
            "can_restore": can_revert and newest_of_its_text and content != current,
            "can_publish": can_revert and newest_of_its_text and content != current and content != live_content,
        })
    return rows


def _comparison(phrase, rows, query):
    """The `?a=&b=` comparison of any two versions, with its form (errors name the field)."""
    choices = [(row["version"], _("#%(id)s, %(date)s") % {
        "id": row["number"],
        "date": date_format(timezone.localtime(row["version"].history_date), "SHORT_DATETIME_FORMAT")})
        for row in rows]
    if "a" not in query and "b" not in query:
        initial = {}
        if len(rows) > 1:
            initial = {"a": rows[1]["version"].history_id, "b": rows[0]["version"].history_id}
        return CompareForm(versions=choices, initial=initial), None
    form = CompareForm(query, versions=choices)
    if not form.is_valid():
        return form, None
    by_id = {row["version"].history_id: row for row in rows}
    older, newer = by_id[form.cleaned_data["a"]], by_id[form.cleaned_data["b"]]
    changes = _topic_names(version_changes(older["version"], newer["version"]))
    return form, {
        "a": older, "b": newer,
        "changes": [{"label": presentation.field_label(c["field"]),
                     "html": presentation.change_html(c["field"], c["old"], c["new"])} for c in changes],
    }


def _render_history(request, phrase, *, status=200, restore_pending=None, confirm_publish=None):
    entries = phrase_versions(phrase)
    rows = _version_rows(phrase, entries, can_revert=RevertAction(phrase, actor=request.user).can())
    numbers = {row["version"].history_id: row["number"] for row in rows}
    if restore_pending:
        restore_pending = {**restore_pending, "number": numbers.get(restore_pending["version"].history_id)}
    if confirm_publish is not None:
        live = phrase.live if phrase.is_live else None
        confirm_publish = {"version": confirm_publish, "number": numbers.get(confirm_publish.history_id),
                           "diff": presentation.change_html("body", live.body if live else None, confirm_publish.body)}
    compare_form, comparison = _comparison(phrase, rows, request.GET)
    if compare_form.errors and status == 200:
        status = 400
    is_reviewer = roles.is_reviewer(request.user)
    return render(request, "review/history.html", {
        "phrase": phrase,
        "status_label": presentation.status_label(phrase.status),
        "rows": rows,
        "compare_form": compare_form,
        "comparison": comparison,
        "is_reviewer": is_reviewer,
        "can_confirm": ConfirmAction(phrase, actor=request.user).can(),
        "pending_edit": phrase.is_live and phrase.status != PhraseStatus.APPROVED,
        "restore_pending": restore_pending,
        "confirm_publish": confirm_publish,
        "live_number": numbers.get(phrase.live.version) if phrase.is_live else None,
    }, status=status)


def _phrase(key):
    return get_object_or_404(Phrase.objects.select_related("live", "topic", "reviewed_by"), key=key)


@require_GET
@writer_required
def history(request, key):
    """Every version of a phrase with its author, time, reason and diff; compare any two; restore."""
    return _render_history(request, _phrase(key))


@require_POST
@writer_required
def restore(request, key):
    """"Restore this version" (a new version; reviewers), optionally publishing it in the same step."""
    phrase = _phrase(key)
    try:
        RevertAction(phrase, actor=request.user).check_actor()
    except PermissionDenied:
        raise PermissionDenied(_("Only reviewers may restore versions.")) from None
    form = RestoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was restored: %(problems)s") % {
            "problems": " ".join(f"{form.fields[name].label}: {e}" for name, errors in form.errors.items()
                                 for e in errors)})
        return _render_history(request, phrase, status=400)
    data = form.cleaned_data
    version = phrase_version(phrase, data["version"])
    if version is None:
        messages.error(request, _("Nothing was restored: this phrase has no version #%(id)s.") % {
            "id": data["version"]})
        return _render_history(request, phrase, status=400)
    if data["publish"] and not data["confirmed"]:
        # Publishing replaces what operators use at once: one more step, a form that works without JavaScript.
        return _render_history(request, phrase, confirm_publish=version)
    number = version_number(phrase, version)
    try:
        RevertAction(phrase=phrase, actor=request.user, version_id=version.history_id,
                               publish=data["publish"], acknowledge_warnings=data["acknowledge_warnings"],
                               expected_revision=data["revision"]).execute()
    except (StaleRevision, IllegalTransition, LintBlocked, PhraseValidationError) as error:
        phrase = _phrase(key)
        pending = None
        if isinstance(error, LintBlocked) and not any(f.get("severity") == "error" for f in error.findings):
            pending = {"version": version, "warnings": _findings_text(error.findings)}
            messages.warning(request, _("This version has brand-voice warnings (%(rules)s). Confirm below to "
                                        "publish it over them.") % {"rules": _findings_text(error.findings)})
        elif isinstance(error, LintBlocked):
            messages.error(request, _("This version cannot be published: it breaks the chat standards "
                                      "(%(rules)s). Restore it without publishing, fix it and submit it.")
                           % {"rules": _findings_text(error.findings)})
        else:
            messages.error(request, _domain_error_message(phrase, error))
        return _render_history(request, phrase, status=409,
                               restore_pending=pending)
    phrase.refresh_from_db()
    if data["publish"] or phrase.status == PhraseStatus.APPROVED:
        messages.success(request, _("The text of version #%(id)s is restored and live.") % {"id": number})
    else:
        messages.success(request, _("The text of version #%(id)s is restored as a new version; it is now %(status)s.")
                         % {"id": number, "status": presentation.status_label(phrase.status)})
    return redirect("review:history", key=phrase.key)


@require_POST
@reviewer_required
def confirm(request, key):
    """"Reviewed, still right": restart an approved phrase's review clock without a new text."""
    phrase = _phrase(key)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was recorded: the form was incomplete. Please try again."))
        return _render_history(request, phrase, status=400)
    try:
        ConfirmAction(phrase=phrase, actor=request.user,
                                        expected_revision=form.cleaned_data["revision"]).execute()
    except (StaleRevision, IllegalTransition) as error:
        phrase = _phrase(key)
        messages.error(request, _domain_error_message(phrase, error))
        return _render_history(request, phrase, status=409)
    messages.success(request, _("Recorded: the text is still right. The next review is due on %(date)s.") % {
        "date": date_format(Phrase.objects.get(pk=phrase.pk).review_due_at, "DATE_FORMAT")})
    return redirect("review:history", key=phrase.key)
