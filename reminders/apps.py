from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """The monthly review cycle: reminder digests, review-outcome mail and the health figures."""

    name = "reminders"
    verbose_name = "Review reminders"
