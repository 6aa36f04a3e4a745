"""Exitlens settings: every value comes from an EXITLENS_* environment variable (.env.example)."""

from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from exitlens.api import settings as api_settings
from exitlens.conf import (
    database_from_url,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_path,
    env_str,
    secret_key_weakness,
)
from exitlens.core.storage import keep_private

PACKAGE_DIR = Path(__file__).resolve().parent

DEBUG = env_bool("DEBUG", False)
DATA_DIR = env_path("DATA_DIR", Path.cwd() / "exitlens-data")

SECRET_KEY = env_str("SECRET_KEY")
if not DEBUG and (weakness := secret_key_weakness(SECRET_KEY)):
    raise ImproperlyConfigured(
        f"EXITLENS_SECRET_KEY is too weak for production: {weakness}. Generate one with\n"
        "  python3 -c 'import secrets; print(secrets.token_urlsafe(50))'\n"
        "and keep it secret; set EXITLENS_DEBUG=true for local development only."
    )
if not SECRET_KEY:
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

# Keys used before a rotation: old sessions stay valid and sealed anonymous interviews open.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", "sqlite://"), DATA_DIR),
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "exitlens.core",
    "exitlens.imports",
    "exitlens.demo",
    "exitlens.staff",
    "exitlens.leaver",
    "exitlens.insights",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "exitlens.api",
    "exitlens.webhooks",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "exitlens.core.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "exitlens.urls"
WSGI_APPLICATION = "exitlens.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "core.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Sign-in throttling (django-axes): after this many failed attempts a username is locked for the
# cool-off, from every address. By username, not address: behind a proxy every address is one.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "exitlens.staff.views.account.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in Exitlens's own audit log
AXES_VERBOSE = False
SILENCED_SYSTEM_CHECKS = ["axes.W006"]  # locking by username alone is the choice made above
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("de", _("German")),
]
LANGUAGE_CODE = env_choice("LANGUAGE", "nl", [code for code, _name in LANGUAGES])
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Amsterdam")
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Source maps are for a developer's browser, not worth compressing at every start of `serve`.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
if DEBUG:
    STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8, minimum=1) * 3600
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "exitlens.errors.csrf_failure"
if env_bool("BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only: redirect plain HTTP, and tell browsers to use HTTPS for this many seconds (HSTS).
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
# No script, style or frame from anywhere but this server, and no inline script at all.
CONTENT_SECURITY_POLICY = {
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
    }
}

# E-mail: without EXITLENS_EMAIL_HOST messages are written to the console (the server log).
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 30
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("EMAIL_FROM", "Exitlens <exitlens@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Exit-interview behaviour.
EXITLENS_ORGANISATION_NAME = env_str("ORGANISATION_NAME", "Exitlens")
EXITLENS_HR_CONTACT = env_str("HR_CONTACT", "")
# Whom leavers and case handlers turn to about misconduct (free text: name, phone, e-mail).
EXITLENS_CONFIDENTIAL_ADVISER = env_str("CONFIDENTIAL_ADVISER", "")
EXITLENS_INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 30, minimum=1)
EXITLENS_REMINDER_AFTER_DAYS = env_int("REMINDER_AFTER_DAYS", 5, minimum=1)
EXITLENS_MAX_REMINDERS = env_int("MAX_REMINDERS", 2, minimum=0)
# Imported departures of these types are invited automatically, this many days after the leave
# date (negative: before it), by `exitlens send-reminders`. No types: no automatic invitations.
EXITLENS_AUTO_INVITE_TYPES = env_list("AUTO_INVITE_TYPES", [])
_DEPARTURE_TYPES = ("resignation", "dismissal", "end_of_contract", "retirement", "other")
if unknown := [kind for kind in EXITLENS_AUTO_INVITE_TYPES if kind not in _DEPARTURE_TYPES]:
    raise ImproperlyConfigured(
        f"EXITLENS_AUTO_INVITE_TYPES: {', '.join(unknown)} is not one of "
        + ", ".join(_DEPARTURE_TYPES)
    )
EXITLENS_AUTO_INVITE_DAYS = env_int("AUTO_INVITE_DAYS", -7)
# Confidentiality of the insights: no figure on fewer leavers, no quotes from fewer.
EXITLENS_MIN_GROUP_SIZE = env_int("MIN_GROUP_SIZE", 5, minimum=2)
EXITLENS_MIN_QUOTE_GROUP_SIZE = env_int("MIN_QUOTE_GROUP_SIZE", 10, minimum=2)
EXITLENS_DEFAULT_CONFIDENTIALITY = env_choice(
    "DEFAULT_CONFIDENTIALITY", "confidential", ["named", "confidential", "anonymous"]
)
EXITLENS_WEB_WORKERS = env_int("WEB_WORKERS", 3, minimum=1)

# Background work (core/queue.py): theme coding, e-mails, webhooks and the periodic jobs run on a
# queue kept in the database and worked by `exitlens worker`. "immediate" runs each task at once
# in the process that asks for it, as before the queue: for development and tests only.
EXITLENS_TASKS = env_choice("TASKS", "database", ["database", "immediate"])
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[EXITLENS_TASKS],
        "QUEUES": ["default"],
    }
}
# `serve` starts one worker next to the web server; turn it off where workers run elsewhere.
EXITLENS_SERVE_WORKER = env_bool("SERVE_WORKER", True)
# A task still marked running this many seconds after it started was lost with its worker
# (killed, machine gone): the next worker runs it again. No task runs nearly this long.
EXITLENS_TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 600, minimum=1)
# The worker enqueues the reminders and the release of anonymous batches this often.
EXITLENS_PERIODIC_MINUTES = env_int("PERIODIC_MINUTES", 15, minimum=1)
# `serve` ends a request that runs longer than this, and PostgreSQL cancels such a statement.
EXITLENS_REQUEST_TIMEOUT = env_int("REQUEST_TIMEOUT", 60, minimum=5)
# Spreadsheet imports, on the page and by command: a file beyond a limit is refused with a message
# naming it, after reading no more than the limit (exitlens/imports/limits.py).
EXITLENS_IMPORT_MAX_FILE_MB = env_int("IMPORT_MAX_FILE_MB", 60, minimum=1)
EXITLENS_IMPORT_MAX_UNZIPPED_MB = env_int("IMPORT_MAX_UNZIPPED_MB", 250, minimum=1)
EXITLENS_IMPORT_MAX_COMPRESSION_RATIO = env_int("IMPORT_MAX_COMPRESSION_RATIO", 100, minimum=10)
EXITLENS_IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 200_000, minimum=1)
EXITLENS_IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 5_000_000, minimum=1)
EXITLENS_IMPORT_MAX_SHARED_STRINGS = env_int("IMPORT_MAX_SHARED_STRINGS", 1_000_000, minimum=1)
EXITLENS_IMPORT_MAX_CELL_CHARS = env_int("IMPORT_MAX_CELL_CHARS", 32_767, minimum=1)
EXITLENS_IMPORT_MAX_LINE_CHARS = env_int("IMPORT_MAX_LINE_CHARS", 1_000_000, minimum=1)
EXITLENS_IMPORT_MAX_SECONDS = env_int("IMPORT_MAX_SECONDS", 30, minimum=1)
# An uploaded file is written to disk as it arrives, and dropped once it passes the limit above.
FILE_UPLOAD_HANDLERS = [
    "exitlens.staff.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# The data folder (database, uploads, learned theme model) and an SQLite database are for this
# user only; the umask `exitlens` and the WSGI application set keeps new files so.
keep_private(DATA_DIR, DATABASES["default"])

# No personal link in any log line (core/logs.py): every handler hides them. Django's own
# handlers (django.utils.log.DEFAULT_LOGGING) would not, so ours replace them for its loggers.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "hide_personal_links": {"()": "exitlens.core.logs.HidePersonalLinks"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["hide_personal_links"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["hide_personal_links"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "hide_personal_links"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "axes": {"level": "WARNING"},  # our audit log records sign-ins and lockouts
    },
}

# The REST API (docs/api.md): rate limit, schema class, OpenAPI description served offline.
REST_FRAMEWORK = api_settings.REST_FRAMEWORK
SPECTACULAR_SETTINGS = api_settings.SPECTACULAR_SETTINGS
