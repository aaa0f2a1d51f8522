import pytest

from lms.notifications.sms.console import MemoryBackend


@pytest.fixture
def course(site_tree):
    return site_tree["course"]


@pytest.fixture
def sms_outbox():
    MemoryBackend.outbox.clear()
    yield MemoryBackend.outbox
    MemoryBackend.outbox.clear()


@pytest.fixture
def world(course, roles_ready):
    """Kayes and Mopti: a coordinator each, national staff, a facilitator, a trainee in each
    region's cohort, and a facilitator enrolled as a trainee in Kayes (staff)."""
    from lms.accounts import roles
    from tests.factories import UserFactory, enroll, make_cohort, region

    kayes, mopti = region("Kayes"), region("Mopti")
    people = {
        "coord_kayes": UserFactory(username="coord.kayes", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[kayes]),
        "coord_mopti": UserFactory(username="coord.mopti", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[mopti]),
        "national": UserFactory(username="national", roles=[roles.NATIONAL_COORDINATOR]),
        "facilitator": UserFactory(username="fac.kayes", roles=[roles.FACILITATOR]),
        "trainee_kayes": UserFactory(username="trainee.kayes", roles=[roles.TRAINEE],
                                     region=kayes, first_name="Kadia", last_name="Keita",
                                     phone="+22376123456"),
        "trainee_mopti": UserFactory(username="trainee.mopti", roles=[roles.TRAINEE],
                                     region=mopti, first_name="Moussa", last_name="Maiga",
                                     email="moussa@example.org"),
    }
    cohorts = {
        "kayes": make_cohort(course=course, region_name="Kayes", name="Kayes workshop"),
        "mopti": make_cohort(course=course, region_name="Mopti", name="Mopti workshop"),
    }
    enrollments = {
        "kayes": enroll(cohorts["kayes"], people["trainee_kayes"])[0],
        "mopti": enroll(cohorts["mopti"], people["trainee_mopti"])[0],
        "staff": enroll(cohorts["kayes"], people["facilitator"])[0],
    }
    return {"people": people, "cohorts": cohorts, "enrollments": enrollments}
