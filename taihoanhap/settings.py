"""Settings for taihoanhap, read from the environment.

One module for every deployment. The embedded default (no environment at all) is a single
SQLite file in the data folder, DEBUG off, and a secret key generated once and kept there.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("TAIHOANHAP_DATA_DIR", BASE_DIR / "data"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key() -> str:
    """The SECRET_KEY variable, or a key generated on first use and kept in the data folder."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
# Behind TLS (any real deployment) set HTTPS=1: secure cookies, HSTS and redirects follow.
HTTPS = env_bool("HTTPS")

INSTALLED_APPS = [
    # Ours, bottom layer first (dependencies point one way, see ARCHITECTURE.md). They come
    # before Django's and third-party apps because Django merges every app's translation
    # catalogue and the app listed first wins: listed after django.contrib.admin and .auth,
    # our "Save" showed as admin's "Lưu lại", "Change" as "Thay đổi", "active" as "Kích hoạt".
    "taihoanhap.core",
    "taihoanhap.geo",
    "taihoanhap.accounts",
    "taihoanhap.audit",
    "taihoanhap.registry",
    "taihoanhap.employers",
    "taihoanhap.support",
    "taihoanhap.jobs",
    "taihoanhap.credit",
    "taihoanhap.programme",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "taihoanhap.accounts.middleware.SessionIdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "taihoanhap.audit.middleware.AuditContextMiddleware",
    "taihoanhap.core.access.AccessMiddleware",
    "axes.middleware.AxesMiddleware",
]

if env_bool("QUERY_COUNT_HEADER"):
    MIDDLEWARE.insert(0, "taihoanhap.core.middleware.QueryCountHeaderMiddleware")

ROOT_URLCONF = "taihoanhap.urls"
WSGI_APPLICATION = "taihoanhap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "taihoanhap.core.navigation.navigation",
            ],
        },
    },
]

# Database: DATABASE_URL, or the embedded SQLite file.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'taihoanhap.sqlite3'}"),
        # Persistent connections (per gunicorn worker): opening one costs more than most pages.
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE: a transaction takes the write lock when it starts, so two writers wait for
        # each other (busy timeout) instead of failing on a read-to-write upgrade.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
            "PRAGMA cache_size=-32000; PRAGMA temp_store=MEMORY;"
        ),
    }
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_SQLITE_NAME")}
elif os.environ.get("PREPARED_STATEMENTS", "1") == "1":
    # PostgreSQL: parameters bound by the server, and a statement run 5 times on a connection
    # is prepared (psycopg), so it is planned once rather than on every request; planning the
    # person page's joins cost more than running them. Set PREPARED_STATEMENTS=0 behind a
    # transaction-pooling proxy (PgBouncer) that cannot keep prepared statements.
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "taihoanhap.accounts.backends.ScopedModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# The client's address (core.client.client_address): how many reverse proxies of our own stand
# in front of the application. 0 trusts none: X-Forwarded-For is ignored, REMOTE_ADDR is the
# client. Behind one proxy (nginx) set 1, and let no request reach the application around it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Login throttling (django-axes, accounts.lockout): 5 failures for a username from one address
# lock it for 15 min; 20 failures from one address across any usernames (password spraying) lock
# the address for 15 min.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 0.25  # hours
# The order matters: accounts.lockout reads the first as the account, the second as the address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "taihoanhap.accounts.lockout.AccountAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "taihoanhap.core.client.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Sessions and CSRF: short-lived, HTTP-only, same-site; secure when served over TLS.
SESSION_COOKIE_AGE = 8 * 60 * 60
# Signed out after this many minutes without a request (accounts.middleware), within the 8 hours.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT_MINUTES", "30")) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "taihoanhap.core.views.csrf_failure"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Strict Content-Security-Policy: our own files only, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

# Vietnamese first; English available.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
FORMAT_MODULE_PATH = ["taihoanhap.formats"]
# Each app keeps its own catalogue in <app>/locale; project-wide strings live here.
LOCALE_PATHS = [BASE_DIR / "taihoanhap" / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = HTTPS

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# E-mail: SMTP when EMAIL_HOST is set, otherwise messages are written as files in the data
# folder (never to the console log, which must not carry personal data).
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "outbox"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "taihoanhap@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logs carry no personal data: request paths hold opaque IDs only, and we never log bodies.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
    },
}

# The province this installation serves by default (demo data, dashboards).
DEFAULT_PROVINCE_CODE = os.environ.get("DEFAULT_PROVINCE_CODE", "75")  # Đồng Nai
# Where officers open the system: links in reminder e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Province rules that the law leaves open. The defaults, each with its legal source, live in
# registry/rules.py, support/rules.py and jobs/rules.py; set these only to override them.
if "REGISTRY_RULES" in os.environ:  # JSON, e.g. {"RECLASSIFICATION_MONTHS": 3}
    REGISTRY_RULES = json.loads(os.environ["REGISTRY_RULES"])
if "SUPPORT_REFERRAL_RESPONSE_WORKING_DAYS" in os.environ:
    SUPPORT_REFERRAL_RESPONSE_WORKING_DAYS = int(
        os.environ["SUPPORT_REFERRAL_RESPONSE_WORKING_DAYS"]
    )
if "JOBS_NEAR_RELEASE_MONTHS" in os.environ:
    JOBS_NEAR_RELEASE_MONTHS = int(os.environ["JOBS_NEAR_RELEASE_MONTHS"])
if "JOBS_STABLE_EMPLOYMENT_MONTHS" in os.environ:
    JOBS_STABLE_EMPLOYMENT_MONTHS = int(os.environ["JOBS_STABLE_EMPLOYMENT_MONTHS"])

SITE_NAME = _("Community reintegration")
