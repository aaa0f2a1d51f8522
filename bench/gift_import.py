"""GIFT import speed: a generated Moodle-style file of N questions (every type) imported into
a quiz. Prints questions per second and the number of SQL queries.

    .venv/bin/uv run python bench/gift_import.py [--questions 3000]

Runs in a transaction rolled back at the end, on a SQLite test database kept in
`$CASCADE_BENCH_DIR` (default /tmp/cascade-bench; migrated on the first run only), or on the
test copy of DATABASE_URL when it is set.
"""

import argparse
import os
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]

TEMPLATES = [
    "::MC {n}::[html]<p>Question {n}: who leads the referral?</p>{{\n =The case manager#Yes.\n"
    " ~%50%The focal point#Half.\n ~%-25%The police\n####Because.\n}}",
    "::Short {n}::Capital number {n}?{{=Bamako =%50%Bamaco}}",
    "::Num {n}::How many days ({n})?{{#10..14}}",
    "::Match {n}::Match {n}.{{\n =Care -> Health centre\n =Advice -> Legal clinic\n"
    " = -> Police\n}}",
    "::Blank {n}::Obtain the person's {{~opinion =consent ~passport}} first ({n}).",
    "::TF {n}::Statement {n} is true.{{T}}",
    "::Essay {n}::Describe case {n}.{{}}",
]


def gift_source(count: int) -> str:
    chunks = []
    for n in range(count):
        if n % 200 == 0:
            chunks.append(f"$CATEGORY: $course$/top/Bench/Unit {n // 200}")
        chunks.append(TEMPLATES[n % len(TEMPLATES)].format(n=n))
    return "\n\n".join(chunks) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=3000)
    args = parser.parse_args()
    sys.path.insert(0, str(PROJECT_DIR))
    os.environ.update({"DJANGO_SETTINGS_MODULE": "lms.settings.test", "LOG_LEVEL": "WARNING"})
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if connection.vendor == "sqlite":
        workdir = Path(os.environ.get("CASCADE_BENCH_DIR", "/tmp/cascade-bench"))
        workdir.mkdir(parents=True, exist_ok=True)
        connection.settings_dict["TEST"]["NAME"] = str(workdir / "gift-import.sqlite3")
    connection.creation.create_test_db(verbosity=0, keepdb=True)
    with transaction.atomic():
        run(args.questions)
        transaction.set_rollback(True)


def run(count: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lms.quizzes.gift.importer import gift_import
    from lms.quizzes.models import Question, Quiz
    from tests.factories import build_site_tree

    course = build_site_tree()["course"]
    quiz = Quiz.objects.create(course=course, title_en="Bench", slug="bench-gift")
    source = gift_source(count)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        created = gift_import(source=source, quiz=quiz)
    elapsed = time.perf_counter() - started
    assert len(created) == count == quiz.questions.count()
    print(f"GIFT import: {count} questions ({len(source) / 1e6:.2f} MB) into a quiz "
          f"in {elapsed:.2f} s ({count / elapsed:.0f} questions/s), "
          f"{len(queries)} SQL queries; {Question.objects.count()} stored")


if __name__ == "__main__":
    main()
