from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """The task queue: jobs kept in the database, run by `manage.py run_worker` processes."""

    name = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        # Each app declares its tasks in its own tasks.py (api/tasks.py, reminders/tasks.py, …).
        autodiscover_modules("tasks")
