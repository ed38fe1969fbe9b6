"""Every request body has a size cap enforced before anything parses it: 413 with a JSON detail.

The 100 MB bodies here are never built: a stream hands out zeros on demand, through Django's real
WSGI handler, so the memory measured is the worker's own."""
import io
import json
import sys
import time
import tracemalloc

import pytest
from django.core.handlers.wsgi import WSGIHandler

pytestmark = pytest.mark.django_db(transaction=True)

MB = 1024 * 1024


class Zeros(io.RawIOBase):
    """A body of `size` bytes that exists only as it is read; counts what was read."""

    def __init__(self, size):
        self.left = size
        self.read_bytes = 0

    def readable(self):
        return True

    def read(self, size=-1):
        size = self.left if size is None or size < 0 else min(size, self.left)
        self.left -= size
        self.read_bytes += size
        return b"0" * size

    def readline(self, size=-1):
        return self.read(size)


def _call(path, body, *, length=None, chunked=False, method="POST", content_type="application/json"):
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "127.0.0.1",
        "CONTENT_TYPE": content_type, "wsgi.input": body, "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr,
        "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }
    if length is not None:
        environ["CONTENT_LENGTH"] = str(length)
    if chunked:
        environ["wsgi.input_terminated"] = True
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    content = b"".join(WSGIHandler()(environ, start_response))
    return answer["status"], answer["headers"], content


def _measured(call):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = call()
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, seconds, peak


@pytest.mark.parametrize("chunked", [False, True], ids=["declared length", "chunked"])
def test_a_100_mb_body_to_the_login_endpoint_is_refused_without_reading_it_into_memory(chunked):
    body = Zeros(100 * MB)
    (status, headers, content), seconds, peak = _measured(
        lambda: _call("/api/v1/auth/token/", body, length=None if chunked else 100 * MB, chunked=chunked))
    assert status == 413 and headers["Content-Type"] == "application/json"
    assert "larger than" in json.loads(content)["detail"]
    assert body.read_bytes <= 16_385  # nothing read (declared) or the cap + 1 bytes (chunked)
    assert peak < 3 * MB, f"peak Python allocation {peak / MB:.1f} MB"
    print(f"100 MB body ({'chunked' if chunked else 'declared'}): {status} in {seconds * 1000:.1f} ms, "
          f"peak allocation {peak / 1024:.0f} KiB, {body.read_bytes} bytes read")


def test_a_chunked_body_under_the_cap_is_read_and_parsed(writer):
    payload = json.dumps({"username": writer.username, "password": "pw-" + writer.username}).encode()
    status, _, content = _call("/api/v1/auth/token/", io.BytesIO(payload), chunked=True)
    assert status == 200 and json.loads(content)["token"]


@pytest.mark.parametrize("path, size, refused", [
    ("/api/v1/auth/token/", 17_000, True),
    ("/api/v1/phrases/", 2 * MB, True),
    ("/api/v1/lint/", 900_000, False),
    ("/api/v1/library/import/", 2 * MB, False),
    ("/login/", 3 * MB, True),
])
def test_each_door_has_its_own_cap(path, size, refused):
    status, headers, content = _call(path, Zeros(size), length=size, content_type="application/json"
                                     if path.startswith("/api/") else "application/x-www-form-urlencoded")
    assert (status == 413) is refused, (status, content[:200])
    if refused and path.startswith("/api/"):
        assert "detail" in json.loads(content)


def test_a_content_length_that_is_not_a_number_is_a_400():
    status, _, content = _call("/api/v1/auth/token/", io.BytesIO(b"{}"), length="12abc")
    assert status == 400 and "Content-Length" in json.loads(content)["detail"]
