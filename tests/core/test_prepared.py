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
from tests.rows import as_loaded

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


def test_instances_as_the_orm_builds_them(sitting, django_assert_num_queries):
    read = PreparedRead(Sitting.objects.all, "pk", "user_id")
    expected = Sitting.objects.get(pk=sitting.pk)
    for _ in range(2):  # compiled at the first call, reused at the second
        with django_assert_num_queries(1):
            found = read.first(sitting.pk, sitting.user_id)
        assert as_loaded(found) == as_loaded(expected)  # JSON, decimals, aware datetimes
        assert found._state.adding is False and found._state.db == "default"
    assert read.first(sitting.pk, sitting.user_id + 1) is None  # someone else's: nothing
    assert read.first(str(sitting.pk), str(sitting.user_id)) == expected  # prepared as ints
    assert len(read._statements) == 1
    with pytest.raises(ValueError):
        read.first("x", sitting.user_id)  # as the ORM refuses it


def test_values_lists_flat_or_not(sitting):
    flat = PreparedRead(lambda: SittingAnswer.objects.values_list("question_id", flat=True),
                        "sitting_id")
    assert flat.rows(sitting.pk) == list(sitting.answers.values_list("question_id", flat=True))
    pairs = PreparedRead(lambda: SittingAnswer.objects.values_list("question_id", "credit"),
                         "sitting_id")
    assert pairs.rows(sitting.pk) == list(sitting.answers.values_list("question_id", "credit"))
    assert flat.rows(sitting.pk + 1000) == []


def test_none_goes_through_the_orm(sitting):
    """`completed_at=None` is an IS NULL for the ORM, not a parameter."""
    read = PreparedRead(lambda: Sitting.objects.values_list("pk", flat=True), "completed_at")
    assert read.rows(None) == [sitting.pk]
    assert read._statements == {}


def test_datetime_parameters_prepared_as_the_orm_does():
    session = Session.objects.create(session_key="k" * 32, session_data="x",
                                     expire_date=timezone.now() + datetime.timedelta(hours=1))
    read = PreparedRead(Session.objects.all, "session_key", "expire_date__gt")
    assert read.first(session.session_key, timezone.now()) == session
    assert read.first(session.session_key,
                      timezone.now() + datetime.timedelta(hours=2)) is None


def test_only_plain_querysets(sitting):
    for base, lookups in ((lambda: Sitting.objects.select_related("quiz"), ("pk",)),
                          (lambda: Sitting.objects.prefetch_related("answers"), ("pk",)),
                          (lambda: sitting.answers.all(), ("pk",)),
                          (lambda: Sitting.objects.values("pk"), ("pk",)),
                          (lambda: Sitting.objects.filter(passed=True), ("pk",)),
                          (Sitting.objects.all, ("pk__in",))):
        with pytest.raises(ValueError):
            PreparedRead(base, *lookups).rows(*([[sitting.pk]] if lookups == ("pk__in",)
                                                else [sitting.pk]))
