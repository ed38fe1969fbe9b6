"""GET /api/v1/hotkeys/check/?hotkey=…: is a hotkey well-formed, free of the system, kind to every keyboard?

For the phrase editor: errors block saving (the same check the model runs), warnings do not.
"""
from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import IsWriter
from api.views.phrases import ERRORS
from phrases.validation import hotkey_warnings, validate_hotkey


class HotkeyCheckView(APIView):
    permission_classes = [IsWriter]

    @extend_schema(parameters=[OpenApiParameter("hotkey", str, description="e.g. Ctrl+Alt+1 (encode + as %2B)")],
                   responses={200: OpenApiTypes.OBJECT, **ERRORS},
                   description="Errors (the hotkey would be refused) and warnings (it would be accepted but "
                               "misbehave, e.g. Ctrl+Alt+S types «ś» on the Polish layout).")
    def get(self, request):
        value = request.query_params.get("hotkey", "").strip()
        if " " in value and "+" not in value:
            value = "+".join(value.split())  # an unencoded "+" arrives as a space
        try:
            validate_hotkey(value)
            errors = []
        except ValidationError as error:
            errors = error.messages
        return Response({"hotkey": value, "valid": not errors, "errors": errors,
                         "warnings": hotkey_warnings(value) if not errors else []})
