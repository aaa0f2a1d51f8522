"""One command to try Cascade: migrate, load the demo, and serve.

    manage.py start                 # http://127.0.0.1:8000
    manage.py start 8105            # another port
    manage.py start 0.0.0.0:8080    # reachable from the local network

Links in e-mails and certificate QR codes follow the address served (unless SITE_URL or
WAGTAILADMIN_BASE_URL is set in the environment). The set-up prints a short summary; its log
lines (several thousand on the first run) stay quiet."""

import logging
import os
import re
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

DEFAULT_ADDRPORT = "127.0.0.1:8000"
_ADDRPORT = re.compile(r"^(?:(?P<host>[\w.-]+|\[[0-9a-fA-F:]+\]):)?(?P<port>\d{1,5})$")


def served_url(addrport: str) -> str:
    """The address people use to reach `runserver addrport`: "8105" → http://127.0.0.1:8105;
    a wildcard host (0.0.0.0, ::) is shown as 127.0.0.1."""
    match = _ADDRPORT.match(addrport)
    if not match:
        raise CommandError(f'"{addrport}" is not a port or address:port, e.g. 8105 or '
                           f"127.0.0.1:8105.")
    host = match["host"] or "127.0.0.1"
    if host in ("0.0.0.0", "[::]", "0"):
        host = "127.0.0.1"
    return f"http://{host}:{match['port']}"


@contextmanager
def _quiet_setup():
    """No INFO log lines and no demo e-mails on the console while setting up."""
    previous_disable, previous_backend = logging.root.manager.disable, settings.EMAIL_BACKEND
    logging.disable(logging.INFO)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    try:
        yield
    finally:
        logging.disable(previous_disable)
        settings.EMAIL_BACKEND = previous_backend


class Command(BaseCommand):
    help = __doc__.split("\n")[0]

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "addrport", nargs="?", default=DEFAULT_ADDRPORT,
            help=f"port or address:port to serve on, as for runserver (default "
                 f"{DEFAULT_ADDRPORT}); e.g. 8105, 127.0.0.1:8105, 0.0.0.0:8080",
        )
        parser.add_argument("--no-serve", action="store_true", help="set up, then exit")

    def handle(self, *args, addrport: str, no_serve: bool, **options) -> None:
        url = served_url(addrport)
        if not (os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL")):
            settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = url
        started = time.monotonic()
        with _quiet_setup():
            self.stdout.write("Database: migrating…", ending="")
            self.stdout.flush()
            call_command("migrate", interactive=False, verbosity=0)
            self.stdout.write(" done.")
            call_command("load_demo", stdout=self.stdout)
        self.stdout.write(f"Ready in {time.monotonic() - started:.0f} s. Links in e-mails and "
                          f"certificates point to {settings.SITE_URL}.")
        if no_serve:
            return
        self.stdout.write(self.style.SUCCESS(
            f"Open {url}/ — demo logins are listed in README.md"))
        call_command("runserver", addrport, use_reloader=False)
