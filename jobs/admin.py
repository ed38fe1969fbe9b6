from django.contrib import admin

from jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """The queue, read-only: what waits, what runs where, what failed and why."""

    list_display = ["task", "status", "attempts", "created_at", "started_at", "finished_at", "worker"]
    list_filter = ["status", "task"]
    search_fields = ["task", "unique_key", "error"]
    ordering = ["-created_at"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
