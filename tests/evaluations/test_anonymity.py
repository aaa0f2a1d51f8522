"""An anonymous answer is never linked back to the person: not by a key, not by a time, not
by an order, not on a page (and not in an export: test_reporting.py)."""

import datetime

import pytest

from lms.evaluations import selectors, services
from lms.evaluations.models import Answer, Receipt, Response

from .conftest import answers_for

pytestmark = pytest.mark.django_db


def _answer(enrollment, *, anonymous, missing=""):
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    return services.response_submit(
        enrollment=enrollment, by=enrollment.trainee, anonymous=anonymous,
        answers=answers_for(question_set, missing=missing))


def test_the_rows_hold_nothing_that_points_to_the_person(world):
    enrollment = world["enrollments"]["kayes"][0]
    response = _answer(enrollment, anonymous=True, missing="More practice")
    assert response.trainee_id is None
    # the response's and its answers' fields: no person, no enrollment, no time of day
    assert {f.name for f in Response._meta.concrete_fields} == {
        "id", "cohort", "question_set", "trainee", "submitted_on", "score"}
    assert {f.name for f in Answer._meta.concrete_fields} == {
        "id", "response", "item", "value", "text"}
    assert type(Response.objects.get().submitted_on) is datetime.date
    # the receipt says "has answered" and nothing else: no time, no response
    assert {f.name for f in Receipt._meta.concrete_fields} == {"id", "enrollment"}
    # random keys: nothing to line a receipt up with a response
    assert isinstance(response.pk, type(Receipt.objects.get().pk))
    assert str(response.pk) != str(Receipt.objects.get().pk)
    values = {str(v) for row in Response.objects.values_list() for v in row}
    values |= {str(v) for row in Answer.objects.values_list() for v in row}
    person = enrollment.trainee
    for identifying in (person.username, person.last_name, person.first_name):
        assert identifying not in values


def test_keys_do_not_follow_the_order_of_answers(world):
    for enrollment in world["enrollments"]["kayes"] + world["enrollments"]["mopti"]:
        _answer(enrollment, anonymous=True)
    receipts = [r.enrollment_id for r in Receipt.objects.order_by("pk")]
    submitted = [e.pk for e in world["enrollments"]["kayes"] + world["enrollments"]["mopti"]]
    # six random UUIDs ordered as the answers came: one chance in 720
    assert receipts != submitted
    assert Response.objects.values("submitted_on").distinct().count() == 1


def test_anonymous_comments_wait_for_three_anonymous_answers(client, world):
    kayes = world["enrollments"]["kayes"]
    _answer(kayes[0], anonymous=False, missing="signed comment")
    _answer(kayes[1], anonymous=True, missing="first secret")
    client.force_login(world["people"]["facilitator_kayes"])
    url = f"/en/evaluations/cohorts/{kayes[0].cohort_id}/"
    page = client.get(url).content.decode()
    assert "signed comment" in page and kayes[0].trainee.last_name in page
    assert "first secret" not in page and "held back" in page
    extra = world["trainees"]["kayes"]
    from tests.factories import UserFactory, enroll

    more = enroll(kayes[0].cohort, *[UserFactory(first_name="X", last_name=f"Late{n}")
                                     for n in range(2)])
    assert extra
    for enrollment in more:
        _answer(enrollment, anonymous=True, missing="another secret")
    page = client.get(url).content.decode()
    assert "first secret" in page and "held back" not in page
    # never a name beside an anonymous comment
    for enrollment in [kayes[1], *more]:
        assert enrollment.trainee.last_name not in page
