"""Query parameters holding a NUL character are refused at the door, on every page and endpoint.

PostgreSQL cannot store or compare text containing NUL, so `?topic=%00` would otherwise end in a
database error (a 500) wherever the value reaches a query. No parameter of this site means NUL."""
from django.http import HttpResponseBadRequest, JsonResponse
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
