"""Create a bearer token for the M&E API; prints the key once (only its hash is stored)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from lms.reporting.services import api_token_create


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser) -> None:
        parser.add_argument("username", help="the token acts as this user, with their scope")
        parser.add_argument("--name", default="M&E system", help="a label for the token")

    def handle(self, *args, username: str, name: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        token, key = api_token_create(owner=user, name=name)
        self.stderr.write(f"Token {token.name!r} ({token.prefix}…) for {user.username}:")
        self.stdout.write(key)
