"""Settings shared by every environment, read from the environment with safe defaults.

Nothing configured gives a self-contained site: a SQLite file database and Celery tasks run
in-process. Set DATABASE_URL (PostgreSQL) and REDIS_URL / CELERY_BROKER_URL for deployments.
"""

from pathlib import Path

import environ
from celery.schedules import crontab

from django.utils.translation import gettext_lazy as _

from .database import database_for_pooler, prepared_statements
from .storage import storages_for

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# No default: production must supply its own key (dev and test settings set one).
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "lms.core",
    "lms.accounts",
    "lms.regions",
    "lms.organisations",
    "curriculum",
    "lms.cohorts",
    "lms.quizzes",
    "lms.certificates",
    "lms.notifications",
    "lms.followups",
    "lms.evaluations",
    "lms.reporting",
    "lms.fieldsync",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.wagtail_users.CascadeUsersAppConfig",  # wagtail.users + profile fields
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # serves /api/docs' Swagger UI from our static files, not from a CDN
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.accounts.middleware.PasswordChoiceMiddleware",  # after a one-time code
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lms.core.middleware.SiteCSPMiddleware",
    "lms.core.middleware.PermissionsPolicyMiddleware",
    "lms.fieldsync.middleware.OfflinePagesMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# PgBouncer (or another pooler) in transaction mode: DATABASE_POOLER=transaction
# (lms/settings/database.py).
DATABASE_POOLER = env.str("DATABASE_POOLER", default="")
DATABASES["default"] = database_for_pooler(DATABASES["default"], pooler=DATABASE_POOLER)
# The hot reads of lms/core/prepared.py as prepared statements on PostgreSQL, once per
# connection; never behind a transaction pooler.
DATABASE_PREPARED_STATEMENTS = prepared_statements(
    requested=env.bool("DATABASE_PREPARED_STATEMENTS", default=True), pooler=DATABASE_POOLER)
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Without a server, concurrent writers (a class answering a quiz at once) otherwise get
    # "database is locked": take the write lock when a transaction starts, and wait for it.
    # bench/load.py: 42 % errors before, none after (220 trainees, README benchmarks).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend with permissions read in one query (lms/accounts/backends.py);
    # ModelBackend itself stays for the sessions it signed in.
    "lms.accounts.backends.OneQueryModelBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "curriculum:my_learning"
LOGOUT_REDIRECT_URL = "/"

# Lock an account + address out after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client's address (lms/core/client_address.py): REMOTE_ADDR, or behind N reverse proxies
# the N-th X-Forwarded-For entry from the right. Used by axes and the verification rate limit.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Reaction forms (lms/evaluations) stay open this many days after a cohort's last day.
EVALUATIONS_REACTION_DAYS_OPEN = env.int("EVALUATIONS_REACTION_DAYS_OPEN", default=30)
AXES_CLIENT_IP_CALLABLE = "lms.core.client_address.client_ip_or_none"

# Internationalisation: English and French, one Wagtail page tree per language.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Africa/Bamako"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Files: local disk by default, an S3-compatible store when STORAGE_URL or AWS_* is set
# (lms/settings/storage.py). Private files are handed out only by views that check who is
# asking: streamed through Django, or (PRIVATE_FILES_DELIVERY=redirect, on S3) a redirect to
# a signed URL valid PRIVATE_FILES_URL_SECONDS. Image renditions go to the public storage.
STORAGES = storages_for(env, staticfiles={
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"})
PRIVATE_FILES_DELIVERY = env.str("PRIVATE_FILES_DELIVERY", default="stream")
PRIVATE_FILES_URL_SECONDS = env.int("PRIVATE_FILES_URL_SECONDS", default=60)
WAGTAILIMAGES_RENDITION_STORAGE = "public"
# Documents (facilitator guides...) go through Wagtail's serve view, which checks collection
# privacy first, then streams them or redirects to a short-lived signed URL, as above.
WAGTAILDOCS_SERVE_METHOD = "redirect" if PRIVATE_FILES_DELIVERY == "redirect" else "serve_view"
# Several web or worker processes (production, or CASCADE_MULTI_PROCESS=1): the start-up check
# (lms/core/checks.py) then warns about a local-memory cache or a local disk for files.
CASCADE_MULTI_PROCESS = env.bool("CASCADE_MULTI_PROCESS", default=False)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Reporting: exports with more rows than this are built by a Celery task, not streamed.
REPORTING_EXPORT_SYNC_MAX_ROWS = env.int("REPORTING_EXPORT_SYNC_MAX_ROWS", default=5000)
# Roster imports of at least this many rows run as a Celery task (lms/cohorts/importers/jobs.py).
ROSTER_TASK_MIN_ROWS = env.int("ROSTER_TASK_MIN_ROWS", default=200)

# Redis: broker on database 0, cache on database 1 (kept apart so a cache flush never eats
# queued tasks). With no broker configured, tasks run in-process (CELERY_TASK_ALWAYS_EAGER).
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=f"{REDIS_URL}/0" if REDIS_URL else "")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Recovery when a worker dies (SIGKILL, out of memory, a host restart), in minutes:
# - a pool process killed: acks_late + reject_on_worker_lost put its task back at once;
# - the whole worker killed: Redis hands its unacknowledged messages to another worker after
#   the visibility timeout. It must outlast the longest task (hence the time limits below, and
#   retry countdowns capped at 120 s: a message waiting for its countdown is unacknowledged too);
# - certificates also come back through the pending sweep, run when a worker starts and by beat
#   every minute (CERTIFICATES_PENDING_AFTER_MINUTES below). Tasks are idempotent, so a message
#   delivered twice does the work once. tests/faults/test_worker_killed.py kills real workers.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=420)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=480)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE

# Certificates: the public verification page's per-IP limit, and when a PDF still pending
# counts as lost and is re-queued by the sweep (command `certificates_render_pending`, or beat).
CERTIFICATES_VERIFY_RATE_LIMIT = env.int("CERTIFICATES_VERIFY_RATE_LIMIT", default=30)
CERTIFICATES_VERIFY_RATE_WINDOW = env.int("CERTIFICATES_VERIFY_RATE_WINDOW", default=60)
# Longer than a cohort's regeneration waits in the queue (220 PDFs: about a minute), so the
# sweep rarely queues a certificate that is only waiting its turn (harmless: rendering is
# idempotent). Worst case after a worker is killed: this + beat's minute.
CERTIFICATES_PENDING_AFTER_MINUTES = env.float("CERTIFICATES_PENDING_AFTER_MINUTES", default=3)
# Roster imports and background exports queued or running longer than this are marked failed
# by beat's sweeps (their worker died and no redelivery ran them): well beyond a task's hard
# time limit plus the visibility timeout, so a slow job or one waiting its turn is left alone.
BACKGROUND_JOBS_STUCK_AFTER_MINUTES = env.float("BACKGROUND_JOBS_STUCK_AFTER_MINUTES",
                                                default=30)
CELERY_BEAT_SCHEDULE = {
    "certificates-render-pending": {
        "task": "lms.certificates.tasks.certificates_render_pending_task",
        "schedule": 60.0,
    },
    # Follow-ups (lms/followups): schedule what completed, send each due notice once. In the
    # morning in Mali, when an SMS is welcome.
    "followups-due": {
        "task": "lms.followups.tasks.followups_due_task",
        "schedule": crontab(hour=env.int("FOLLOWUPS_NOTICE_HOUR", default=9), minute=0),
    },
    "roster-imports-stuck": {"task": "lms.cohorts.tasks.roster_jobs_stuck_task",
                             "schedule": 300.0},
    "exports-stuck": {"task": "lms.reporting.tasks.exports_stuck_task", "schedule": 300.0},
}

CACHE_URL = env.str("CACHE_URL", default=f"{REDIS_URL}/1" if REDIS_URL else "locmemcache://")
CACHES = {"default": env.cache_url_config(CACHE_URL)}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis unreachable = cache misses and a warning, not a site answering 500 (lms/core/cache.py).
    CACHES["default"]["BACKEND"] = "lms.core.cache.ResilientRedisCache"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Cascade LMS <noreply@localhost>")

# SMS (lms/notifications): who has no e-mail address is told by SMS. The console backend
# (default) prints them; `lms.notifications.sms.orange.OrangeBackend` sends through Orange's
# SMS API (README, "Follow-ups and notifications").
SMS_BACKEND = env.str("SMS_BACKEND", default="lms.notifications.sms.console.ConsoleBackend")
SMS_ORANGE_BASE_URL = env.str("SMS_ORANGE_BASE_URL", default="https://api.orange.com")
SMS_ORANGE_CLIENT_ID = env.str("SMS_ORANGE_CLIENT_ID", default="")
SMS_ORANGE_CLIENT_SECRET = env.str("SMS_ORANGE_CLIENT_SECRET", default="")
SMS_SENDER = env.str("SMS_SENDER", default="")  # the SMS bundle's number, e.g. +22300000000
SMS_SENDER_NAME = env.str("SMS_SENDER_NAME", default="")
SMS_TIMEOUT = env.float("SMS_TIMEOUT", default=10)

# Security headers. Production tightens cookies and HTTPS in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's preview views opt back in to SAMEORIGIN themselves (xframe_options_sameorigin_override).
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, the row read by a statement compiled once (issue 16).
SESSION_ENGINE = "lms.accounts.sessions"
CSRF_COOKIE_HTTPONLY = False
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],  # no inline script on the site (tests/security)
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'", "https://www.youtube.com", "https://player.vimeo.com",
                      "https://www.youtube-nocookie.com"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's and Django's admin screens still carry inline scripts: only there.
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CSP_ADMIN_UPDATE = {"script-src": ["'unsafe-inline'"]}
# Browser features the site never uses ("feature=()" denies it to every origin).
PERMISSIONS_POLICY = {
    "accelerometer": [], "camera": [], "geolocation": [], "gyroscope": [], "magnetometer": [],
    "microphone": [], "payment": [], "usb": [], "browsing-topics": [], "fullscreen": ["self"],
}

# Wagtail
WAGTAIL_SITE_NAME = "Cascade"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
SITE_URL = env.str("SITE_URL", default=WAGTAILADMIN_BASE_URL)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# Pillow decodes the whole bitmap: a 118 KB PNG of 121 megapixels would take ~360 MB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000  # a 48-megapixel phone photo passes
# No avatar is fetched from gravatar.com (privacy, and offices without wider internet).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Uploads Pillow cannot decode (a malformed GIF) get a form error (lms/core/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "lms.core.images.ImageForm"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Phone numbers and e-mail addresses are masked in every line (lms/core/log_filters.py).
    "filters": {"personal_data": {"()": "lms.core.log_filters.RedactPersonalData"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain",
                             "filters": ["personal_data"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
