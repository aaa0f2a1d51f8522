"""Reads compiled once (`lms/core/prepared.py`): the same rows as the ORM's, one statement per
shape of filter, nothing but plain querysets."""

import datetime
from decimal import Decimal

import pytest

from django.contrib.sessions.models import Session
from django.utils import timezone

from lms.core.prepared import PreparedRead
from lms.quizzes.models import Sitting, SittingAnswer
from tests.factories import UserFactory
from tests.quizzes.factories import make_quiz, mc_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def sitting(site_tree) -> Sitting:
    question = mc_question(right=("Yes",), wrong=("No",))
    quiz = make_quiz(course=site_tree["course"], questions=[question])
    sitting = Sitting.objects.create(
        user=UserFactory(), quiz=quiz, question_ids=[question.pk], key={"k": [1, 2]},
        deadline=timezone.now() + datetime.timedelta(minutes=5),
        score_percent=Decimal("12.50"), passed=True)
    SittingAnswer.objects.create(sitting=sitting, question=question, choice_ids=[3],
                                 credit=Decimal("0.5"), is_correct=False)
    return sitting


def _fields(instance) -> dict:
    return {field.attname: getattr(instance, field.attname)
            for field in type(instance)._meta.concrete_fields}


def test_instances_as_the_orm_builds_them(sitting, django_assert_num_queries):
    read = PreparedRead(lambda pk, user_id: Sitting.objects.filter(pk=pk, user_id=user_id))
    expected = Sitting.objects.get(pk=sitting.pk)
    for _ in range(2):  # compiled at the first call, reused at the second
        with django_assert_num_queries(1):
            found = read.first(sitting.pk, sitting.user_id)
        assert _fields(found) == _fields(expected)  # JSON, decimals, aware datetimes
        assert found._state.adding is False and found._state.db == "default"
    assert read.first(sitting.pk, sitting.user_id + 1) is None  # someone else's: nothing
    assert len(read._statements) == 1


def test_values_lists_flat_or_not(sitting):
    flat = PreparedRead(lambda pk: SittingAnswer.objects.filter(sitting_id=pk).values_list(
        "question_id", flat=True))
    assert flat.rows(sitting.pk) == list(sitting.answers.values_list("question_id", flat=True))
    pairs = PreparedRead(lambda pk: SittingAnswer.objects.filter(sitting_id=pk).values_list(
        "question_id", "credit"))
    assert pairs.rows(sitting.pk) == list(sitting.answers.values_list("question_id", "credit"))
    assert flat.rows(sitting.pk + 1000) == []


def test_each_shape_of_filter_has_its_own_statement(sitting):
    read = PreparedRead(lambda done: Sitting.objects.filter(
        completed_at__isnull=done).values_list("pk", flat=True))
    assert read.rows(True) == [sitting.pk]
    assert read.rows(False) == []  # IS NOT NULL: another statement, not the first one's
    assert len(read._statements) == 2


def test_datetime_parameters_prepared_as_the_orm_does():
    session = Session.objects.create(session_key="k" * 32, session_data="x",
                                     expire_date=timezone.now() + datetime.timedelta(hours=1))
    read = PreparedRead(lambda key, now: Session.objects.filter(session_key=key,
                                                               expire_date__gt=now))
    assert read.first(session.session_key, timezone.now()) == session
    assert read.first(session.session_key,
                      timezone.now() + datetime.timedelta(hours=2)) is None


def test_only_plain_querysets(sitting):
    for build in (lambda pk: Sitting.objects.filter(pk=pk).select_related("quiz"),
                  lambda pk: Sitting.objects.filter(pk=pk).prefetch_related("answers"),
                  lambda pk: sitting.answers.filter(pk=pk),
                  lambda pk: Sitting.objects.filter(pk=pk).values("pk")):
        with pytest.raises(ValueError):
            PreparedRead(build).rows(sitting.pk)
