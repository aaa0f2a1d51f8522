import datetime

import pytest

from lms.cohorts.services import training_today


@pytest.fixture
def world(site_tree, roles_ready):
    """Kayes and Mopti cohorts that ended yesterday (their forms are open), each with its
    facilitator and three trainees; a coordinator per region, national staff."""
    from lms.accounts import roles
    from tests.factories import UserFactory, enroll, make_cohort, region

    kayes, mopti = region("Kayes"), region("Mopti")
    end = training_today() - datetime.timedelta(days=1)
    start = end - datetime.timedelta(days=2)
    people = {
        "facilitator_kayes": UserFactory(username="fac.kayes", roles=[roles.FACILITATOR]),
        "facilitator_mopti": UserFactory(username="fac.mopti", roles=[roles.FACILITATOR]),
        "coord_kayes": UserFactory(username="coord.kayes", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[kayes]),
        "coord_mopti": UserFactory(username="coord.mopti", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[mopti]),
        "national": UserFactory(username="national", roles=[roles.NATIONAL_COORDINATOR]),
    }
    course = site_tree["course"]
    cohorts = {
        "kayes": make_cohort(course=course, region_name="Kayes", name="Kayes workshop",
                             start_date=start, end_date=end),
        "mopti": make_cohort(course=course, region_name="Mopti", name="Mopti workshop",
                             start_date=start, end_date=end),
    }
    cohorts["kayes"].facilitators.add(people["facilitator_kayes"])
    cohorts["mopti"].facilitators.add(people["facilitator_mopti"])
    trainees = {
        key: [UserFactory(username=f"t.{key}.{n}", roles=[roles.TRAINEE], first_name=f"T{n}",
                          last_name=f"Nom{key}{n}") for n in range(3)]
        for key in cohorts
    }
    enrollments = {key: enroll(cohorts[key], *trainees[key]) for key in cohorts}
    return {"people": people, "cohorts": cohorts, "trainees": trainees,
            "enrollments": enrollments}


def answers_for(question_set, *, score: int = 4, apply: str = "", missing: str = "") -> dict:
    """A full, valid set of answers to the set's questions."""
    from lms.evaluations.services import field_name

    values = {}
    for item in question_set.items.all():
        if item.is_likert:
            values[field_name(item)] = score
        elif item.topic == "apply":
            values[field_name(item)] = apply
        else:
            values[field_name(item)] = missing
    return values
