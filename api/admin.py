"""Admins issue and revoke read-only chat-tool tokens; the key is shown once."""
from django.contrib import admin, messages
from django.utils import timezone

from api.models import ChatToolToken


@admin.register(ChatToolToken)
class ChatToolTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "prefix", "created_by", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "created_by", "created_at", "last_used_at")
    fields = ("name", "prefix", "created_by", "created_at", "last_used_at", "revoked_at")
    actions = ("revoke",)

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        token, key = ChatToolToken.issue(name=obj.name, created_by=request.user)
        obj.pk, obj.prefix, obj.key_hash = token.pk, token.prefix, token.key_hash
        obj._state.adding = False
        self.message_user(request, f"Token for {token.name}: {key} — copy it now, it is not shown again.",
                          messages.WARNING)

    @admin.action(description="Revoke selected tokens")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"Revoked {count} token(s).")
