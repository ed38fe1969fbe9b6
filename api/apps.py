from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("REST API")

    def ready(self):
        from api import schema, tokens  # noqa: F401  (OpenAPI extension; login tokens end with the password)
        from config import checks  # noqa: F401  (deployment checks)
