"""Reviewers tune the brand-voice rules here; changes apply without a deploy."""
from django.contrib import admin

from phrases.lint.models import RuleSetting, TeamWord, Term
from phrases.lint.spelling import spelling_status


@admin.register(RuleSetting)
class RuleSettingAdmin(admin.ModelAdmin):
    list_display = ("rule", "language", "severity", "limit", "description")
    list_editable = ("severity", "limit")
    list_filter = ("severity", "language")

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "subtitle": "Spelling: " + "; ".join(
            f"{language} {status}" for language, status in spelling_status().items())}
        return super().changelist_view(request, extra_context)


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("pattern", "kind", "language", "suggestion")
    list_filter = ("kind", "language")
    search_fields = ("pattern", "suggestion")


@admin.register(TeamWord)
class TeamWordAdmin(admin.ModelAdmin):
    list_display = ("word", "note")
    search_fields = ("word",)
