"""Production: secret key and hosts must come from the environment; HTTPS-only cookies."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import EMAIL_BACKEND, SECRET_KEY, env

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY in the environment for production.")

# The console backend (base's default) would print password-reset links and addresses in the
# logs; the file, memory and dummy backends keep or drop mail nobody receives. Production needs
# a real mail server, or ALLOW_NO_EMAIL=true said deliberately: then mail is dropped, and a
# console backend still prints nothing.
CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"
NOT_SENDING_EMAIL = {
    CONSOLE_EMAIL,
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
if EMAIL_BACKEND in NOT_SENDING_EMAIL:
    if not env.bool("ALLOW_NO_EMAIL", default=False):
        raise ImproperlyConfigured(
            "Set EMAIL_URL to a real mail server for production (e.g. "
            "smtp+tls://user:password@smtp.example.org:587), or ALLOW_NO_EMAIL=true to run "
            "without e-mail (no password-reset or certificate e-mails are sent).")
    if EMAIL_BACKEND == CONSOLE_EMAIL:
        EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

DEBUG = False
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CASCADE_MULTI_PROCESS = env.bool("CASCADE_MULTI_PROCESS", default=True)
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)  # noqa: F405

# HSTS preloading is a commitment the domain owner makes (hstspreload.org), not a code default:
# the warning stays silent until SECURE_HSTS_PRELOAD=true is set deliberately.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
