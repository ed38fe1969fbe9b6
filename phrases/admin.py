"""The Django admin for writers and reviewers. Every phrase write is an action (`phrases.services.actions`)."""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from accounts import roles
from phrases.errors import DomainError, PhraseValidationError
from phrases.form_fields import CleanLineField, CleanTextField
from phrases.models import (
    BODY_MAX_LENGTH,
    CONTENT_FIELDS,
    TITLE_MAX_LENGTH,
    TOPIC_NAME_MAX_LENGTH,
    LivePhrase,
    Phrase,
    PhraseUse,
    Topic,
)
from phrases.services.actions import (
    ApproveAction,
    ArchiveAction,
    ConfirmAction,
    CreateAction,
    DeleteAction,
    RejectAction,
    RestoreAction,
    SubmitAction,
    UpdateAction,
)
from phrases.validation import DB_INTEGER_MAX, HOTKEY_MAX_LENGTH, SHORTCUT_MAX_LENGTH

# What a bulk action reports, translated, by its verb.
_DONE = {
    "Submitted": lambda n: ngettext("Submitted %(count)d phrase for review.", "Submitted %(count)d phrases for review.", n),
    "Approved": lambda n: ngettext("Approved %(count)d phrase.", "Approved %(count)d phrases.", n),
    "Rejected": lambda n: ngettext("Sent %(count)d phrase back to its writer.", "Sent %(count)d phrases back to their "
                                   "writers.", n),
    "Confirmed": lambda n: ngettext("Confirmed %(count)d phrase as still right.", "Confirmed %(count)d phrases as "
                                    "still right.", n),
    "Archived": lambda n: ngettext("Archived %(count)d phrase.", "Archived %(count)d phrases.", n),
    "Restored": lambda n: ngettext("Restored %(count)d phrase.", "Restored %(count)d phrases.", n),
}


class TopicNamesForm(forms.ModelForm):
    """The topic's name in each interface language as three plain fields (stored in `names`)."""

    name_ru = CleanLineField(label=_("Name in Russian"), required=False, max_length=TOPIC_NAME_MAX_LENGTH)
    name_en = CleanLineField(label=_("Name in English"), required=False, max_length=TOPIC_NAME_MAX_LENGTH)
    name_pl = CleanLineField(label=_("Name in Polish"), required=False, max_length=TOPIC_NAME_MAX_LENGTH)

    class Meta:
        model = Topic
        fields = ("slug", "name", "parent", "order", "review_interval_days", "reviewer")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for language in ("ru", "en", "pl"):
            self.fields[f"name_{language}"].initial = (self.instance.names or {}).get(language, "")

    def clean(self):
        cleaned = super().clean()
        self.instance.names = {language: cleaned[f"name_{language}"] for language in ("ru", "en", "pl")
                               if cleaned.get(f"name_{language}")}
        return cleaned


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    form = TopicNamesForm
    list_display = ("name", "slug", "parent", "order")
    list_editable = ("order",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class PhraseForm(forms.ModelForm):
    # The revision the editor started from: a concurrent save by someone else is refused.
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=DB_INTEGER_MAX)
    # Text cleaned at the boundary before its checks; triggers taken exactly as typed (never trimmed).
    title = CleanLineField(max_length=TITLE_MAX_LENGTH, label=_("Title"))
    body = CleanTextField(max_length=BODY_MAX_LENGTH, widget=forms.Textarea, label=_("Text"))
    shortcut = forms.CharField(required=False, max_length=SHORTCUT_MAX_LENGTH, strip=False, label=_("Shortcut"))
    hotkey = forms.CharField(required=False, max_length=HOTKEY_MAX_LENGTH, strip=False, label=_("Hotkey"))

    class Meta:
        model = Phrase
        fields = ("key", *CONTENT_FIELDS)

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision

    def clean(self):
        cleaned = super().clean()
        revision = cleaned.get("revision")
        if self.instance.pk and revision is not None:
            current = Phrase.objects.filter(pk=self.instance.pk).values_list("revision", flat=True).first()
            if current != revision:
                raise ValidationError(gettext_now(
                    "Someone else saved this phrase while you were editing it. Open it again to see their "
                    "changes (the history shows both), then reapply yours."))
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if self.errors or self.request is None:
            return
        # The action's own check (reserved keys, trigger clashes, roles): the same rules and
        # messages as every other door, shown on the form's fields.
        try:
            self.action().check()
        except PhraseValidationError as error:
            for field, messages_ in error.message_dict.items():
                for message in messages_:
                    self.add_error(field if field in self.fields else None, message)
        except (DomainError, PermissionDenied) as error:
            self.add_error(None, str(error))

    def action(self):
        data = {name: self.cleaned_data[name] for name in CONTENT_FIELDS}
        if self.instance.pk:
            return UpdateAction(Phrase.objects.get(pk=self.instance.pk), actor=self.request.user, changes=data,
                                expected_revision=self.cleaned_data.get("revision"))
        return CreateAction(actor=self.request.user, key=self.cleaned_data["key"], content=data)


@admin.register(Phrase)
class PhraseAdmin(SimpleHistoryAdmin):
    form = PhraseForm
    list_display = ("key", "title", "language", "topic", "family", "status", "is_live", "review_due_at", "updated_at")
    list_filter = ("status", "language", "topic", "review_due_at")
    search_fields = ("key", "title", "body", "shortcut", "family")
    history_list_display = ("status",)
    readonly_fields = ("status", "live_text", "review_comment", "lint_findings", "warnings_acknowledged",
                       "reviewed_by", "reviewed_at", "review_due_at", "owner", "created_at", "updated_at")
    actions = ("submit_selected", "approve_selected", "approve_over_warnings", "reject_selected",
               "confirm_selected", "archive_selected", "restore_selected")

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.readonly_fields)
        if obj is not None:
            fields.insert(0, "key")
        return fields

    @admin.display(boolean=True, description=_("Live"))
    def is_live(self, obj):
        return obj.is_live

    @admin.display(description=_("Live text (what operators see)"))
    def live_text(self, obj):
        return obj.live.body if obj.is_live else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("topic", "live")

    def revert_disabled(self, request, obj=None):
        # simple-history's revert would save an old row directly; reverting goes through
        # phrase_revert (API), which keeps the live text until approval.
        return True

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class RequestForm(form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, request=request, **form_kwargs)

        return RequestForm

    def save_model(self, request, obj, form, change):
        try:
            saved = form.action().execute()
            if not change:
                obj.pk = saved.pk
        except (PhraseValidationError, DomainError, PermissionDenied) as error:
            # The form already validated; reaching here means a race. Report instead of a 500.
            self.message_user(request, str(error), messages.ERROR)
            raise PermissionDenied(str(error)) from None

    def delete_model(self, request, obj):
        DeleteAction(obj, actor=request.user).execute()

    # Working copies hold drafts and rejected text: only writers and reviewers may see them here,
    # whatever permissions a staff account was given by hand.
    def has_module_permission(self, request):
        return roles.is_writer(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return roles.is_writer(request.user) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return roles.is_writer(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return roles.is_writer(request.user) and super().has_change_permission(request, obj)

    _REVIEWER_ACTIONS = ("approve_selected", "approve_over_warnings", "reject_selected")

    def get_actions(self, request):
        """Offer only the actions the user's role may run."""
        actions = super().get_actions(request)
        if not roles.is_reviewer(request.user):
            for name in self._REVIEWER_ACTIONS:
                actions.pop(name, None)
        if not roles.is_writer(request.user):
            actions.clear()
        return actions

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def _run(self, request, queryset, action, verb, **kwargs):
        done = 0
        for phrase in queryset:
            try:
                action(phrase, actor=request.user, **kwargs).execute()
                done += 1
            except (DomainError, PhraseValidationError, PermissionDenied) as error:
                self.message_user(request, str(error), messages.ERROR)
        if done:
            self.message_user(request, _DONE[verb](done) % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Submit selected phrases for review"))
    def submit_selected(self, request, queryset):
        self._run(request, queryset, SubmitAction, "Submitted")

    @admin.action(description=_("Approve selected phrases"))
    def approve_selected(self, request, queryset):
        self._run(request, queryset, ApproveAction, "Approved")

    @admin.action(description=_("Approve selected phrases over brand-voice warnings"))
    def approve_over_warnings(self, request, queryset):
        self._run(request, queryset, ApproveAction, "Approved", acknowledge_warnings=True)

    @admin.action(description=_("Reject selected phrases (with a comment)"))
    def reject_selected(self, request, queryset):
        comment = request.POST.get("comment", "").strip()
        if "apply" in request.POST and comment:
            self._run(request, queryset, RejectAction, "Rejected", comment=comment)
            return None
        return TemplateResponse(request, "admin/phrases/reject.html", {
            **self.admin_site.each_context(request),
            "title": gettext_now("Reject phrases"),
            "phrases": queryset,
            "missing_comment": "apply" in request.POST,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })

    @admin.action(description=_("Reviewed, still right: restart the review clock of selected phrases"))
    def confirm_selected(self, request, queryset):
        self._run(request, queryset, ConfirmAction, "Confirmed")

    @admin.action(description=_("Archive selected phrases"))
    def archive_selected(self, request, queryset):
        self._run(request, queryset, ArchiveAction, "Archived")

    @admin.action(description=_("Restore selected phrases from the archive"))
    def restore_selected(self, request, queryset):
        self._run(request, queryset, RestoreAction, "Restored")


@admin.register(LivePhrase)
class LivePhraseAdmin(admin.ModelAdmin):
    list_display = ("key", "title", "language", "topic", "shortcut", "hotkey", "approved_by", "approved_at")
    list_filter = ("language", "topic")
    search_fields = ("key", "title", "body", "shortcut")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PhraseUse)
class PhraseUseAdmin(admin.ModelAdmin):
    list_display = ("phrase", "user", "client", "used_at")
    list_filter = ("client",)
    date_hierarchy = "used_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
