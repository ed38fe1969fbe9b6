from django.apps import AppConfig


class ReviewConfig(AppConfig):
    """The reviewers' pages: the review queue and each phrase's history."""

    name = "review"
    verbose_name = "Review queue and history"
