from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.quizzes.gift import GiftError
from lms.quizzes.gift.importer import gift_import
from lms.quizzes.models import Category, Quiz


class Command(BaseCommand):
    help = "Import a Moodle GIFT file into the question bank (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--language", choices=["en", "fr"], default="en")
        parser.add_argument("--category", type=int, help="id of the category to import into")
        parser.add_argument("--quiz", help="slug of a quiz to add the questions to")

    def handle(self, *args, path: Path, language: str, category, quiz, **options):
        try:
            source = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        root = Category.objects.filter(pk=category).first() if category else None
        if category and root is None:
            raise CommandError(f"no category with id {category}")
        target = Quiz.objects.filter(slug=quiz).first() if quiz else None
        if quiz and target is None:
            raise CommandError(f"no quiz with slug {quiz!r}")
        try:
            created = gift_import(source=source, root=root, language=language, quiz=target)
        except GiftError as exc:
            lines = "\n".join(f"  line {line}: {message}" for line, message in exc.errors)
            raise CommandError(f"{path}: nothing imported.\n{lines}") from exc
        self.stdout.write(f"{len(created)} questions imported from {path}")
