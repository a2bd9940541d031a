"""Settings for PPID Manual.

Every value that differs between a desk PC, CI and production comes from the environment
and is checked here: a bad value stops the start-up with a clear message instead of
running with a silent default.
"""

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
    "crispy_forms",
    "crispy_bootstrap5",
    "ppid_manual",
    "registrasi",
    "keberatan",
    "dip",
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
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

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
            "Telepon (0361) 229696 · ppid.baliprov.go.id",
        ],
    ),
    # Optional logo for the kop surat: a path relative to static/.
    "KOP_LOGO": os.environ.get("PPID_KOP_LOGO", ""),
    "KOTA_SURAT": env_str("PPID_KOTA", "Denpasar"),
    # The base URL printed in QR codes on receipts (the intranet address of this app).
    "URL_INTRANET": env_str("PPID_URL_INTRANET", "http://127.0.0.1:8000"),
    # SOP step 3: the OPD's internal answer deadline, inside the 10 working days.
    "HK_JAWABAN_OPD": env_int("PPID_HK_JAWABAN_OPD", 5),
}
if not 1 <= PPID["HK_JAWABAN_OPD"] <= 10:
    raise ImproperlyConfigured("PPID_HK_JAWABAN_OPD must be between 1 and 10 working days.")
