"""A recorded trainer's own downstream session (lms/cohorts/sessions.py): the sync asks the
online pages' check, so the trainer may record offline in their open session, only people of
their region, and nothing once the session is closed."""

import datetime

import pytest

from lms.accounts import roles
from lms.cohorts import services as cohort_services
from lms.cohorts import sessions
from lms.cohorts.models import Attendance, Enrollment
from tests.factories import UserFactory, make_cohort, region

from .conftest import enrol, mark, post

pytestmark = pytest.mark.django_db
DAY1, DAY2 = datetime.date(2024, 5, 6), datetime.date(2024, 5, 7)


@pytest.fixture
def trainer_session(world, course):
    tot = make_cohort(course=course, region_name="Kayes", is_training_of_trainers=True,
                      level=1)
    tot.facilitators.add(world["people"]["facilitator"])
    trainer = UserFactory(username="trainer.kayes", roles=[roles.TRAINEE],
                          region=region("Kayes"), first_name="Awa", last_name="Formatrice")
    Enrollment.objects.create(cohort=tot, trainee=trainer, status=Enrollment.Status.COMPLETED)
    cohort_services.trainer_record(user=trainer, cohort=tot, by=world["people"]["coord_kayes"])
    session = sessions.session_create(by=trainer, course=course, start_date=DAY1,
                                      end_date=DAY2, venue="Mairie", commune="Kayes N'di")
    return trainer, session


def test_a_trainer_records_offline_in_their_open_session(client, trainer_session):
    trainer, session = trainer_session
    client.force_login(trainer)
    person = enrol(session, first_name="Mariam")
    results = post(client, person, mark(session, enrol=person["id"], day=DAY1)).json()
    assert [r["outcome"] for r in results["results"]] == ["applied", "applied"]
    assert Attendance.objects.filter(enrollment__cohort=session).count() == 1


def test_a_trainer_enrols_people_of_their_own_region_only(client, trainer_session):
    trainer, session = trainer_session
    client.force_login(trainer)
    result = post(client, enrol(session, first_name="Lointaine",
                                region=str(region("Mopti").pk))).json()["results"][0]
    assert result["outcome"] == "refused" and "Region" in result["reason"]
    assert not session.enrollments.exists()


def test_a_trainers_closed_session_refuses_late_changes_saying_it_is_closed(
        client, trainer_session):
    trainer, session = trainer_session
    session.submitted_at = datetime.datetime(2024, 5, 8, tzinfo=datetime.UTC)
    session.save(update_fields=["submitted_at"])
    client.force_login(trainer)
    result = post(client, enrol(session, first_name="Tardive")).json()["results"][0]
    assert result["outcome"] == "refused" and "closed" in result["reason"]
    assert not session.enrollments.exists()
