"""Settings for the SKT case-management system.

Everything comes from the environment; the defaults give the embedded demo
(SQLite under var/, eager Celery). See README.md for every variable.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SKT_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# A local demo on plain HTTP with demo affordances (no second factor, demo users). Never in production.
SKT_DEMO = env_bool("SKT_DEMO", False)
# Behind TLS unless this is a demo or a developer's DEBUG run; tests set SKT_HTTPS=0 (see Makefile).
SKT_HTTPS = env_bool("SKT_HTTPS", not (SKT_DEMO or DEBUG))

# Without SECRET_KEY a fixed key is used that `check --deploy` flags (W009): fine for a demo
# or a test run, refused by the deploy check for production.
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-alleen-voor-demo-en-tests-nooit-in-productie"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (SKT_DEMO or DEBUG) else "")
if SKT_DEMO or DEBUG:
    ALLOWED_HOSTS += [h for h in ("127.0.0.1", "localhost", "testserver") if h not in ALLOWED_HOSTS]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "guardian",
    "simple_history",
    "django_htmx",
    "csp",
    "django_celery_beat",
    "skt.apps.SktConfig",
    "poort.apps.PoortConfig",
    "meldingen.apps.MeldingenConfig",
    "casussen.apps.CasussenConfig",
    "arrangementen.apps.ArrangementenConfig",
    "monitor.apps.MonitorConfig",
    # The top layer: the pages that span the apps above (README, Architectuur).
    "dossier.apps.DossierConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "skt.middleware.TweedeFactorVerplichtMiddleware",
    "skt.middleware.NietBewarenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "skt.urls"
WSGI_APPLICATION = "skt.wsgi.application"

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
                "dossier.context_processors.skt",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'skt.sqlite3'}",
        # A new PostgreSQL backend plans every rights query from cold catalog caches (4-5 ms each
        # instead of about 1): keep connections for ten minutes, checked before reuse (issue 14).
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Page queries are short; PostgreSQL's JIT compiled a plan with a high estimated cost for 85 ms
    # to save a few (issue 14).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME") or None}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "skt.Medewerker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "inloggen"
LOGIN_REDIRECT_URL = "mijn_werk"
LOGOUT_REDIRECT_URL = "inloggen"

# Sessions end after 30 minutes without activity (BIO).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Transport security: on unless SKT_HTTPS=0 (demo, DEBUG, tests).
SECURE_SSL_REDIRECT = SKT_HTTPS
SESSION_COOKIE_SECURE = SKT_HTTPS
CSRF_COOKIE_SECURE = SKT_HTTPS
SECURE_HSTS_SECONDS = 63072000 if SKT_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SKT_HTTPS
SECURE_HSTS_PRELOAD = SKT_HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SKT_ACHTER_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
# Load balancers probe the health page over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A refused CSRF token is logged and answered in Dutch.
CSRF_FAILURE_VIEW = "skt.views.csrf_geweigerd"
# Searches and exports per medewerker per minute (skt/limieten.py); above it: 429 and an alert.
SKT_LIMIET_ZOEKEN_PER_MINUUT = int(os.environ.get("SKT_LIMIET_ZOEKEN_PER_MINUUT", "30"))
# "Wachtwoord vergeten" requests per client address per minute (skt/limieten.py).
SKT_LIMIET_WACHTWOORD_VERGETEN_PER_MINUUT = int(
    os.environ.get("SKT_LIMIET_WACHTWOORD_VERGETEN_PER_MINUUT", "5")
)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# django-axes: lock on username and IP together: a whole office shares one IP.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Beyond username + IP (skt/inlogpogingen.py): one username guessed from many addresses, and one
# password tried on many usernames from one address, lock too, at higher counts within the cool-off.
AXES_HANDLER = "skt.inlogpogingen.InlogBlokkade"
SKT_INLOGFOUTEN_PER_GEBRUIKERSNAAM = int(os.environ.get("SKT_INLOGFOUTEN_PER_GEBRUIKERSNAAM", "10"))
SKT_INLOGFOUTEN_PER_IP = int(os.environ.get("SKT_INLOGFOUTEN_PER_IP", "30"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
# One notion of "the client's address" for the lockout and the access log (skt/toegang.py).
AXES_CLIENT_IP_CALLABLE = "skt.toegang.client_ip"

# django-guardian: no anonymous user object; anonymous visitors see nothing.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False
GUARDIAN_MONKEY_PATCH_USER = False

OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "SKT Kernteams")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("utrecht", NODE_MODULES / "@utrecht/component-library-css/dist"),
    ("voorbeeld", NODE_MODULES / "@nl-design-system-unstable/voorbeeld-design-tokens/dist"),
    ("htmx", NODE_MODULES / "htmx.org/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Served at the site root before routing: /favicon.ico, which browsers ask for on their own.
WHITENOISE_ROOT = BASE_DIR / "skt" / "webroot"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Celery: a real broker when REDIS_URL is set; otherwise tasks run in-process (demo).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True
# A cache shared by the web workers and the Celery worker (the search limit, the monitor's facts
# version and its figures): Redis when CACHE_URL is set (docker compose, make bench). Without it
# every process has its own (the demo, the tests).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@skt.invalid")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refusal (403) is expected and already in the access log: one line, not a traceback.
    "filters": {"weigering_op_een_regel": {"()": "skt.logboek.WeigeringOpEenRegel"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["weigering_op_een_regel"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"django.request": {"filters": ["weigering_op_een_regel"]}},
}

# The gemeente profile that demo_data loads and that tests use by default.
SKT_DEMO_PROFIEL = os.environ.get("SKT_DEMO_PROFIEL", "overbetuwe-2019")
