"""The server-error page: JSON for the API (its clients parse `{"detail": …}`), Django's page elsewhere.

It touches neither the database nor the session, so it still answers when the database is down."""
from django.http import JsonResponse
from django.utils.translation import gettext
from django.views import defaults


def server_error(request, *args, **kwargs):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": gettext("The server could not answer this request. Please try again shortly; "
                                               "if it persists, tell the administrator the request id."),
                             "request_id": getattr(request, "id", "")}, status=500)
    return defaults.server_error(request, *args, **kwargs)
