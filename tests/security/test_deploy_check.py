"""`manage.py check --deploy` is clean in production behind a TLS proxy, and every setting it checks
can be set from the environment."""
import os
import secrets
import subprocess
import sys

from django.conf import settings


def _check_deploy(**env):
    # Only what a deployment would set: nothing from the test run (e.g. DJANGO_ALLOW_ASYNC_UNSAFE).
    environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    environment.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="phrases.example.com", **env)
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_behind_a_tls_proxy():
    result = _check_deploy(DEBUG="0", BEHIND_TLS_PROXY="true", QUICKPHRASES_SITE_URL="https://phrases.example.com")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_warns_when_the_site_url_is_left_at_its_local_default():
    result = _check_deploy(DEBUG="0", BEHIND_TLS_PROXY="true")
    assert result.returncode != 0
    assert "quickphrases.W001" in result.stderr and "QUICKPHRASES_SITE_URL" in result.stderr


def test_check_deploy_warns_when_the_environment_turns_hsts_and_redirect_off():
    result = _check_deploy(DEBUG="0", BEHIND_TLS_PROXY="true", SECURE_HSTS_SECONDS="0", SECURE_SSL_REDIRECT="false")
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_check_deploy_warns_without_a_tls_proxy():
    result = _check_deploy(DEBUG="0")
    assert "security.W004" in result.stderr and "security.W012" in result.stderr
