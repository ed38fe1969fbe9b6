"""Quickphrases settings, read from the environment (twelve-factor).

Every knob of contract section 1 is an environment variable; nothing secret lives in the repo.
"""
import warnings
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DEBUG", default=False)
# Without SECRET_KEY a per-install key is generated once and kept outside the repo (.secret_key is
# git-ignored), so `make run` works out of the box while production sets its own.
_secret_file = BASE_DIR / ".secret_key"
if "SECRET_KEY" in env:
    SECRET_KEY = env("SECRET_KEY")
else:
    if not _secret_file.exists():
        from django.core.management.utils import get_random_secret_key

        _secret_file.write_text(get_random_secret_key())
    SECRET_KEY = _secret_file.read_text().strip()

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and ReDoc served from our static files, not a CDN
    "simple_history",
    "phrases",
    "phrases.lint",
    "api",
    "accounts",
    "studio",
    "review",
    "reminders",
    "jobs",
    "ops",
    "django_prometheus",
    "suggestions",
]

MIDDLEWARE = [
    # First: a body over its cap is refused before anything reads it.
    "api.middleware.RequestBodyCapMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "api.middleware.RejectNulInQueryMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After LocaleMiddleware and authentication: a logged-in user's chosen interface language wins.
    "accounts.middleware.ProfileLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Answers for a logged-in user or a token are private: no shared cache keeps them.
    "api.middleware.PrivateCacheMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the search index's revision check read while a writer commits.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The interface languages: the user's profile setting, else the browser's Accept-Language.
LANGUAGES = [("ru", "Русский"), ("en", "English"), ("pl", "Polski")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
# Serve static files straight from the apps in development and tests; production runs collectstatic.
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message="No directory at")  # STATIC_ROOT before collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and env.bool("STATIC_MANIFEST", default=False)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGIN_URL = "phrases:login"
LOGIN_REDIRECT_URL = "phrases:search"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Django's own EMAIL_* variables work too, each overriding its part of EMAIL_URL.
for _name, _cast in (("EMAIL_BACKEND", str), ("EMAIL_HOST", str), ("EMAIL_PORT", int), ("EMAIL_HOST_USER", str),
                     ("EMAIL_HOST_PASSWORD", str), ("EMAIL_USE_TLS", bool), ("EMAIL_USE_SSL", bool)):
    if _name in env:
        vars()[_name] = env.get_value(_name, cast=_cast)
if "EMAIL_HOST" in env and "EMAIL_URL" not in env and "EMAIL_BACKEND" not in env:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="quickphrases@localhost")
# Seconds before a silent mail server counts as failed (Django's default waits forever).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=EMAIL_CONFIG.get("EMAIL_TIMEOUT") or 30)

# --- Security behind a TLS proxy -----------------------------------------------------------------
# With BEHIND_TLS_PROXY (and not DEBUG) the defaults are production ones: HTTPS redirect, HSTS for a
# year (subdomains, preload flag), secure cookies; each can be overridden from the environment.
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
_production_tls = BEHIND_TLS_PROXY and not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS_PROXY else None
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_production_tls)
SECURE_REDIRECT_EXEMPT = env.list("SECURE_REDIRECT_EXEMPT", default=[])
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if _production_tls else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_production_tls)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_production_tls)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=_production_tls)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=SESSION_COOKIE_SECURE)

CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://"),
}
# Login throttling counts failures across every worker process, so its cache must be shared: the
# database cache by default (its table is created by `migrate`), or THROTTLE_CACHE_URL (e.g.
# redis://…), or CACHE_URL when that is a shared cache.
_shared_cache = env("CACHE_URL", default="")
CACHES["throttle"] = env.cache(
    "THROTTLE_CACHE_URL",
    default=_shared_cache if _shared_cache and not _shared_cache.startswith(("locmem", "dummy"))
    else "dbcache://quickphrases_throttle")

# Failed logins allowed per account and per client address in a sliding window ("10/15m"), on the
# token endpoint, /login/ and /admin/login/ alike. Successful logins are never counted.
LOGIN_FAILURES_PER_ACCOUNT = env("LOGIN_FAILURES_PER_ACCOUNT", default="10/15m")
LOGIN_FAILURES_PER_ADDRESS = env("LOGIN_FAILURES_PER_ADDRESS", default="30/15m")
# The client address is REMOTE_ADDR unless that is one of these proxies (IPs or CIDR ranges, e.g.
# "127.0.0.1,10.0.0.0/8"): then X-Forwarded-For is read from the right, skipping trusted hops.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# --- Content-Security-Policy (django-csp) ---------------------------------------------------------
# The pages load only their own scripts, styles, images and fonts; nothing inline runs, nothing is
# framed, forms post only here. CSP_REPORT_ONLY=1 sends it as Content-Security-Policy-Report-Only.
_csp = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if env.bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp
else:
    CONTENT_SECURITY_POLICY = _csp

# --- Quickphrases -------------------------------------------------------------------------------
QUICKPHRASES_REVIEW_INTERVAL_DAYS = env.int("QUICKPHRASES_REVIEW_INTERVAL_DAYS", default=30)
# Review reminders: an overdue phrase is mentioned again after this many days; links in e-mails start here.
QUICKPHRASES_REMINDER_REPEAT_DAYS = env.int("QUICKPHRASES_REMINDER_REPEAT_DAYS", default=7)
# A review digest lists at most this many phrases (the most overdue), counts the rest and links to them.
QUICKPHRASES_DIGEST_MAX_PHRASES = env.int("QUICKPHRASES_DIGEST_MAX_PHRASES", default=50)
QUICKPHRASES_SITE_URL = env("QUICKPHRASES_SITE_URL", default="http://127.0.0.1:8000")
QUICKPHRASES_PLACEHOLDERS = env.list(
    "QUICKPHRASES_PLACEHOLDERS",
    default=["client_name", "operator_name", "order_id", "date", "amount", "link"],
)
QUICKPHRASES_LANGUAGES = env.list("QUICKPHRASES_LANGUAGES", default=["ru", "en", "pl"])
# A library file with more phrases than this is imported through the API as a background job.
QUICKPHRASES_IMPORT_SYNC_LIMIT = env.int("QUICKPHRASES_IMPORT_SYNC_LIMIT", default=2000)
# Processes that lint a large import's texts (unset: one per core, at most 4; 1: in-process).
QUICKPHRASES_IMPORT_LINT_PROCESSES = env.int("QUICKPHRASES_IMPORT_LINT_PROCESSES", default=None)
# Client messages kept for learning and the missing-replies report are deleted after this many days.
QUICKPHRASES_SUGGEST_RETENTION_DAYS = env.int("QUICKPHRASES_SUGGEST_RETENTION_DAYS", default=90)

# Request body caps by path prefix (the longest matching prefix wins), enforced before any parsing
# (api.middleware.RequestBodyCapMiddleware): 413 past them. The import takes whole library files.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
REQUEST_BODY_CAPS = {
    "/": DATA_UPLOAD_MAX_MEMORY_SIZE,  # pages and the admin: forms
    "/api/": env.int("QUICKPHRASES_API_MAX_BODY", default=1_048_576),
    "/api/v1/auth/token/": env.int("QUICKPHRASES_LOGIN_MAX_BODY", default=16_384),
    "/api/v1/library/import/": env.int("QUICKPHRASES_IMPORT_MAX_BODY", default=67_108_864),
}

# --- REST framework -----------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.StrictJSONParser"],
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Quickphrases API",
    "DESCRIPTION": "Quick-phrase library: search, sync, review workflow and exports for chat tools.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # People with a role (and chat-tool tokens) only: an account without a role gets 403 here as everywhere.
    "SERVE_PERMISSIONS": ["api.permissions.CanReadLive"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Background jobs, operations and deployment (issue 24) ------------------------------------------
# The task queue lives in the database (jobs app): `manage.py run_worker` processes run its jobs.
# QUICKPHRASES_TASKS_IMMEDIATE runs each job in the enqueuing process right after its transaction
# commits (the tests; a quick script), through the same code a worker runs.
QUICKPHRASES_TASKS_IMMEDIATE = env.bool("QUICKPHRASES_TASKS_IMMEDIATE", default=False)
# Daily tasks (the review digests) are enqueued once a day from this local time (TIME_ZONE), HH:MM.
QUICKPHRASES_DAILY_JOBS_AT = env("QUICKPHRASES_DAILY_JOBS_AT", default="07:00")
# Progress and cancellation of running jobs on SQLite (see jobs/board.py); unused with PostgreSQL.
QUICKPHRASES_JOB_DIR = env("QUICKPHRASES_JOB_DIR", default=str(BASE_DIR / ".jobs"))
# Prometheus metrics at /metrics: from these addresses (IPs or CIDR ranges) without login, else superusers.
QUICKPHRASES_METRICS_ALLOWED = env.list("QUICKPHRASES_METRICS_ALLOWED", default=["127.0.0.1", "::1"])
MIDDLEWARE = [
    "ops.middleware.RequestIdMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    *MIDDLEWARE,
    "ops.metrics.LatencyMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A 403 is routine: one line, never the PermissionDenied's traceback (config/log_filters.py).
    "filters": {"request_id": {"()": "ops.logging.RequestIdFilter"},
                "forbidden_in_one_line": {"()": "config.log_filters.ForbiddenInOneLine"}},
    "formatters": {
        "json": {"()": "ops.logging.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id", "forbidden_in_one_line"],
                             "formatter": env("LOG_FORMAT", default="json")}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
