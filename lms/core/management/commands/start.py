"""One command to try Cascade: migrate, load the demo, and serve on 127.0.0.1."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="set up, then exit")

    def handle(self, *args, addrport: str, no_serve: bool, **options) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo")
        if no_serve:
            return
        self.stdout.write(self.style.SUCCESS(
            f"Open http://{addrport}/ — demo logins are listed in README.md"))
        call_command("runserver", addrport, use_reloader=False)
