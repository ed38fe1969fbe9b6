"""Reviewers tune the brand-voice rules here; changes apply without a deploy."""
from django.contrib import admin
from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from phrases.lint.models import RuleSetting, TeamWord, Term
from phrases.lint.spelling import spelling_status
from phrases.models import FindingDismissal


def _dismissal_count(**filters):
    counted = (FindingDismissal.objects.filter(rule=OuterRef("rule"), **filters).order_by()
               .values("rule").annotate(count=Count("pk")).values("count"))
    return Subquery(counted, output_field=IntegerField())


@admin.register(RuleSetting)
class RuleSettingAdmin(admin.ModelAdmin):
    list_display = ("rule", "language", "severity", "limit", "dismissals", "short_description")
    list_editable = ("severity", "limit")
    list_filter = ("severity", "language")

    def get_queryset(self, request):
        # How often reviewers overruled the rule: a row for every language counts every dismissal,
        # a language's own row counts those on phrases in that language.
        return super().get_queryset(request).annotate(dismissal_count=Coalesce(
            Case(When(language="", then=_dismissal_count()),
                 default=_dismissal_count(phrase__language=OuterRef("language"))), 0))

    @admin.display(description=_("dismissed findings"), ordering="dismissal_count")
    def dismissals(self, setting):
        return setting.dismissal_count

    @admin.display(description=_("description"))
    def short_description(self, setting):
        # The whole text is on the rule's own page; the list keeps a readable first sentence.
        return Truncator(setting.description).chars(140)

    def changelist_view(self, request, extra_context=None):
        # Shown under the title by the page's template (admin/lint/rulesetting/change_list.html).
        spelling = [(language, _("available") if status == "available" else
                     _("not checked: no Hunspell dictionary found in %(where)s") % {
                         "where": status.partition(" in ")[2] or "—"})
                    for language, status in spelling_status().items()]
        return super().changelist_view(request, {**(extra_context or {}), "spelling": spelling})


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("pattern", "kind", "language", "suggestion")
    list_filter = ("kind", "language")
    search_fields = ("pattern", "suggestion")


@admin.register(TeamWord)
class TeamWordAdmin(admin.ModelAdmin):
    list_display = ("word", "note")
    search_fields = ("word",)
