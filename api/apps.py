from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "REST API"

    def ready(self):
        from api import schema, tokens  # noqa: F401  (schema: OpenAPI extension registration)
        from config import checks  # noqa: F401  (deployment checks)

        tokens.connect()  # a password change revokes the user's API tokens
