from django.apps import AppConfig


class StudioConfig(AppConfig):
    """The writers' and reviewers' pages: the working library, the editor, review and history."""

    name = "studio"
    verbose_name = "Writing and review"
