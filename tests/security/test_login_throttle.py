"""Password guessing: failed logins are limited per account and per real client address, at every
door (token endpoint, /login/, /admin/login/), across worker processes."""
import json
import os
import secrets
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from freezegun import freeze_time

from accounts.throttling import client_address, parse_rate

pytestmark = pytest.mark.django_db
TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = "5/15m"
    settings.LOGIN_FAILURES_PER_ADDRESS = "8/15m"
    settings.TRUSTED_PROXIES = []


def _token(client, username, password, **headers):
    return client.post(TOKEN_URL, {"username": username, "password": password}, content_type="application/json",
                       **headers)


def test_wrong_passwords_for_one_account_get_429_with_retry_after_then_the_right_one_too(client, operator):
    statuses = [_token(client, operator.username, f"guess{i}").status_code for i in range(5)]
    assert statuses == [400] * 5
    refused = _token(client, operator.username, "guess5")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 15 * 60
    assert "throttled" in refused.json()["detail"]
    # The right password is refused too while the window is full, or guessing could go on.
    assert _token(client, operator.username, "pw-" + operator.username).status_code == 429


def test_rotating_x_forwarded_for_does_not_help(client, operator):
    statuses = [_token(client, operator.username, f"guess{i}", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
                for i in range(8)]
    assert statuses == [400] * 5 + [429] * 3
    # Other accounts from the same address: the address limit (8) holds whatever the header says.
    others = [_token(client, f"user{i}", "guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code
              for i in range(5)]
    assert others == [400] * 3 + [429] * 2


def test_forwarded_address_counts_only_from_a_trusted_proxy(client, operator, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    # Each client behind the proxy has its own address limit: 12 accounts from 12 addresses pass.
    statuses = [_token(client, f"user{i}", "guess", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}, 10.1.2.3").status_code
                for i in range(12)]
    assert statuses == [400] * 12
    # One client behind the proxy is limited at 8 failures, whichever account it tries.
    statuses = [_token(client, f"other{i}", "guess", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
                for i in range(9)]
    assert statuses == [400] * 8 + [429]


def test_client_address_reads_forwarded_for_from_the_right_through_trusted_hops(rf, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    spoofed = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9, 10.0.0.2")
    assert client_address(spoofed) == "198.51.100.9"
    direct = rf.get("/", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(direct) == "198.51.100.9"
    ipv6 = rf.get("/", REMOTE_ADDR="2001:db8:1:2:aaaa::1")
    assert client_address(ipv6) == "2001:db8:1:2::/64"
    garbage = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="not-an-address")
    assert client_address(garbage) == "10.0.0.1"


def test_successful_logins_are_not_counted(client, operator):
    for _ in range(12):
        assert _token(client, operator.username, "pw-" + operator.username).status_code == 200
    assert [_token(client, operator.username, f"guess{i}").status_code for i in range(6)] == [400] * 5 + [429]


def test_the_right_password_works_again_once_the_window_has_passed(client, operator):
    start = timezone.now()
    with freeze_time(start) as frozen:
        for i in range(5):
            _token(client, operator.username, f"guess{i}")
        assert _token(client, operator.username, "pw-" + operator.username).status_code == 429
        frozen.move_to(start + timedelta(minutes=15, seconds=1))
        assert _token(client, operator.username, "pw-" + operator.username).status_code == 200


def test_blocked_answer_is_the_same_whether_the_account_exists_or_not(client, operator):
    for name in (operator.username, "nobody-here"):
        for i in range(5):
            _token(client, name, f"guess{i}", REMOTE_ADDR=f"192.0.2.{len(name)}")
    known = _token(client, operator.username, "x", REMOTE_ADDR="192.0.2.200")
    unknown = _token(client, "nobody-here", "x", REMOTE_ADDR="192.0.2.201")
    assert known.status_code == unknown.status_code == 429
    assert known.json() == unknown.json()


@pytest.mark.parametrize("url", ["/login/", "/admin/login/"])
def test_login_pages_refuse_with_429_and_a_translated_message(client, operator, url):
    for i in range(5):
        response = client.post(url, {"username": operator.username, "password": f"guess{i}"})
        assert response.status_code == 200
    refused = client.post(url, {"username": operator.username, "password": "pw-" + operator.username},
                          HTTP_ACCEPT_LANGUAGE="ru")
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 15 * 60
    assert "Слишком много неудачных попыток входа" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    unknown = [client.post(url, {"username": "nobody-here", "password": f"g{i}"}, HTTP_ACCEPT_LANGUAGE="pl",
                           REMOTE_ADDR="192.0.2.50") for i in range(6)]
    assert [r.status_code for r in unknown] == [200] * 5 + [429]
    assert "Zbyt wiele nieudanych prób logowania" in unknown[-1].content.decode()


def test_login_page_and_token_endpoint_share_the_count(client, operator):
    for i in range(3):
        client.post("/login/", {"username": operator.username, "password": f"guess{i}"})
    statuses = [_token(client, operator.username, f"guess{i}").status_code for i in range(3)]
    assert statuses == [400, 400, 429]


def test_a_successful_page_login_is_not_counted(client, operator):
    for _ in range(7):
        response = client.post("/login/", {"username": operator.username, "password": "pw-" + operator.username})
        assert response.status_code == 302
        client.logout()


@pytest.mark.parametrize("rate, expected", [("10/min", (10, 60)), ("10/15m", (10, 900)), ("3/2h", (3, 7200)),
                                            ("100/d", (100, 86400))])
def test_rates_read_count_and_window(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["", "0/m", "ten/m", "10/fortnight", "100000/m"])
def test_unreadable_rates_are_refused(rate):
    with pytest.raises(ValueError):
        parse_rate(rate)


# -- across processes -----------------------------------------------------------------------------

WORKER = textwrap.dedent("""
    import json, sys
    import django
    django.setup()
    from django.test import Client
    worker, attempts = int(sys.argv[1]), int(sys.argv[2])
    client = Client()
    statuses = []
    for i in range(attempts):
        response = client.post("/api/v1/auth/token/", {"username": "olga", "password": f"guess-{worker}-{i}"},
                               content_type="application/json", HTTP_X_FORWARDED_FOR=f"203.0.{worker}.{i}")
        statuses.append(response.status_code)
    right = client.post("/api/v1/auth/token/", {"username": "olga", "password": "right-password"},
                        content_type="application/json")
    print(json.dumps({"statuses": statuses, "right": right.status_code, "retry_after": right.get("Retry-After")}))
""")


@pytest.mark.django_db(transaction=False)
def test_failures_are_counted_across_worker_processes_sharing_the_cache(tmp_path):
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
                   "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "testserver",
                   "DJANGO_SETTINGS_MODULE": "config.settings", "LOGIN_FAILURES_PER_ACCOUNT": "10/min",
                   "LOGIN_FAILURES_PER_ADDRESS": "1000/min", "PYTHONPATH": str(settings.BASE_DIR)}
    environment.pop("CACHE_URL", None)
    environment.pop("THROTTLE_CACHE_URL", None)

    def manage(*args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=environment, check=True,
                       capture_output=True, timeout=300)

    manage("migrate", "--noinput", "-v0")
    manage("shell", "-c", "from django.contrib.auth.models import User; "
                          "User.objects.create_user('olga', password='right-password')")
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(n), "20"], cwd=settings.BASE_DIR,
                                env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in (1, 2)]
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    statuses = results[0]["statuses"] + results[1]["statuses"]
    # 40 wrong passwords from two processes, each with a new X-Forwarded-For: exactly 10 were checked.
    assert statuses.count(400) == 10 and statuses.count(429) == 30
    assert all(result["right"] == 429 and int(result["retry_after"]) >= 1 for result in results)
