"""Test settings: fast hashing, local-memory cache, eager Celery, files in a temp folder."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if "CACHE_URL" not in os.environ:  # a test's second process may share the test's Redis
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "lms.notifications.sms.console.MemoryBackend"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=tempfile.mkdtemp(prefix="cascade-test-media-"))
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
WHITENOISE_AUTOREFRESH = True
if "postgresql" in DATABASES["default"]["ENGINE"]:  # noqa: F405
    # Tests need no durability: a commit (every migration while the test database is built,
    # every transactional test's flush) does not wait for the WAL to reach the disk.
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
