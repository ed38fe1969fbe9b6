import re
import uuid

from ops.logging import request_id

# A request id given by the proxy in front (X-Request-ID) is kept when it looks like one.
_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


class RequestIdMiddleware:
    """Give each request an id: in every log line written while serving it and in the X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.id = given if _ACCEPTABLE.match(given) else uuid.uuid4().hex
        token = request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = request.id
        return response
