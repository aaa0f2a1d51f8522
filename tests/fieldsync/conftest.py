import datetime
import json
import uuid

import pytest

from django.utils import timezone


@pytest.fixture
def course(site_tree):
    return site_tree["course"]


@pytest.fixture
def world(course, roles_ready):
    """A Kayes and a Mopti session, each run by its own facilitator, a coordinator per
    region, and a trainee enrolled in each."""
    from lms.accounts import roles
    from tests.factories import UserFactory, enroll, make_cohort, region

    kayes, mopti = region("Kayes"), region("Mopti")
    people = {
        "facilitator": UserFactory(username="fac.kayes", roles=[roles.FACILITATOR]),
        "facilitator_mopti": UserFactory(username="fac.mopti", roles=[roles.FACILITATOR]),
        "coord_kayes": UserFactory(username="coord.kayes", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[kayes]),
        "coord_mopti": UserFactory(username="coord.mopti", roles=[roles.REGIONAL_COORDINATOR],
                                   regions=[mopti]),
        "trainee": UserFactory(username="trainee.kayes", roles=[roles.TRAINEE], region=kayes,
                               first_name="Kadia", last_name="Keita"),
        "trainee_mopti": UserFactory(username="trainee.mopti", roles=[roles.TRAINEE],
                                     region=mopti),
    }
    cohorts = {"kayes": make_cohort(course=course, region_name="Kayes"),
               "mopti": make_cohort(course=course, region_name="Mopti")}
    cohorts["kayes"].facilitators.add(people["facilitator"])
    cohorts["mopti"].facilitators.add(people["facilitator_mopti"])
    enrollments = {"kayes": enroll(cohorts["kayes"], people["trainee"])[0],
                   "mopti": enroll(cohorts["mopti"], people["trainee_mopti"])[0]}
    return {"people": people, "cohorts": cohorts, "enrollments": enrollments}


def mark(cohort, *, enrollment=None, enrol=None, day=datetime.date(2024, 3, 4),
         status="present", at=None, change_id=None) -> dict:
    change = {"id": str(change_id or uuid.uuid4()), "kind": "attendance", "cohort": cohort.pk,
              "date": day.isoformat(), "status": status,
              "at": (at or timezone.now()).isoformat()}
    if enrollment is not None:
        change["enrollment"] = enrollment.pk
    else:
        change["enrol"] = enrol
    return change


def enrol(cohort, **person) -> dict:
    values = {"first_name": "Fanta", "last_name": "Camara", "sex": "F", "phone": "",
              "function": "", "organisation": "", "region": str(cohort.region_id), "email": ""}
    values.update(person)
    return {"id": str(uuid.uuid4()), "kind": "enrol", "cohort": cohort.pk, "person": values,
            "at": timezone.now().isoformat()}


def post(client, *changes, language="en"):
    return client.post(f"/{language}/offline/sync/", json.dumps({"changes": list(changes)}),
                       content_type="application/json")


def outcomes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [result["outcome"] for result in response.json()["results"]]
