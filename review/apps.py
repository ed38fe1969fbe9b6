from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    """The reviewers' pages: the review queue and each phrase's history."""

    name = "review"
    verbose_name = _("Review queue and history")
