"""The writers' pages: the working library and the editor. Thin: a form, a selector or service, a template."""
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from accounts import roles
from accounts.page_access import writer_required
from phrases.diffing import has_changes, word_diff
from phrases.errors import IllegalTransition, PhraseValidationError, StaleRevision
from phrases.models import CONTENT_FIELDS, Phrase, PhraseStatus, Topic
from phrases.services.actions import (
    ConfirmVariantAction,
    CreateAction,
    LinkFamilyAction,
    SubmitAction,
    UpdateAction,
)
from phrases.validation import allowed_placeholders, clean_shortcut
from studio import selectors
from studio.forms import STATUS_LABELS, PhraseFilterForm, PhraseForm, language_choices

PAGE_SIZE = 50


@writer_required
@require_GET
def phrase_list(request):
    """The working library: every phrase with its status, findings, owner, next review and usage."""
    form = PhraseFilterForm(request.GET)
    if form.is_valid():
        filters = form.cleaned_data
    else:
        filters = {name: value for name, value in form.cleaned_data.items()}  # the valid ones still apply
    page = Paginator(selectors.phrase_list(filters=filters, actor=request.user), PAGE_SIZE).get_page(
        request.GET.get("page"))
    rows = [{"phrase": phrase, "findings": selectors.findings_summary(phrase.lint_findings),
             "status_label": STATUS_LABELS.get(phrase.status, phrase.status)} for phrase in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "studio/phrase_list.html", {
        "form": form, "page": page, "rows": rows, "query": query.urlencode(),
        "status_labels": STATUS_LABELS, "filtered": any(filters.get(name) for name in form.fields),
        "owner_choices": _owner_choices(request.user),
        "flags": {name: filters.get(name) for name in ("overdue", "unapproved", "unused", "flagged", "reminded",
                                                        "outdated")},
        "family": filters.get("family") or "",
        "selects": _select_options(form, ("topic", "language", "status", "due")),
    }, status=200 if form.is_valid() else 400)


def _select_options(form, names):
    """(value, label, selected) for each filter select, rendered in a plain loop: the widget
    templates cost a template include per option on a page that should be quick."""
    options = {}
    for name in names:
        current = str(form[name].value() or "")
        options[name] = [(str(value), label, str(value) == current) for value, label in form.fields[name].choices]
    return options


def _owner_choices(user):
    from django.contrib.auth import get_user_model

    from accounts.roles import REVIEWERS, WRITERS

    people = (get_user_model().objects.filter(groups__name__in=[WRITERS, REVIEWERS], is_active=True)
              .exclude(pk=user.pk).distinct().order_by("username").values_list("username", flat=True))
    return list(people)


def _samples(request):
    """Sample values for the preview of {placeholders}."""
    name = request.user.get_full_name() or request.user.get_username()
    samples = {
        "client_name": _("Anna"), "operator_name": name, "order_id": "A-10482",
        "date": formats.date_format(timezone.localdate() + timedelta(days=2), "SHORT_DATE_FORMAT"),
        "amount": formats.number_format(1250, decimal_pos=2, use_l10n=True), "link": "https://example.com/t/A-10482",
    }
    return {name: samples.get(name, name.replace("_", " ")) for name in allowed_placeholders()}


def _family_context(request, phrase, source):
    """The family's other variants, the "may be outdated" marks with their diffs, and which
    languages a translation may still be added in."""
    from review import presentation

    anchor = phrase if phrase is not None and phrase.pk else source
    variants = selectors.family_variants(anchor) if anchor is not None else []
    if source is not None and (phrase is None or not phrase.pk):
        variants = [source, *[v for v in variants if v.pk != source.pk]]
    taken = {v.language for v in variants} | ({anchor.language} if anchor is not None else set())
    marks = []
    if phrase is not None and phrase.pk:
        for mark in phrase.drift_marks.select_related("source"):
            marks.append({"source": mark.source, "at": mark.created_at,
                          "changes": [{"label": presentation.field_label(name),
                                       "html": presentation.change_html(name, before, after)}
                                      for name, (before, after) in sorted(mark.changes.items())]})
    return {
        "variants": variants, "drift_marks": marks,
        "can_confirm_variant": bool(marks) and ConfirmVariantAction(phrase, actor=request.user).can(),
        "translate_into": [(code, label) for code, label in language_choices() if code not in taken]
        if anchor is not None and anchor.pk else [],
        "source": source,
        "family_name": (phrase.family if phrase is not None and phrase.family else
                        source.family if source is not None else ""),
    }


def _editor(request, form, phrase=None, *, status=200, stale=None, source=None):
    live = getattr(phrase, "live", None) if phrase is not None and phrase.pk else None
    body = form["body"].value() if form.is_bound else (phrase.body if phrase else "")
    language = form["language"].value() if form.is_bound else (phrase.language if phrase else "")
    diff = word_diff(live.body, body) if live is not None else None
    samples = _samples(request)
    return render(request, "studio/editor.html", {
        "form": form, "phrase": phrase, "live": live,
        "diff": diff if diff and has_changes(diff) else None,
        "findings": selectors.findings_summary(phrase.lint_findings) if phrase else None,
        "status_labels": STATUS_LABELS, "stale": stale,
        "samples": samples, "languages": dict(language_choices()),
        # Rendered by the server too, so the page shows them without JavaScript; the script redraws both.
        "current_findings": selectors.text_findings(body, language), "preview": selectors.preview(body, samples),
        "conflict": _conflict(stale, form) if stale else None,
        "keywords": form.fields["keywords"].to_python(form["keywords"].value()),
        "editable": phrase is None or phrase.status != PhraseStatus.ARCHIVED,
        "i18n_strings": _editor_strings(), "is_reviewer": roles.is_reviewer(request.user),
        **_family_context(request, phrase, source),
    }, status=status)


def _conflict(current, form):
    """Who saved meanwhile and what they changed, each field as a word diff."""
    from review import presentation

    conflict = selectors.edit_conflict(current, seen_revision=form.initial.get("seen_revision") or 0)
    conflict["changes"] = [{"label": presentation.field_label(c["field"]),
                            "html": presentation.change_html(c["field"], c["old"], c["new"])}
                           for c in conflict["changes"]]
    return conflict


def _editor_strings():
    """The editor script's words, translated here so the script holds none."""
    return {
        "noFindings": _("No brand-voice findings."),
        "findings": _("Brand-voice findings. Errors: %(errors)s, warnings: %(warnings)s."),
        "error": _("Error"), "warning": _("Warning"),
        "show": _("Show in the text"), "showFragment": _("Show «%(text)s» in the text"),
        "applyFragment": _("Replace «%(text)s» with «%(suggestion)s»"), "lintFailed": _("The text could not be checked just now; it is checked again "
                                                       "when you submit."),
        "free": _("Free"), "keyWillBe": _("Will be: %(key)s"), "remove": _("Remove keyword %(word)s"),
        "hotkeyHint": _("Use a letter, a digit or F1–F12 with Ctrl, Alt or Win."),
        "spellingOff": _("Spelling is not checked on this server."),
        "chars": _("Characters: %(count)s / %(max)s"),
    }


def _apply_service_errors(form, error: PhraseValidationError):
    for field, messages_ in error.message_dict.items():
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


def _after_submit(request, phrase):
    # The rule: a phrase with blocking errors can be submitted; the reviewer then either overrules each
    # error with a reason (recorded in history) or sends the phrase back. Nothing else is asked of the writer.
    counts = selectors.findings_summary(phrase.lint_findings)
    if counts["errors"]:
        messages.warning(request, ngettext(
            "Sent for review with %(count)d brand-voice error. The reviewer will either overrule it with a "
            "reason or send the phrase back to you.",
            "Sent for review with %(count)d brand-voice errors. The reviewer will either overrule each of them "
            "with a reason or send the phrase back to you.", counts["errors"]) % {"count": counts["errors"]})
    elif counts["warnings"]:
        messages.success(request, ngettext(
            "Sent for review. The reviewer will see %(count)d warning.",
            "Sent for review. The reviewer will see %(count)d warnings.", counts["warnings"]) % {"count": counts["warnings"]})
    else:
        messages.success(request, _("Sent for review. No brand-voice findings."))


@writer_required
@require_http_methods(["GET", "POST"])
def phrase_new(request):
    """Create a phrase; "Submit for review" creates and submits it in one step."""
    # "Add a translation": the variant's source phrase, shown beside the form.
    source = Phrase.objects.filter(key=(request.GET.get("variant_of") or request.POST.get("variant_of") or "")[:100]
                                   ).select_related("topic").first()
    if request.method != "POST":
        initial = {"language": request.GET.get("language") or _default_language(request)}
        # "Draft a phrase for this" (missing replies on /health/) also brings a topic and a note.
        topic = Topic.objects.filter(slug=request.GET.get("topic", "")[:64]).first()
        if topic:
            initial["topic"] = topic
        if request.GET.get("note"):
            initial["note"] = request.GET["note"][:1000]
        if source is not None:
            initial.update({"topic": source.topic, "shortcut": source.shortcut, "hotkey": source.hotkey,
                            "family": source.family or selectors.suggest_family(source)})
        return _editor(request, PhraseForm(initial=initial), source=source)
    form = PhraseForm(request.POST)
    if not form.is_valid():
        return _editor(request, form, status=400, source=source)
    data = form.cleaned_data
    key = data["key"] or selectors.suggest_key(data["title"], data["language"])
    try:
        with transaction.atomic():
            if source is not None and not source.family and data["family"]:
                # The source joins the family first, so the new variant may share its triggers.
                LinkFamilyAction(source, actor=request.user, family=data["family"]).execute()
            phrase = CreateAction(actor=request.user, key=key, content=form.content()).execute()
            if "submit" in request.POST:
                phrase = SubmitAction(phrase=phrase, actor=request.user, note=data["note"]).execute()
    except PhraseValidationError as error:
        _apply_service_errors(form, error)
        return _editor(request, form, status=400, source=source)
    except PermissionDenied as error:
        form.add_error("family", str(error))
        return _editor(request, form, status=403, source=source)
    if "submit" in request.POST:
        _after_submit(request, phrase)
    else:
        messages.success(request, _("Draft saved. Operators will not see it until a reviewer approves it."))
    return redirect("studio:phrase_edit", key=phrase.key)


def _default_language(request):
    profile = getattr(request.user, "profile", None) if hasattr(request.user, "profile") else None
    preferred = [code for code in (getattr(profile, "phrase_languages", None) or []) if isinstance(code, str)]
    for code in preferred + [getattr(request, "LANGUAGE_CODE", "")]:
        if code in settings.QUICKPHRASES_LANGUAGES:
            return code
    return ""


@writer_required
@require_http_methods(["GET", "POST"])
def phrase_edit(request, key):
    """Edit a working copy. The live text, if any, stays what operators see until a reviewer approves."""
    phrase = get_object_or_404(Phrase.objects.select_related("topic", "live", "owner"), key=key)
    if request.method != "POST":
        initial = {name: getattr(phrase, name) for name in CONTENT_FIELDS}
        initial["revision"] = phrase.revision
        return _editor(request, PhraseForm(initial=initial, phrase=phrase), phrase)
    form = PhraseForm(request.POST, phrase=phrase)
    if phrase.status == PhraseStatus.ARCHIVED:
        messages.error(request, _("This phrase is archived. A reviewer can restore it from its history."))
        return redirect("studio:phrase_edit", key=phrase.key)
    if not form.is_valid():
        return _editor(request, form, phrase, status=400)
    data = form.cleaned_data
    submitting = "submit" in request.POST
    try:
        with transaction.atomic():
            updated = UpdateAction(phrase=phrase, actor=request.user, changes=form.content(),
                                             expected_revision=data["revision"]).execute()
            if submitting and updated.status == PhraseStatus.DRAFT:
                updated = SubmitAction(phrase=updated, actor=request.user, note=data["note"]).execute()
    except StaleRevision:
        current = Phrase.objects.select_related("topic", "live", "owner").get(pk=phrase.pk)
        # The form keeps what the user typed; the next save is a deliberate choice made after seeing this.
        form.data = form.data.copy()
        form.initial["seen_revision"] = data["revision"]
        form.data["revision"] = current.revision
        return _editor(request, form, current, status=409, stale=current)
    except PhraseValidationError as error:
        _apply_service_errors(form, error)
        return _editor(request, form, phrase, status=400)
    except IllegalTransition as error:
        messages.error(request, error.message)
        return redirect("studio:phrase_edit", key=phrase.key)
    if submitting and phrase.status == PhraseStatus.IN_REVIEW and updated.status == PhraseStatus.IN_REVIEW:
        messages.info(request, _("Saved. The phrase was already waiting for review and stays in the queue."))
    elif submitting and updated.status == PhraseStatus.APPROVED:
        messages.info(request, _("Nothing to submit: the text is the approved one."))
    elif submitting:
        _after_submit(request, updated)
    elif updated.revision == data["revision"]:
        messages.info(request, _("No changes to save."))
    elif updated.status == PhraseStatus.APPROVED:
        messages.success(request, _("Saved: the text is the approved one again, so nothing waits for review."))
    elif updated.status == PhraseStatus.IN_REVIEW:
        messages.success(request, _("Saved. The phrase stays in review with your fix."))
    else:
        messages.success(request, _("Draft saved. Operators keep the approved text until a reviewer approves "
                                    "this one.") if updated.is_live else _("Draft saved."))
    return redirect("studio:phrase_edit", key=updated.key)


@writer_required
@require_http_methods(["POST"])
def variant_confirm(request, key):
    """A reviewer's "still right" for a variant marked "may be outdated"."""
    phrase = get_object_or_404(Phrase, key=key)
    try:
        ConfirmVariantAction(phrase, actor=request.user,
                             expected_revision=_int_or_none(request.POST.get("revision"))).execute()
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect("studio:phrase_edit", key=phrase.key)
    except (IllegalTransition, StaleRevision) as error:
        messages.error(request, error.message)
        return redirect("studio:phrase_edit", key=phrase.key)
    messages.success(request, _("Recorded: this variant still says what its family says."))
    return redirect("studio:phrase_edit", key=phrase.key)


def _int_or_none(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None


@writer_required
@require_GET
def phrase_check(request):
    """As the writer types: is the shortcut or hotkey taken, and which key would the title make?"""
    params = {name: request.GET.get(name, "").strip() for name in ("key", "language", "shortcut", "hotkey", "title", "family")}
    if any(len(value) > 200 for value in params.values()):
        return JsonResponse({"detail": _("Each parameter may have at most 200 characters.")}, status=400)
    answer = {}
    conflicts = selectors.trigger_conflicts(key=params["key"], language=params["language"],
                                            shortcut=clean_shortcut(params["shortcut"]), hotkey=params["hotkey"],
                                            family=params["family"].lower())
    for field in ("shortcut", "hotkey"):
        if params[field]:
            holder = conflicts.get(field)
            if holder is None:
                answer[field] = {"free": True, "message": ""}
            elif field == "shortcut":
                answer[field] = {"free": False, "holder": holder, "message": _(
                    "Already used by another phrase in this language%(holder)s.") % {
                    "holder": f" ({holder})" if holder else ""}}
            else:
                answer[field] = {"free": False, "holder": holder, "message": _(
                    "Already used by another phrase%(holder)s.") % {"holder": f" ({holder})" if holder else ""}}
    if params["title"] and not params["key"]:
        answer["key"] = selectors.suggest_key(params["title"], params["language"])
    return JsonResponse(answer)
