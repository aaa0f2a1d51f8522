"""A roster import that fails half-way leaves the database as it was, and can be retried.

The failure is a real one raised by the database itself (a trigger that aborts the INSERT of
the third enrollment, after the new accounts and two enrollments were written in the same
transaction), driven through the coordinator's pages: upload, preview, confirm.
"""

from contextlib import contextmanager

import pytest

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from lms.accounts import roles
from lms.accounts.models import User
from lms.cohorts.models import Enrollment
from tests.factories import OrganisationFactory, UserFactory, make_cohort

pytestmark = pytest.mark.django_db

ROSTER = "\n".join([
    "first_name,last_name,sex,function,organisation,region,phone,email",
    "Aminata,Traoré,F,social_worker,Croix-Rouge malienne,Kayes,+223 76 12 34 56,",
    "Seydou,Keïta,M,technician,Croix-Rouge malienne,Kayes,66123457,",
    "Oumou,Sangaré,F,service_provider,,Kayes,,",
    "Bakary,Coulibaly,M,health_worker,,Kayes,79123458,",
]).encode()


@contextmanager
def enrollment_insert_fails_after(rows: int):
    """Make the database refuse any enrollment beyond `rows` per cohort, mid-statement."""
    table = Enrollment._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"CREATE TRIGGER fault_roster BEFORE INSERT ON {table} "
                f"WHEN (SELECT COUNT(*) FROM {table} WHERE cohort_id = NEW.cohort_id) >= {rows} "
                "BEGIN SELECT RAISE(ABORT, 'simulated failure half-way'); END")
            drop = ["DROP TRIGGER fault_roster"]
        elif connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION fault_roster() RETURNS trigger AS $$ BEGIN "
                f"IF (SELECT COUNT(*) FROM {table} WHERE cohort_id = NEW.cohort_id) >= {rows} "
                "THEN RAISE EXCEPTION 'simulated failure half-way'; END IF; RETURN NEW; END; "
                "$$ LANGUAGE plpgsql")
            cursor.execute(f"CREATE TRIGGER fault_roster BEFORE INSERT ON {table} "
                           "FOR EACH ROW EXECUTE FUNCTION fault_roster()")
            drop = [f"DROP TRIGGER fault_roster ON {table}", "DROP FUNCTION fault_roster()"]
        else:
            pytest.skip(f"no fault trigger for {connection.vendor}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for statement in drop:
                cursor.execute(statement)


def _snapshot(cohort) -> dict:
    trainees = Group.objects.get(name=roles.TRAINEE)
    return {
        "users": sorted(User.objects.values_list("username", flat=True)),
        "enrollments": Enrollment.objects.filter(cohort=cohort).count(),
        "all_enrollments": Enrollment.objects.count(),
        "trainees_group": trainees.user_set.count(),
    }


@pytest.fixture
def setup(client, site_tree, roles_ready):
    OrganisationFactory(name="Croix-Rouge malienne", acronym="CRM")
    cohort = make_cohort(course=site_tree["course"], region_name="Kayes", capacity=30)
    already = UserFactory(username="already.there", roles=[roles.TRAINEE])
    Enrollment.objects.create(cohort=cohort, trainee=already)
    coordinator = UserFactory(roles=[roles.NATIONAL_COORDINATOR])
    client.force_login(coordinator)
    return cohort


def _upload_and_preview(client, cohort) -> None:
    response = client.post(reverse("cohorts:roster_import", args=[cohort.pk]),
                           {"file": SimpleUploadedFile("roster.csv", ROSTER, "text/csv")})
    assert response.status_code == 200
    assert response.context["preview"].ok


def test_failure_half_way_through_the_confirm_changes_nothing(client, setup):
    cohort = setup
    _upload_and_preview(client, cohort)
    before = _snapshot(cohort)
    client.raise_request_exception = False

    with enrollment_insert_fails_after(3):  # the existing one + two new: the third new fails
        response = client.post(reverse("cohorts:roster_confirm", args=[cohort.pk]))

    assert response.status_code == 500
    assert _snapshot(cohort) == before


def test_the_same_preview_can_be_confirmed_again_once_the_fault_is_gone(client, setup):
    cohort = setup
    _upload_and_preview(client, cohort)
    before = _snapshot(cohort)
    client.raise_request_exception = False
    with enrollment_insert_fails_after(3):
        client.post(reverse("cohorts:roster_confirm", args=[cohort.pk]))

    response = client.post(reverse("cohorts:roster_confirm", args=[cohort.pk]))

    assert response.status_code == 302
    after = _snapshot(cohort)
    assert after["enrollments"] == before["enrollments"] + 4
    assert len(after["users"]) == len(before["users"]) + 4
    # Once, not twice: a second confirm has nothing left to import.
    client.post(reverse("cohorts:roster_confirm", args=[cohort.pk]))
    assert _snapshot(cohort) == after
