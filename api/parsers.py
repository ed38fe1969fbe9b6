"""The API reads JSON strictly (phrases.strict_json): no NUL, no lone surrogates, no duplicate
member names, no nesting past a sane depth. A bad member is a 400 naming it, never a 500."""
from django.conf import settings
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import JSONParser

from phrases import strict_json


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = stream.read().decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise ParseError(f"The request body is not valid {encoding} text.") from None
        try:
            return strict_json.loads(text)
        except strict_json.StrictJSONError as error:
            if error.field:
                raise ValidationError({error.field: [error.message[:1].upper() + error.message[1:]]}) from None
            raise ParseError(f"JSON parse error: {error.message}") from None
