"""Reviewers manage the team's accounts in the admin, without being able to raise anyone's powers.

A reviewer may add people, reset their passwords, activate or deactivate them and put them in the
role groups; only a superuser may grant superuser status or single permissions, touch the admin
accounts, or delete an account (deactivate instead, so history keeps its authors).
"""
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from accounts.roles import ALL_GROUPS, group_label

User = get_user_model()
SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")


class TeamUserAdmin(UserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "roles", "is_active", "is_staff")
    list_filter = ("groups", "is_active", "is_staff", "is_superuser")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("roles"))
    def roles(self, user):
        names = sorted(group_label(group.name) for group in user.groups.all())
        return ", ".join(names + ([str(_("superuser"))] if user.is_superuser else []))

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if request.user.is_superuser:
            return fields
        return (*fields, *SUPERUSER_ONLY_FIELDS, "last_login", "date_joined")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=ALL_GROUPS)
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "groups" and field is not None:
            field.label_from_instance = lambda group: f"{group_label(group.name)} ({group.name})" \
                if group_label(group.name) != group.name else group.name
        return field

    def _touches_an_admin(self, request, obj):
        return obj is not None and obj.is_superuser and not request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return not self._touches_an_admin(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


class TeamGroupAdmin(GroupAdmin):
    list_display = ("name", "role")

    @admin.display(description=_("role"))
    def role(self, group):
        return group_label(group.name)


admin.site.unregister(User)
admin.site.register(User, TeamUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, TeamGroupAdmin)
