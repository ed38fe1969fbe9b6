from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    """The monthly review cycle: reminder digests, review-outcome mail and the health figures."""

    name = "reminders"
    verbose_name = _("Review reminders")

    def ready(self):
        from reminders import receivers  # noqa: F401  (connects the review-outcome mail)
