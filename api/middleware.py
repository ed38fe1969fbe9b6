"""Checks at the door, before any view runs.

Query parameters holding a NUL character are refused at the door, on every page and endpoint.

PostgreSQL cannot store or compare text containing NUL, so `?topic=%00` would otherwise end in a
database error (a 500) wherever the value reaches a query. No parameter of this site means NUL."""
import io

from django.conf import settings
from django.core.handlers.wsgi import LimitedStream
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext


class RejectNulInQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                name = name.replace("\x00", "\\0")
                message = gettext("The parameter “%(name)s” must not contain a NUL character.") % {"name": name}
                if request.path.startswith("/api/"):
                    return JsonResponse({name: [message], "detail": message}, status=400)
                return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class RequestBodyCapMiddleware:
    """Every request body has a size cap, enforced before anything parses it (settings.REQUEST_BODY_CAPS).

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE guards only `request.body` and form parsing; DRF reads the
    stream itself, so without this a JSON body of any size (even on the unauthenticated token
    endpoint) would be read whole into memory. A declared Content-Length over the cap is refused
    without reading a byte; a body of undeclared length (chunked) is read up to cap + 1 bytes, and
    refused if it has more. Either way the answer is 413 before any view, parser or login runs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.caps = sorted(settings.REQUEST_BODY_CAPS.items(), key=lambda item: len(item[0]), reverse=True)

    def cap_for(self, path):
        return next(cap for prefix, cap in self.caps if path.startswith(prefix))

    def __call__(self, request):
        cap = self.cap_for(request.path_info)
        declared = request.META.get("CONTENT_LENGTH") or ""
        if declared.strip():
            try:
                length = int(declared)
            except ValueError:
                return _refuse(request, 400, gettext("The Content-Length header is not a number."))
            if length > cap:
                return _too_large(request, cap)
        elif request.META.get("wsgi.input_terminated") and "wsgi.input" in request.META:
            # A chunked body: the server knows where it ends, we do not know how long it is.
            data = request.META["wsgi.input"].read(cap + 1)
            if len(data) > cap:
                return _too_large(request, cap)
            request.META["CONTENT_LENGTH"] = str(len(data))
            request._stream = LimitedStream(io.BytesIO(data), len(data))
        return self.get_response(request)


def _too_large(request, cap):
    return _refuse(request, 413, gettext("The request body is larger than this address accepts (%(size)s).")
                   % {"size": filesizeformat(cap)})


def _refuse(request, status, message):
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


class PrivateCacheMiddleware:
    """Authenticated answers are the user's own: `Cache-Control: private, no-store` on every page or
    API answer given to a logged-in user or a token, unless the view set its own Cache-Control (sync
    and exports keep their validators for conditional requests, marked private as well)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        authenticated = (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META
        if authenticated:
            patch_cache_control(response, private=True)
            if "no-cache" not in response.get("Cache-Control", "") and not response.has_header("ETag"):
                patch_cache_control(response, no_store=True)
        return response
