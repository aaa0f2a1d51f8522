from unittest import mock

import pytest

from lms.cohorts.services import completion_seams


@pytest.fixture
def course(site_tree):
    return site_tree["course"]


@pytest.fixture
def post_test(monkeypatch):
    """Stand-in for the quiz helper's post_test_passed: a set of user ids who passed."""
    passed: set[int] = set()

    def fake(*, user, course):
        return user.pk in passed

    monkeypatch.setattr(completion_seams, "post_test_passed", fake)
    return passed


@pytest.fixture
def certificate_issue(monkeypatch):
    issue = mock.Mock(return_value=None)
    monkeypatch.setattr(completion_seams, "on_completed", issue)
    return issue


@pytest.fixture
def world(course, roles_ready):
    """Two regions, each with a cohort run by its own facilitator, a coordinator per region,
    a national coordinator, an administrator, and a trainee in each cohort."""
    from lms.accounts import roles
    from tests.factories import UserFactory, enroll, make_cohort, region

    kayes, mopti = region("Kayes"), region("Mopti")
    people = {
        "facilitator_kayes": UserFactory(username="fac.kayes", roles=[roles.FACILITATOR]),
        "facilitator_mopti": UserFactory(username="fac.mopti", roles=[roles.FACILITATOR]),
        "coord_kayes": UserFactory(username="coord.kayes", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[kayes]),
        "coord_mopti": UserFactory(username="coord.mopti", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[mopti]),
        "national": UserFactory(username="national", roles=[roles.NATIONAL_COORDINATOR]),
        "admin": UserFactory(username="administrator", roles=[roles.ADMINISTRATOR]),
        "trainee_kayes": UserFactory(username="trainee.kayes", roles=[roles.TRAINEE],
                                     region=kayes, first_name="Kadia", last_name="Kayesienne"),
        "trainee_mopti": UserFactory(username="trainee.mopti", roles=[roles.TRAINEE],
                                     region=mopti, first_name="Moussa", last_name="Moptien"),
    }
    cohorts = {
        "kayes": make_cohort(course=course, region_name="Kayes", name="Kayes workshop"),
        "mopti": make_cohort(course=course, region_name="Mopti", name="Mopti workshop"),
    }
    cohorts["kayes"].facilitators.add(people["facilitator_kayes"])
    cohorts["mopti"].facilitators.add(people["facilitator_mopti"])
    enrollments = {
        "kayes": enroll(cohorts["kayes"], people["trainee_kayes"])[0],
        "mopti": enroll(cohorts["mopti"], people["trainee_mopti"])[0],
    }
    return {"people": people, "cohorts": cohorts, "enrollments": enrollments}


@pytest.fixture
def by(roles_ready):
    """Who imports a roster: a national coordinator, whose scope is every plain trainee."""
    from lms.accounts import roles
    from tests.factories import UserFactory

    return UserFactory(username="importer", roles=[roles.NATIONAL_COORDINATOR])


from tests.cohorts.sessions_fixtures import field  # noqa: E402, F401  (the field workflow)
