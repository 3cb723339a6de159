"""Settings for Attīstības portāls, all read from the environment (12-factor).

With nothing set, the portal runs on SQLite in the working tree with DEBUG on, for a
first look. Production sets DEBUG=False, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; the
security settings then default to what `manage.py check --deploy` asks for.
"""

import base64
import hashlib
import ipaddress
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-a-first-look-on-localhost"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "django_countries",
    "simple_history",
    "import_export",
    # The task queue (django-tasks, the backport of Django 6's tasks) and its database
    # backend: e-mail fan-out leaves the request (consultations/tasks.py, README).
    "django_tasks",
    "django_tasks_db",
    # django-axes (login lockouts) under a Latvian name in admin: portal/apps.py.
    "portal.apps.LoginAttemptsConfig",
    # Our apps from the bottom layer up: core; programmes; projects and consultations (each
    # may use programmes, never the other); the portal shell (tests/test_layers.py).
    "core",
    "programmes",
    "projects",
    "consultations",
    "portal",
    # The read API and the open-data catalogue, beside the shell (api/).
    "api",
    # Last: an app listed earlier wins where two catalogues translate the same message, and
    # Django REST framework's Latvian differs from Django's own (locale_overrides/ keeps
    # Django's wording for the messages they share).
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    # High up, so a database outage met anywhere below it is answered with a 503 page.
    "portal.middleware.DatabaseOutageMiddleware",
    "portal.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session: anonymous visitors' frozen pages from the shared cache, answered
    # without a session or the database (core/pagecache.py; settings below).
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # A new PostgreSQL connection per request costs about three quarters of the
    # throughput of a small page (see TOOLING.md), so connections are kept.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the portal's queries are short, index-served lookups, and PostgreSQL's JIT
    # compiled the registry's `?year=` query for 516 ms of its 536 (a correlated subquery
    # made it look expensive). Any `options` given in DATABASE_URL are kept after it.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, ["-c jit=off", options.get("options")]))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Shared cache -----------------------------------------------------------------------
# Rate limits, login lockouts and cached pages are state every worker must share. Redis
# when CACHE_URL is set; otherwise, with DEBUG off, the database cache (its table is made
# by `migrate`: portal/apps.py); memory of one process only for a first look with DEBUG on.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
if env.str("CACHE_URL", default=""):
    CACHES = {"default": env.cache("CACHE_URL")}
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {"default": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "portal_cache"}}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    # Django's own database cache loses counts when workers count at once (core/cache.py).
    CACHES["default"]["BACKEND"] = "core.cache.DatabaseCache"
if CACHES["default"]["BACKEND"] == "core.cache.DatabaseCache":
    # Django culls the table past 300 entries, which would forget rate-limit counts.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 100_000)
# Frozen pages (core/pagecache.py) in the same store, but a database cache keeps them in a
# table of their own: culling old pages there never drops a rate-limit count.
CACHES["pages"] = {**CACHES["default"], "OPTIONS": {**CACHES["default"].get("OPTIONS", {})}}
if CACHES["pages"]["BACKEND"] == "core.cache.DatabaseCache":
    CACHES["pages"]["LOCATION"] = "portal_page_cache"
    CACHES["pages"]["OPTIONS"]["MAX_ENTRIES"] = 20_000
elif CACHES["pages"]["BACKEND"] in PER_PROCESS_CACHES:
    CACHES["pages"]["LOCATION"] = "pages"
if not DEBUG and CACHES["default"]["BACKEND"] in PER_PROCESS_CACHES:
    raise ImproperlyConfigured(
        f"CACHE_URL: {CACHES['default']['BACKEND']} keeps a cache per process, so each "
        "worker would count rate limits and login failures on its own. With DEBUG off use "
        "Redis (CACHE_URL=redis://host:6379/1), or leave CACHE_URL unset for the database cache."
    )
# --- end of shared cache -------------------------------------------------------------------

# --- Task queue (django-tasks) --------------------------------------------------------------
# E-mail to many (a discussion announced to its subscribers, proposals' answers) is sent by
# a worker, `manage.py db_worker`, never in the planner's request. The database backend
# keeps the queue in PostgreSQL (or SQLite for `make run`): nothing more to run than the
# worker, and a task is committed with the change that asked for it.
TASK_BACKEND = env.str("TASK_BACKEND", default="django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": TASK_BACKEND}}

# --- Sessions ---------------------------------------------------------------------------
# Read from the shared cache and kept in the database too: any app server finds a session
# another one made (in Redis, or in the database when the cache misses or was emptied), and
# a restart of Redis logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Frozen pages from the shared cache (core/pagecache.py) -------------------------------
# Anonymous visitors' copies of these pages (URL names, each with the query parameters
# that select a different page) are kept in the default cache until a write to the
# database or the next moment the page changes by itself; never a timeout alone.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_VIEWS = {
    "home": (),
    "programmes:list": (),
    "programmes:municipality": (),
    "programmes:programme": (),
    "programmes:monitoring": (),
    "programmes:redaction": (),
    "programmes:redaction_action_plan": (),
    "programmes:redaction_investment_plan": (),
    "programmes:compare": (),
    "projects:detail": (),
    "news:list": ("municipality", "project", "page"),
    "news:detail": (),
    # Lists that change with the data only, each copy per combination of what it reads.
    "projects:list": (
        "q",
        "fund",
        "status",
        "year",
        "municipality",
        "role",
        "country",
        "action_line",
        "sort",
        "page",
    ),
    "consultations:index": ("municipality", "discussions", "groups"),
    "consultations:report": ("page",),
    "consultations:proposals": ("part", "answer", "page", "number"),
    # The same answer for everyone who asks the same words (up to 20 characters, as every
    # parameter here): a word searched often is searched once per change of the data.
    "search": ("q",),
    # A page with a form: stored without its CSRF token, and each visitor's answer gets
    # their own (core/pagecache.py), so the page is rendered once per change like the rest.
    "consultations:discussion": ("part",),
}
PAGE_CACHE_FORM_VIEWS = {"consultations:discussion"}
# Writes to these tables change no public page, so they keep the stored pages (the
# database cache's own table is added by core/pagecache.py): sessions, login attempts,
# e-mail subscriptions, the task queue.
PAGE_CACHE_IGNORED_TABLES = [
    "django_session",
    "axes_accessattempt",
    "axes_accessattemptexpiration",
    "axes_accessfailurelog",
    "axes_accesslog",
    "consultations_subscription",
    "django_tasks_database_dbtaskresult",
]
# The longest a copy is kept: it bounds what pages of generations gone by occupy until they
# expire (a page read all the time is rendered again once an hour, at most).
PAGE_CACHE_MAX_SECONDS = 60 * 60
# --- end of frozen pages ---------------------------------------------------------------------

# --- Client addresses and the public forms' rate limit ------------------------------------
# The reverse proxies (addresses or networks) whose X-Forwarded-For is believed: only a
# request from one of them is read past REMOTE_ADDR (core/ratelimit.py, client_address).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy.strip(), strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network."
        ) from _error
# Proposals and e-mail subscriptions from one address: a school class or a library's
# visitors send dozens in an hour from one address and all get through; a flood is cut at
# the burst limit within a minute and at the hourly limit over time.
CONSULTATIONS_RATE_LIMIT = env.int("CONSULTATIONS_RATE_LIMIT", default=120)
CONSULTATIONS_RATE_WINDOW = env.int("CONSULTATIONS_RATE_WINDOW", default=60 * 60)
CONSULTATIONS_BURST_LIMIT = env.int("CONSULTATIONS_BURST_LIMIT", default=80)
CONSULTATIONS_BURST_WINDOW = env.int("CONSULTATIONS_BURST_WINDOW", default=60)
# --- end of client addresses and rate limit ------------------------------------------------

# --- Logins: passwords and lockouts (django-axes) -----------------------------------------
AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out login before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# Failed logins are counted in the database (shared by every worker), by the address
# client_address() gives, the same one the rate limits count, and locked out for 30 minutes:
# - 5 failures for one username from one address lock that pair: a guesser at one
#   username, while colleagues behind the same office address still log in;
# - 20 failures from one address, whatever the usernames, lock the address: a guesser
#   trying one password on many usernames;
# - 20 failures for one username, from any addresses, lock the username: guessers spread
#   over many addresses. Anyone who knows a username could keep it locked this way; a
#   superuser lifts a lockout in admin (Login attempts → delete the attempts).
# portal/lockout.py gives each kind its own limit (django-axes has one for all of them).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20
LOGIN_FAILURE_LIMIT_PER_USERNAME = 20
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_HANDLER = "portal.lockout.LoginAttemptHandler"
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "portal.lockout.lockout_response"
# Failures are forgotten 30 minutes after the last one, not at a successful login: with
# the address counted, a login to one's own account would otherwise wipe the failures
# one had just piled up on a colleague's.
AXES_RESET_ON_SUCCESS = False
# --- end of logins ------------------------------------------------------------------------

LANGUAGE_CODE = "lv"
LANGUAGES = [("lv", _("Latvian")), ("en", _("English"))]
# The project-wide catalogue, then Latvian wording for Django admin's own messages
# (locale_overrides/…/django.po says why); both take precedence over Django's catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
# English dates day-first with a 24-hour clock (portal/formats/en); Latvian as Django has it.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Riga"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded files (redaction PDFs, photos, coats of arms) are served through the portal,
# which lets only those who may see a file's record have it (portal/media.py): a draft's
# PDF stays with its planners. With MEDIA_ACCEL_REDIRECT_PREFIX set (e.g.
# "/protected-media/"), the portal still decides, and a front nginx sends the bytes from
# that `internal` location (X-Accel-Redirect; README, "Uploaded files behind nginx").
# SERVE_MEDIA=False hands MEDIA_URL to another server entirely: every file becomes public,
# drafts' too (`check --deploy` warns).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True)
MEDIA_ACCEL_REDIRECT_PREFIX = env.str("MEDIA_ACCEL_REDIRECT_PREFIX", default="")
# Where uploaded files are kept: MEDIA_ROOT on the local disk, or, with MEDIA_STORAGE_URL,
# an S3-compatible object store every app server reaches (django-storages):
#   s3://BUCKET[/PREFIX][?endpoint=https://s3.example.lv&region=eu-north-1]
# without an endpoint, Amazon S3 itself. The keys come from AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY (read by boto3 from the environment, never from the URL). The bucket
# stays private: the portal serves every file itself (portal/media.py, SERVE_MEDIA).
MEDIA_STORAGE_URL = env.str("MEDIA_STORAGE_URL", default="")


def _media_storage(url):
    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE_URL: give it as s3://BUCKET[/PREFIX][?endpoint=…&region=…]."
        )
    query = dict(parse_qsl(parts.query))
    unknown = set(query) - {"endpoint", "region"}
    if unknown:
        raise ImproperlyConfigured(f"MEDIA_STORAGE_URL: unknown option(s) {sorted(unknown)}.")
    return {
        "BACKEND": "core.storage.PortalS3Storage",
        "OPTIONS": {
            "bucket_name": parts.netloc,
            "location": parts.path.strip("/"),
            "endpoint_url": query.get("endpoint"),
            "region_name": query.get("region"),
            # Private objects; names are made up by the portal, never reused.
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }


STORAGES = {
    "default": _media_storage(MEDIA_STORAGE_URL),
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
# Uploads larger than this are refused by the forms that accept files.
MAX_UPLOAD_MB = env.int("MAX_UPLOAD_MB", default=10)
# An image of more pixels than this (in millions) is refused before it is decoded: a
# "decompression bomb", a small file that unpacks to gigabytes, never reaches memory
# (core/images.py). 50 megapixels is well above any camera a municipality uses.
MAX_IMAGE_MEGAPIXELS = env.int("MAX_IMAGE_MEGAPIXELS", default=50)
if MAX_IMAGE_MEGAPIXELS < 1:
    raise ImproperlyConfigured("MAX_IMAGE_MEGAPIXELS must be a whole number of 1 or more.")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Request bodies are refused (413) by their Content-Length before anything reads them
# (portal/middleware.py): a visitor's form is a few kilobytes (a proposal is at most 5,000
# characters); staff upload files in admin, several photos in one news post.
MAX_PUBLIC_REQUEST_KB = env.int("MAX_PUBLIC_REQUEST_KB", default=256)
MAX_STAFF_REQUEST_MB = env.int("MAX_STAFF_REQUEST_MB", default=5 * MAX_UPLOAD_MB)
FILE_UPLOAD_PERMISSIONS = 0o644

EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portals@attistiba.lv")

# Security: defaults follow DEBUG so a production deploy is safe without extra setup.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_TLS_PROXY", default=False) else None
)
SECURE_REFERRER_POLICY = "same-origin"
# The public pages' Content-Security-Policy (portal/middleware.py): everything they use
# comes from the portal itself, no inline scripts or styles, no other sites.
CONTENT_SECURITY_POLICY = env.str(
    "CONTENT_SECURITY_POLICY",
    default="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'",
)
# The admin's policy (portal/middleware.py decides admin by the URL it resolved to): Django's
# admin and django-import-export load only the portal's own scripts, but their templates
# set inline style attributes and the export form has one inline event handler ("select
# all"), allowed by its hash alone ('unsafe-hashes'), not by 'unsafe-inline' for scripts.
# Checked in Chromium over every admin screen kind (tests/browser/test_admin_csp.py).
IMPORT_EXPORT_SELECT_ALL = (
    "sha256-" + base64.b64encode(hashlib.sha256(b"onSelectToggleChange(event)").digest()).decode()
)
ADMIN_CONTENT_SECURITY_POLICY = env.str(
    "ADMIN_CONTENT_SECURITY_POLICY",
    default="default-src 'self'; "
    f"script-src 'self' 'unsafe-hashes' '{IMPORT_EXPORT_SELECT_ALL}'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'",
)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

PORTAL_NAME = env.str("PORTAL_NAME", default="Attīstības portāls")

# --- Open data: the read API (api/) and the DCAT catalogue ------------------------------
# Read-only JSON; what each endpoint shows is the models' `visible_to(user)`.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "COERCE_DECIMAL_TO_STRING": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Attīstības portāls API",
    "DESCRIPTION": "Read-only open data: municipalities, development programmes and their "
    "redactions, projects, news, working groups, events and public discussions.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Three models have a status of their own: each enum is named after its model.
    "ENUM_NAME_OVERRIDES": {
        "RedactionStatusEnum": "programmes.models.Redaction.Status",
        "ActionStatusEnum": "programmes.models.Action.Status",
        "ProjectStatusEnum": "projects.models.Project.Status",
    },
}
# Requests to the API from one address, counted like the public forms' (core/ratelimit.py):
# a burst limit per minute and a limit per hour.
API_BURST_LIMIT = env.int("API_BURST_LIMIT", default=120)
API_BURST_WINDOW = env.int("API_BURST_WINDOW", default=60)
API_RATE_LIMIT = env.int("API_RATE_LIMIT", default=3000)
API_RATE_WINDOW = env.int("API_RATE_WINDOW", default=60 * 60)
# The licence every open dataset is published under (its URI, in the DCAT catalogue).
OPEN_DATA_LICENSE = env.str(
    "OPEN_DATA_LICENSE", default="https://creativecommons.org/licenses/by/4.0/"
)
