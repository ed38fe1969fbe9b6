"""OpenAPI description of our token authentication (loaded by ApiConfig.ready)."""
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.TokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": "`Token <key>`: from POST /api/v1/auth/token/, or a chat-tool token issued by an admin"}
