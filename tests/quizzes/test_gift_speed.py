"""Importing into a quiz costs a few queries per batch of rows, not per question (the
questions, their answers and the quiz's links are inserted in bulk)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.gift_import import gift_source
from lms.quizzes.gift.importer import gift_import

from .factories import make_quiz

pytestmark = pytest.mark.django_db


def import_queries(course, count: int) -> int:
    quiz = make_quiz(course=course)
    with CaptureQueriesContext(connection) as queries:
        created = gift_import(source=gift_source(count), quiz=quiz)
    assert len(created) == count == quiz.questions.count()
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_questions(course):
    import_queries(course, 5)  # creates the file's categories
    small, large = import_queries(course, 70), import_queries(course, 190)
    # The categories looked up, then bulk inserts: SQLite caps a statement at 999 parameters,
    # so a batch holds a few dozen rows there (hundreds on PostgreSQL). One by one, 190
    # questions took over 400 queries.
    assert small <= 20
    assert large <= small + (190 - 70) // 20
