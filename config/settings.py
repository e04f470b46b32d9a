"""Settings for Teamlæring, read from environment variables with safe defaults.

Production is the default: debug is off unless DJANGO_DEBUG says otherwise, and then a
secret key must be given. `make run` turns debug on and supplies a local key.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.csp import CSP

# Django's generic classes (ModelAdmin[Team], QuerySet[Meeting]) can be subscripted at run time,
# as django-stubs types them.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
TESTING = env_bool("TEAMLAERING_TESTING")

# Without debug there is no fallback: the web server refuses to start (config/wsgi.py) and
# Django refuses to sign anything, while management commands such as migrate still work.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and (DEBUG or TESTING):
    SECRET_KEY = "insecure-local-development-key-only-used-with-debug-or-tests"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if (DEBUG or TESTING) else ""
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "config.apps.LoginRecordsConfig",
    "config.apps.TaskQueueConfig",
    "core",
    "teams",
    "meetings",
    "cases",
    "learnings",
    "rollups",
    "visits",
    "products",
    "thememeetings",
    "dashboard",
]

MIDDLEWARE = [
    # First: every later line of the log carries the request's id; the health probe is
    # answered before sessions, hosts and the HTTPS redirect (core/health.py).
    "core.requestid.RequestIdMiddleware",
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "teams.middleware.RoleMemoMiddleware",
    "teams.middleware.SessionTimeoutMiddleware",
    "teams.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

if not (DEBUG or TESTING):
    # In production whitenoise serves the collected static files; runserver and the test
    # server serve them from the apps in development.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.csp.ContentSecurityPolicyMiddleware") + 1,
        "whitenoise.middleware.WhiteNoiseMiddleware",
    )

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dashboard.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Without a busy timeout two simultaneous writers on SQLite fail at once instead of
    # waiting; IMMEDIATE takes the write lock up front so transactions do not deadlock.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )

elif not TESTING:
    # Under ASGI each request's database work runs in a thread of its own, so a persistent
    # connection is never reused: every request would open a new PostgreSQL connection (about
    # 10 ms) and leave it until the thread is collected (bench/RESULTS.md). A pool per worker
    # process hands them back at the end of each request instead. Its size bounds how many
    # requests of a worker run at once: under the GIL only one runs Python at a time, and
    # more of them only share it more thinly (in the benchmark's burst of 70 "Næste fase",
    # screens waited 3.5 s with 20 per worker, 1.2 s with 8). README (Production) says what
    # it asks of PostgreSQL's max_connections.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": int(os.environ.get("TEAMLAERING_DB_POOL_SIZE", "8")),
        "timeout": 10,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "teams.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Single sign-on (teams/oidc): answers only the provider's callback, and only when it is
    # configured below; otherwise it signs no one in.
    "teams.oidc.backend.OidcBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "login"

# Language: Danish for everyone unless the user has chosen English on their account.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
# The app's own catalogues first; then Danish for packages that have none (the admin site).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "config" / "vendor_locale"]
# The app's own date formats per language (templates use their names: |date:"DATE_FORMAT").
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Content Security Policy: nothing inline without a nonce, nothing from other origins.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Sessions: a working day without a user action ends the session, and so does an absolute
# limit counted from login. Polls from meeting screens do not count as actions.
SESSION_IDLE_TIMEOUT = timedelta(hours=int(os.environ.get("TEAMLAERING_SESSION_IDLE_HOURS", "8")))
SESSION_ABSOLUTE_TIMEOUT = timedelta(
    hours=int(os.environ.get("TEAMLAERING_SESSION_ABSOLUTE_HOURS", "12"))
)
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT.total_seconds())
# Django's database sessions, with the signed-in person recorded beside each (teams.sessions),
# so that a deactivated account or a changed password ends every session of the person.
SESSION_ENGINE = "teams.sessions"
# A link to set a new password ("Glemt adgangskode?") works for an hour; an invitation's link
# for seven days (teams.tokens).
PASSWORD_RESET_TIMEOUT = 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not TESTING)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
    # Preloading binds every subdomain of the municipality's domain: its IT department decides
    # that (DJANGO_HSTS_PRELOAD), not this app, so the check's reminder is silenced.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SESSION_COOKIE_SECURE = not TESTING
    CSRF_COOKIE_SECURE = not TESTING

# Single sign-on with OpenID Connect (teams/oidc, mozilla-django-oidc): on when an issuer, a
# client id and its secret are given, off (and invisible) otherwise. The provider's endpoints come
# from its discovery document (ISSUER/.well-known/openid-configuration) unless given here.
TEAMLAERING_OIDC_ISSUER = os.environ.get("TEAMLAERING_OIDC_ISSUER", "")
OIDC_RP_CLIENT_ID = os.environ.get("TEAMLAERING_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("TEAMLAERING_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("TEAMLAERING_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("TEAMLAERING_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("TEAMLAERING_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("TEAMLAERING_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = os.environ.get("TEAMLAERING_OIDC_SIGN_ALGORITHM", "RS256")
OIDC_RP_SCOPES = os.environ.get("TEAMLAERING_OIDC_SCOPES", "openid email profile")
# The claim whose value is the person's username in Teamlæring (case ignored).
TEAMLAERING_OIDC_USERNAME_CLAIM = os.environ.get(
    "TEAMLAERING_OIDC_USERNAME_CLAIM", "preferred_username"
)
# Optional: only people whose claim (e.g. "groups" or "roles") holds this value may sign in.
TEAMLAERING_OIDC_ACCESS_CLAIM = os.environ.get("TEAMLAERING_OIDC_ACCESS_CLAIM", "")
TEAMLAERING_OIDC_ACCESS_VALUE = os.environ.get("TEAMLAERING_OIDC_ACCESS_VALUE", "")
# Optional: a person unknown to Teamlæring is created, without teams, in this organisation
# (its name); without it they are refused.
TEAMLAERING_OIDC_NEW_USERS_ORGANISATION = os.environ.get(
    "TEAMLAERING_OIDC_NEW_USERS_ORGANISATION", ""
)
# The login page's button reads "Log ind med <this>".
TEAMLAERING_OIDC_PROVIDER_NAME = os.environ.get("TEAMLAERING_OIDC_PROVIDER_NAME", "")
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc:callback"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10

# Login throttling: five failures lock the username for a while, then it unlocks by itself.
AXES_FAILURE_LIMIT = int(os.environ.get("TEAMLAERING_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("TEAMLAERING_LOGIN_COOLOFF_MINUTES", "15"))
)
# A username is locked only from the address that failed, so a stranger guessing at a
# colleague's name locks out the stranger's address, not the colleague.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The owner's success resets only their own (username, address) count; every failure stays in
# axes' AccessFailureLog for the audit (never deleted at a success).
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# Retention of the audit log and of the login records (the daily job, delete_case_material):
# changes, logins and erasures five years, reads (a case seen, a PDF fetched) one year, and
# axes' records of attempts to log in 90 days.
TEAMLAERING_AUDIT_CHANGES_DAYS = int(os.environ.get("TEAMLAERING_AUDIT_CHANGES_DAYS", "1826"))
TEAMLAERING_AUDIT_READS_DAYS = int(os.environ.get("TEAMLAERING_AUDIT_READS_DAYS", "365"))
TEAMLAERING_LOGIN_RECORDS_DAYS = int(os.environ.get("TEAMLAERING_LOGIN_RECORDS_DAYS", "90"))
# How many proxies append to X-Forwarded-For; the client's address is read from that end.
TEAMLAERING_PROXY_COUNT = int(os.environ.get("TEAMLAERING_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"

# Email: the console by default; SMTP when DJANGO_EMAIL_HOST is given.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "teamlaering@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("DJANGO_EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["DJANGO_EMAIL_HOST"],
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", "587")),
                "username": os.environ.get("DJANGO_EMAIL_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_PASSWORD", ""),
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Background work: run at once in development and tests, from the database in production.
TASKS = {
    "default": {
        "BACKEND": (
            "django.tasks.backends.immediate.ImmediateBackend"
            if DEBUG or TESTING or env_bool("TEAMLAERING_TASKS_IMMEDIATE")
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# Logs go to stderr (journald under systemd): JSON lines with the request's id in production,
# plain lines with debug on; TEAMLAERING_LOG_FORMAT=json|text chooses either way.
LOG_FORMAT = os.environ.get("TEAMLAERING_LOG_FORMAT") or ("text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.requestid.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.jsonlog.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if LOG_FORMAT == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": "INFO" if not TESTING else "WARNING"},
    "loggers": {
        # One access line per request (core.requestid); with debug on, uvicorn prints its own.
        "teamlaering.request": {"level": "WARNING" if DEBUG or TESTING else "INFO"},
        "django.security.csrf": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint reports every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Absolute links in emails (reminders, minutes) point here.
TEAMLAERING_BASE_URL = os.environ.get("TEAMLAERING_BASE_URL", "http://127.0.0.1:8000")
