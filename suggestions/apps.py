from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuggestionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "suggestions"
    verbose_name = _("Suggestions")

    def ready(self):
        from phrases.search import understanders
        from suggestions.intent import understand

        if understand not in understanders:
            understanders.append(understand)
