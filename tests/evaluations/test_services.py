import datetime

import pytest

from django.core.exceptions import PermissionDenied, ValidationError

from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.services import training_today
from lms.evaluations import selectors, services
from lms.evaluations.models import Answer, Receipt, Response

from .conftest import answers_for

pytestmark = pytest.mark.django_db


def _submit(enrollment, *, anonymous=False, **kwargs):
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    return services.response_submit(enrollment=enrollment, by=enrollment.trainee,
                                     answers=kwargs.pop("answers", None)
                                     or answers_for(question_set, **kwargs),
                                     anonymous=anonymous)


def test_a_fresh_site_has_a_default_set_with_the_four_topics_and_two_open_questions(db):
    question_set = selectors.default_question_set()
    assert question_set is not None and question_set.name_fr
    items = list(question_set.items.all())
    assert [i.topic for i in items if i.is_likert] == ["content", "facilitation", "relevance",
                                                       "venue"]
    assert [i.topic for i in items if not i.is_likert] == ["apply", "missing"]
    assert all(item.text_fr for item in items)


def test_signed_response_keeps_the_trainee_and_the_mean_score(world):
    enrollment = world["enrollments"]["kayes"][0]
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    answers = answers_for(question_set, apply="Refer through the NRM")
    likert = [i for i in question_set.items.all() if i.is_likert]
    answers[services.field_name(likert[0])] = 5
    response = _submit(enrollment, answers=answers)
    assert response.trainee == enrollment.trainee
    assert str(response.score) == "4.25"
    assert Receipt.objects.filter(enrollment=enrollment).exists()
    assert Answer.objects.filter(response=response, text="Refer through the NRM").exists()
    assert not selectors.enrollments_to_answer(user=enrollment.trainee).exists()


def test_missing_likert_answers_are_field_errors_and_nothing_is_written(world):
    enrollment = world["enrollments"]["kayes"][0]
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    answers = answers_for(question_set)
    likert = [i for i in question_set.items.all() if i.is_likert]
    del answers[services.field_name(likert[1])]
    answers[services.field_name(likert[2])] = "7"
    with pytest.raises(ValidationError) as error:
        _submit(enrollment, answers=answers)
    assert set(error.value.message_dict) == {services.field_name(likert[1]),
                                             services.field_name(likert[2])}
    assert not Receipt.objects.exists() and not Response.objects.exists()
    assert not Answer.objects.exists()


def test_a_second_submission_is_refused(world):
    enrollment = world["enrollments"]["kayes"][0]
    _submit(enrollment, anonymous=True)
    with pytest.raises(ValidationError, match="already"):
        _submit(enrollment, anonymous=False)
    assert Response.objects.count() == 1 and Receipt.objects.count() == 1


def test_a_lost_race_on_the_receipt_is_refused_and_writes_nothing(world, monkeypatch):
    """Two requests both pass the "not answered yet" check: the receipt's unique enrollment
    stops the second one, whose response is rolled back with its receipt."""
    enrollment = world["enrollments"]["kayes"][0]
    _submit(enrollment)
    monkeypatch.setattr(selectors, "has_answered", lambda *, enrollment: False)
    with pytest.raises(ValidationError, match="already"):
        _submit(enrollment)
    assert Response.objects.count() == 1


def test_the_form_opens_on_the_last_day_and_closes_after_the_window(world, settings):
    enrollment = world["enrollments"]["kayes"][0]
    cohort = enrollment.cohort
    window = selectors.form_window(cohort=cohort)
    assert window.opens == cohort.end_date
    by = enrollment.trainee
    day_before = cohort.end_date - datetime.timedelta(days=1)
    assert "opens" in services.answer_refusal(enrollment=enrollment, by=by, today=day_before)
    assert services.answer_refusal(enrollment=enrollment, by=by, today=cohort.end_date) is None
    settings.EVALUATIONS_REACTION_DAYS_OPEN = 10
    late = cohort.end_date + datetime.timedelta(days=11)
    assert "closed" in services.answer_refusal(enrollment=enrollment, by=by, today=late)
    assert services.answer_refusal(enrollment=enrollment, by=by,
                                   today=late - datetime.timedelta(days=1)) is None


def test_withdrawn_and_cancelled_cannot_answer(world):
    first, second = world["enrollments"]["kayes"][:2]
    Enrollment.objects.filter(pk=first.pk).update(status=Enrollment.Status.WITHDRAWN)
    first.refresh_from_db()
    with pytest.raises(ValidationError, match="withdrew"):
        _submit(first)
    Cohort.objects.filter(pk=second.cohort_id).update(status=Cohort.Status.CANCELLED)
    second.cohort.refresh_from_db()
    with pytest.raises(ValidationError, match="cancelled"):
        _submit(second)
    assert not Response.objects.exists()


def test_nobody_answers_for_someone_else(world):
    enrollment = world["enrollments"]["kayes"][0]
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    for actor in [world["people"]["facilitator_kayes"], world["people"]["national"],
                  world["trainees"]["kayes"][1]]:
        with pytest.raises(PermissionDenied):
            services.response_submit(enrollment=enrollment, by=actor,
                                     answers=answers_for(question_set), anonymous=True)
    assert not Response.objects.exists() and not Receipt.objects.exists()


def test_open_answers_are_optional_and_trimmed(world):
    enrollment = world["enrollments"]["kayes"][0]
    response = _submit(enrollment, apply="   more   role plays  ")
    texts = list(Answer.objects.filter(response=response).exclude(text="")
                 .values_list("text", flat=True))
    assert texts == ["more role plays"]


def test_summary_and_rollups_aggregate_in_the_database(world, django_assert_max_num_queries):
    for n, enrollment in enumerate(world["enrollments"]["kayes"]):
        _submit(enrollment, score=[5, 4, 2][n], anonymous=n == 0)
    _submit(world["enrollments"]["mopti"][0], score=3)
    responses = Response.objects.all()
    with django_assert_max_num_queries(1):
        figures = selectors.summary(responses=responses)
    assert figures["responses"] == 4 and figures["anonymous"] == 1
    assert figures["score"] == pytest.approx(3.5)
    assert figures["satisfied_percent"] == 50
    with django_assert_max_num_queries(1):
        rows = selectors.rollup(responses=responses, field="cohort__region__name")
    assert {r["value"]: r["responses"] for r in rows} == {"Kayes": 3, "Mopti": 1}
    with django_assert_max_num_queries(1):
        topics = selectors.by_topic(responses=responses)
    assert [t["topic"] for t in topics] == ["content", "facilitation", "relevance", "venue"]


def test_a_cohort_may_choose_another_set_until_someone_answers(world):
    from lms.evaluations.models import Item, QuestionSet

    cohort = world["cohorts"]["kayes"]
    facilitator = world["people"]["facilitator_kayes"]
    own = QuestionSet(name_en="Short form")
    own.items.add(Item(kind="likert", topic="overall", text_en="Overall, it was good."))
    services.question_set_save(question_set=own, by=facilitator)
    services.cohort_question_set_choose(cohort=cohort, question_set=own, by=facilitator)
    assert selectors.question_set_for(cohort=cohort) == own
    with pytest.raises(PermissionDenied):
        services.cohort_question_set_choose(cohort=world["cohorts"]["mopti"],
                                            question_set=own, by=facilitator)
    _submit(world["enrollments"]["kayes"][0])
    with pytest.raises(ValidationError):
        services.cohort_question_set_choose(cohort=cohort, question_set=None, by=facilitator)
    assert selectors.question_set_for(cohort=world["cohorts"]["mopti"]).is_default
    assert training_today() >= cohort.end_date
