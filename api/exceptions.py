"""Every API error is JSON: {"detail": …}, plus field errors for validation."""
import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from phrases.errors import DomainError, ImportRejected, LintBlocked, PhraseValidationError, StaleRevision
from phrases.search import SearchQueryError
from suggestions.errors import SuggestInputError

logger = logging.getLogger(__name__)


def _validation_payload(error):
    if hasattr(error, "error_dict"):
        payload = {field: messages for field, messages in error.message_dict.items()}
    else:
        payload = {"non_field_errors": error.messages}
    payload["detail"] = str(error) if isinstance(error, PhraseValidationError) else " ".join(
        f"{field}: {' '.join(messages)}" for field, messages in payload.items())
    return payload


def exception_handler(exc, context):
    if isinstance(exc, ImportRejected):
        return Response({"detail": f"The library file was not imported ({len(exc.problems)} problems).",
                         "problems": exc.problems}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, StaleRevision):
        return Response({"detail": exc.message}, status=status.HTTP_412_PRECONDITION_FAILED)
    if isinstance(exc, LintBlocked):
        return Response({"detail": exc.message, "issues": exc.findings}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DomainError):
        return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, SuggestInputError):
        return Response({"detail": f"{exc.field}: {exc.message}", exc.field: [exc.message]},
                        status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, SearchQueryError):
        return Response({"detail": exc.message, exc.field: [exc.message]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        return Response(_validation_payload(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoPermissionDenied) and str(exc):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    response = drf_exception_handler(exc, context)
    if response is None and not isinstance(exc, Http404):
        logger.exception("Unhandled API error", exc_info=exc)
        return Response({"detail": "Internal server error."}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    if response is not None:
        response.data = _with_detail(response.data)
    return response


def _messages(errors, path=""):
    """Flatten DRF's nested errors into ("field", "message") pairs, plain text only: list items
    are named "keywords[0]", nested members "live.title"."""
    if isinstance(errors, dict):
        for name, value in errors.items():
            child = f"{path}[{name}]" if isinstance(name, int) or str(name).isdigit() else \
                (f"{path}.{name}" if path else str(name))
            yield from _messages(value, child)
    elif isinstance(errors, (list, tuple)):
        for value in errors:
            yield from _messages(value, path)
    else:
        yield path, str(errors)


def _with_detail(data):
    """Field errors keep their shape and gain a human summary in "detail"."""
    if isinstance(data, dict) and "detail" not in data:
        by_field = {}
        for field, message in _messages(data):
            by_field.setdefault(field, []).append(message)
        return {**data, "detail": "; ".join(f"{field}: {' '.join(messages)}" if field else " ".join(messages)
                                            for field, messages in by_field.items())}
    if isinstance(data, list):
        return {"detail": " ".join(message for _, message in _messages(data)), "errors": data}
    return data
