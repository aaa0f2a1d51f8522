"""The "Curriculum review" workflow on quizzes and questions, and who may publish them, so
that `migrate` alone gives reviewed quizzes. Idempotent (runs `ensure_quiz_review`)."""

from django.db import migrations

from lms.accounts import roles
from lms.quizzes.review import ensure_quiz_review


def review_ensure(apps, schema_editor) -> None:
    roles.permissions_create(apps=apps)
    ensure_quiz_review(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ("quizzes", "0004_quiz_review"),
        ("curriculum", "0002_curriculum_review"),
        ("accounts", "0003_roles"),
    ]

    operations = [
        migrations.RunPython(review_ensure, migrations.RunPython.noop, elidable=False),
    ]
