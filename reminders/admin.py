"""The reminder log in the admin: read-only, for reviewers (what was sent to whom, about which phrases)."""
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from accounts import roles
from reminders.models import ReminderDigest, ReminderEntry


class ReadOnlyForReviewers:
    def has_module_permission(self, request):
        return roles.is_reviewer(request.user)

    def has_view_permission(self, request, obj=None):
        return roles.is_reviewer(request.user)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReminderEntryInline(ReadOnlyForReviewers, admin.TabularInline):
    model = ReminderEntry
    fields = ("phrase", "due_on", "days_overdue", "retire_candidate")
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("phrase")


@admin.register(ReminderDigest)
class ReminderDigestAdmin(ReadOnlyForReviewers, admin.ModelAdmin):
    list_display = ("period", "email", "recipient", "language", "phrase_count", "sent_at")
    list_filter = ("period", "language")
    search_fields = ("email", "recipient__username", "entries__phrase__key")
    date_hierarchy = "period"
    fields = ("period", "recipient", "email", "language", "subject", "created_at", "sent_at", "refusal")
    readonly_fields = fields
    inlines = [ReminderEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("recipient").annotate(_phrases=Count("entries"))

    @admin.display(description=_("phrases"), ordering="_phrases")
    def phrase_count(self, obj):
        return obj._phrases
