from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudioConfig(AppConfig):
    """The writers' and reviewers' pages: the working library, the editor, review and history."""

    name = "studio"
    verbose_name = _("Writing and review")
