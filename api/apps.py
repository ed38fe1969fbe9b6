from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "REST API"

    def ready(self):
        from api import schema, tokens  # noqa: F401  (OpenAPI extension; login tokens end with the password)
        from config import checks  # noqa: F401  (deployment checks)
