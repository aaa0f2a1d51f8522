from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lms.quizzes.gift import write_gift
from lms.quizzes.models import Category, Question, Quiz
from lms.quizzes.selectors import category_ids_with_descendants


class Command(BaseCommand):
    help = "Export questions as a Moodle GIFT file (the whole bank, a quiz or a category)."

    def add_arguments(self, parser):
        parser.add_argument("--quiz", help="slug of the quiz whose questions to export")
        parser.add_argument("--category", type=int, help="id of a category (with children)")
        parser.add_argument("--language", choices=["en", "fr"], default="en")
        parser.add_argument("--output", type=Path, help="file to write (default: stdout)")

    def handle(self, *args, quiz, category, language: str, output, **options):
        questions = Question.objects.select_related("category").prefetch_related("answers")
        if quiz:
            target = Quiz.objects.filter(slug=quiz).first()
            if target is None:
                raise CommandError(f"no quiz with slug {quiz!r}")
            questions = questions.filter(quizzes=target)
        if category:
            root = Category.objects.filter(pk=category).first()
            if root is None:
                raise CommandError(f"no category with id {category}")
            questions = questions.filter(category__in=category_ids_with_descendants(category=root))
        text = write_gift(questions.order_by("category_id", "pk"), language=language)
        if output:
            output.write_text(text, encoding="utf-8")
            self.stdout.write(f"{questions.count()} questions written to {output}")
        else:
            self.stdout.write(text, ending="")
