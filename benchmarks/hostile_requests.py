"""Issue 25's reproductions, timed against a running server (the before/after table in the README).

    export DATABASE_URL=sqlite:////tmp/qp-hostile.sqlite3      # a database of its own
    .venv/bin/python manage.py migrate
    .venv/bin/python -m benchmarks.hostile_requests setup > /tmp/qp-hostile-tokens.json
    GUNICORN_BIND=127.0.0.1:8126 WEB_CONCURRENCY=1 .venv/bin/gunicorn -c config/gunicorn.conf.py config.wsgi &
    .venv/bin/python -m benchmarks.hostile_requests run http://127.0.0.1:8126 /tmp/qp-hostile-tokens.json WORKER_PID
    .venv/bin/python -m benchmarks.hostile_requests reset-password      # an admin resets the victim's password
    .venv/bin/python -m benchmarks.hostile_requests run … WORKER_PID password

`run` takes an optional comma-separated list of cases: 10mb 100mb chunked digits revert trigger
topics control schema password (default: all but password). Memory is the worker's resident set
and its peak (VmHWM), read from /proc before and after each request. Other times are the median of
five requests (the first request of a view in a fresh worker also pays for imports).
"""
import http.client
import json
import sys
import time
from urllib.parse import urlparse

MB = 1024 * 1024
DEFAULT_CASES = ["10mb", "100mb", "chunked", "digits", "revert", "trigger", "topics", "control", "schema"]


def _django():
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()


def setup():
    """A writer, a reviewer, a user without a role and an operator (the victim), with tokens."""
    _django()
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    from phrases.models import Topic

    tokens = {}
    for name, group in (("w", "writers"), ("r", "reviewers"), ("norole", None), ("victim", "operators")):
        user, _ = User.objects.get_or_create(username=name, defaults={"email": f"{name}@example.com"})
        user.set_password("Secret-pass-123")
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        tokens[name] = Token.objects.get_or_create(user=user)[0].key
    Topic.objects.get_or_create(slug="delivery", defaults={"name": "Delivery"})
    print(json.dumps(tokens))


def reset_password():
    _django()
    from django.contrib.auth.models import User

    user = User.objects.get(username="victim")
    user.set_password("New-secret-456")
    user.save()


class Server:
    def __init__(self, url, worker):
        self.address = urlparse(url)
        self.worker = worker

    def memory(self):
        values = {}
        with open(f"/proc/{self.worker}/status") as status:
            for line in status:
                if line.startswith(("VmRSS", "VmHWM")):
                    values[line.split(":")[0]] = int(line.split()[1]) // 1024
        return f"{values.get('VmRSS')} (peak {values.get('VmHWM')})"

    def request(self, method, path, body=None, token=None, chunks=None):
        connection = http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=120)
        headers = {"Content-Type": "application/json", "Host": "127.0.0.1"}
        if token:
            headers["Authorization"] = f"Token {token}"
        started = time.perf_counter()
        try:
            if chunks is not None:
                connection.putrequest(method, path)
                for name, value in {**headers, "Transfer-Encoding": "chunked"}.items():
                    connection.putheader(name, value)
                connection.endheaders()
                try:
                    for chunk in chunks:
                        connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    connection.send(b"0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the server answered and closed before the whole body was sent
            else:
                data = body if isinstance(body, bytes) or body is None else body.encode()
                try:
                    connection.request(method, path, body=data, headers=headers)
                except (BrokenPipeError, ConnectionResetError):
                    pass
            response = connection.getresponse()
            return response.status, response.read(), time.perf_counter() - started
        except OSError as error:  # a timeout or reset: the worker died or hung
            return type(error).__name__, b"", time.perf_counter() - started
        finally:
            connection.close()


def _library(topics, phrases=()):
    return json.dumps({"format": "quickphrases/v1", "topics": topics, "phrases": list(phrases)})


def _phrase(key, **extra):
    return {"key": key, "title": f"Title {key}", "body": "Hello {client_name}.", "topic": "delivery",
            "language": "en", "status": "approved", **extra}


DELIVERY = {"slug": "delivery", "name": "Delivery", "parent": None}


REPEATS = 5


def run(server, tokens, cases):
    def row(name, answer, note=""):
        """`answer` is one answer or a callable: then the median of REPEATS calls (a warm worker)."""
        if callable(answer):
            answers = sorted((answer() for _ in range(REPEATS)), key=lambda a: a[2])
            answer = answers[len(answers) // 2]
        status, body, seconds = answer
        print(f"| {name} | {status} | {seconds * 1000:,.1f} ms | {note or body[:80].decode(errors='replace')} |",
              flush=True)

    def big(size_mb, name, **options):
        before = server.memory()
        answer = server.request("POST", "/api/v1/auth/token/", **options)
        time.sleep(0.5)
        row(name, answer, f"worker MB {before} -> {server.memory()}")

    print("| reproduction | status | time | answer or worker memory |\n| --- | --- | --- | --- |")
    if "10mb" in cases:
        big(10, "10 MB JSON array to /api/v1/auth/token/", body=b"[" + b"0," * (5 * MB) + b"0]")
    if "100mb" in cases:
        big(100, "100 MB JSON array to /api/v1/auth/token/", body=b"[" + b"0," * (50 * MB) + b"0]")
    if "chunked" in cases:
        big(100, "100 MB chunked body to /api/v1/auth/token/", chunks=(b"0," * (MB // 2) for _ in range(100)))
    if "digits" in cases:
        row("password 9…9 (4,301 digits) to /api/v1/auth/token/", lambda: server.request(
            "POST", "/api/v1/auth/token/", '{"username": "a", "password": ' + "9" * 4301 + "}"))
    if "revert" in cases:
        server.request("POST", "/api/v1/phrases/", json.dumps(
            {"key": "rev", "title": "Revert me", "body": "Hello {client_name}.", "topic": "delivery",
             "language": "en"}), tokens["w"])
        for digits in (5000, 25):
            row(f"revert with a {digits:,}-digit version", lambda digits=digits: server.request(
                "POST", "/api/v1/phrases/rev/revert/", '{"version": ' + "9" * digits + "}", tokens["r"]))
    if "trigger" in cases:
        server.request("POST", "/api/v1/library/import/", _library(
            [DELIVERY], [_phrase("rtnl-a", shortcut="/rtnl", hotkey="Ctrl+Alt+Shift+9")]), tokens["r"])
        row('import "/rtnl\\n", "Ctrl+Alt+Shift+9\\n" beside the live ones', lambda: server.request(
            "POST", "/api/v1/library/import/", _library(
                [DELIVERY], [_phrase("rtnl-b", shortcut="/rtnl\n", hotkey="Ctrl+Alt+Shift+9\n")]), tokens["r"]))
    if "topics" in cases:
        chain = [{"slug": f"t{i}", "name": f"T{i}", "parent": "delivery" if i == 0 else f"t{i - 1}"}
                 for i in range(1500)]
        row("import of 1,500 nested topics", lambda: server.request(
            "POST", "/api/v1/library/import/", _library([DELIVERY, *chain]), tokens["r"]))
        row("then GET /api/v1/topics/", lambda: server.request("GET", "/api/v1/topics/", None, tokens["w"]), "-")
    if "control" in cases:
        answer = server.request("POST", "/api/v1/phrases/", json.dumps({
            "key": f"ctl-{int(time.time())}", "title": "Re\u200bfund\u202e",
            "body": "\ufeffHello\x07 \x1b[31m{client_name}\x0b.", "topic": "delivery", "language": "en",
            "keywords": ["zero\u200bwidth"]}), tokens["w"])
        stored = json.loads(answer[1]) if answer[0] == 201 else {}
        row("control/format characters in title, body, keywords", answer,
            "stored " + repr({k: stored.get(k) for k in ("title", "body", "keywords")}))
    if "schema" in cases:
        for path in ("/api/v1/schema/", "/api/v1/docs/"):
            row(f"user without a role: GET {path}", lambda path=path: server.request(
                "GET", path, None, tokens["norole"]), "-")
    if "password" in cases:
        row("victim's old token after a password reset",
            lambda: server.request("GET", "/api/v1/search/?q=a", None, tokens["victim"]), "-")
        answer = server.request("POST", "/api/v1/auth/token/", json.dumps(
            {"username": "victim", "password": "New-secret-456"}))
        same = json.loads(answer[1]).get("token") == tokens["victim"] if answer[0] == 200 else None
        row("login with the new password", answer, f"same token as before: {same}")


def main(argv):
    if argv[:1] == ["setup"]:
        return setup()
    if argv[:1] == ["reset-password"]:
        return reset_password()
    if argv[:1] == ["run"] and len(argv) >= 4:
        with open(argv[2]) as handle:
            tokens = json.load(handle)
        cases = argv[4].split(",") if len(argv) > 4 else DEFAULT_CASES
        return run(Server(argv[1], argv[3]), tokens, cases)
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
