"""Settings for PPID Manual.

Every value that differs between a desk PC, CI and production comes from the environment
and is checked here: a bad value stops the start-up with a clear message instead of
running with a silent default.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean (use 1/0, true/false).")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    items = [item.strip() for item in value.split(",")]
    if not all(items):
        raise ImproperlyConfigured(f"{name}={value!r} has an empty item.")
    return items


DEBUG = env_bool("DEBUG", False)

# A development key is only given while DEBUG is on; with DEBUG off SECRET_KEY must be set.
SECRET_KEY = env_str(
    "SECRET_KEY", "dev-only-insecure-key-ppid-manual-0123456789abcdef" if DEBUG else None
)
if len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "ppid_manual.admin_site.PpidAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Trigram indexes for the searches (expression indexes with an operator class); its
    # lookups and type handlers only act on PostgreSQL, the app still runs on SQLite.
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "ppid_manual",
    # The floors (DESIGN.md section 6), bottom to top after the kernel: the pemohon, the three
    # processes, and the services across them (search, Laporan, hand-back, backup, demo).
    "pemohon",
    "registrasi",
    "keberatan",
    "dip",
    "layanan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session and authentication middleware, which read the database for every
    # logged-in request: with the database away, every request gets the 503 page (issue 16).
    "ppid_manual.middleware.DatabaseDownMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ppid_manual.middleware.SecurityHeadersMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "ppid_manual.urls"
WSGI_APPLICATION = "ppid_manual.wsgi.application"

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
                "ppid_manual.context_processors.navigation",
            ],
            "builtins": ["ppid_manual.templatetags.ppid"],
        },
    },
]

# Database: PostgreSQL when DATABASE_URL is set, otherwise an SQLite file so that one
# command starts a working app on a fresh desk PC.
_database_url = os.environ.get("DATABASE_URL", "")
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    except Exception as exc:  # dj_database_url raises several types for a bad URL
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if DATABASES["default"]["ENGINE"] not in (
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    ):
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...).")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": Path(env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3"))),
            # Concurrent writers queue on BEGIN IMMEDIATE instead of failing mid-transaction.
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "ppid_manual.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Makassar"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Uploaded files (ID scans, signed SK scans) live outside the static files and are only
# served through permission-checked views.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Not the manifest storage: templates must render before collectstatic has run
        # (tests, a fresh desk PC); WhiteNoise still serves compressed files.
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Shared desk PCs: a session ends after inactivity (every request pushes the expiry on) and
# when the browser closes.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
if SESSION_IDLE_MINUTES < 1:
    raise ImproperlyConfigured("SESSION_IDLE_MINUTES must be at least 1.")
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# django-axes: lock out after repeated failed logins. Locked per (user name, IP address):
# several clerks share one desk PC, and one clerk's typos must not lock the others out.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Production security ---------------------------------------------------------------
# With DEBUG off the app expects to be served over HTTPS (PPID_HTTPS=1, the default), and
# `manage.py check --deploy` then reports nothing. An intranet without TLS sets PPID_HTTPS=0;
# the four checks that only apply to HTTPS are then silenced deliberately (see README).
PPID_HTTPS = env_bool("PPID_HTTPS", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PPID_HTTPS else None
SECURE_SSL_REDIRECT = PPID_HTTPS and env_bool("PPID_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = PPID_HTTPS
CSRF_COOKIE_SECURE = PPID_HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if PPID_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PPID_HTTPS
# An intranet host name cannot be on the browsers' HSTS preload list: W021 does not apply.
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if not PPID_HTTPS:
    SILENCED_SYSTEM_CHECKS += ["security.W004", "security.W008", "security.W012", "security.W016"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# No inline script anywhere: scripts come from our own static files only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# Uploaded scans (ID copies, signed SK): at most 10 MB in memory, then refused by the forms.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# Backups keep timestamps to the microsecond (ppid_manual/serializers_json.py, issue 16).
SERIALIZATION_MODULES = {"json_penuh": "ppid_manual.serializers_json"}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- The PPID's own settings -----------------------------------------------------------

_paper = env_str("PPID_KERTAS", "A4").upper()
if _paper not in ("A4", "F4"):
    raise ImproperlyConfigured("PPID_KERTAS must be A4 or F4.")

PPID = {
    # Letters print on A4 or F4 (215 x 330 mm, the Indonesian folio).
    "KERTAS": _paper,
    "KOP_BARIS": env_list(
        "PPID_KOP",
        [
            "PEMERINTAH PROVINSI BALI",
            "DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK",
            "Jalan D.I. Panjaitan No. 7 Niti Mandala Renon, Denpasar 80235",
            "Telepon (0361) 229696 · Laman ppid.baliprov.go.id · "
            "Surat elektronik ppid@baliprov.go.id",
        ],
    ),
    "KOTA_SURAT": env_str("PPID_KOTA", "Denpasar"),
    # The base URL printed in QR codes on receipts (the intranet address of this app).
    "URL_INTRANET": env_str("PPID_URL_INTRANET", "http://127.0.0.1:8000"),
    # SOP step 3: the OPD's internal answer deadline, inside the 10 working days.
    "HK_JAWABAN_OPD": env_int("PPID_HK_JAWABAN_OPD", 5),
    # The desk's closing time: a request received later is told when its clock starts
    # (ppid_manual/workflow/penerimaan.py).
    "JAM_LAYANAN_SELESAI": env_str("PPID_JAM_LAYANAN_SELESAI", "16:00"),
    # UU 27/2022: ID scans are kept this many days after a case is closed, then deleted by
    # `manage.py hapus_pindaian_lama` (schedule it daily).
    "RETENSI_PINDAIAN_HARI": env_int("PPID_RETENSI_PINDAIAN_HARI", 730),
}
if not 1 <= PPID["HK_JAWABAN_OPD"] <= 10:
    raise ImproperlyConfigured("PPID_HK_JAWABAN_OPD must be between 1 and 10 working days.")
