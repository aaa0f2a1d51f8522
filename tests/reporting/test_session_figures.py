"""The field workflow's figures: sessions per level and region (validated, pending, sent
back), active trainers, people reached per trainer, on the dashboard and in the API, each in
at most two queries."""

import datetime

import pytest

from django.urls import reverse

from lms.cohorts.models import Cohort
from lms.reporting import sessions
from lms.reporting.filters import Filters
from lms.reporting.services import api_token_create
from tests.factories import make_cohort

NONE = Filters()
TODAY = datetime.date(2024, 6, 1)  # the dataset's sessions end in March and April 2024


@pytest.fixture
def field_data(dataset):
    """The dataset's Kayes session run by t1 (a recorded trainer); a pending Kayes session and
    a returned Mopti one, both run by t2 (recorded too)."""
    t2 = dataset["enrollments"]["t2"].trainee
    pending = make_cohort(course=dataset["course"], region_name="Kayes", level=2,
                          parent=dataset["l1"], name="Pending",
                          validation=Cohort.Validation.PENDING,
                          start_date=datetime.date(2024, 5, 6),
                          end_date=datetime.date(2024, 5, 7))
    returned = make_cohort(course=dataset["course"], region_name="Mopti", level=2,
                           parent=dataset["l1"], name="Returned",
                           validation=Cohort.Validation.RETURNED,
                           start_date=datetime.date(2024, 5, 6),
                           end_date=datetime.date(2024, 5, 7))
    for cohort in (pending, returned):
        cohort.facilitators.add(t2)
    for user in (dataset["national"], dataset["kayes_coord"]):
        user.get_all_permissions()  # cached on the user, as after a request's first check
    return {**dataset, "t1": dataset["enrollments"]["t1"].trainee, "t2": t2}


def test_sessions_by_level_and_region(field_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        rows = sessions.sessions_by_level_region(user=field_data["national"], filters=NONE)
    assert rows == [
        {"level": 1, "region": "Bamako", "validated": 1, "pending": 0, "returned": 0},
        {"level": 2, "region": "Kayes", "validated": 1, "pending": 1, "returned": 0},
        {"level": 2, "region": "Mopti", "validated": 1, "pending": 0, "returned": 1},
    ]
    kayes = sessions.sessions_by_level_region(user=field_data["kayes_coord"], filters=NONE)
    assert kayes == [{"level": 2, "region": "Kayes", "validated": 1, "pending": 1,
                      "returned": 0}]


def test_active_trainers(field_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        active = sessions.active_trainers(user=field_data["national"], filters=NONE,
                                          today=TODAY)
    # t1 ran the validated Kayes session (ended 5 March 2024); t2's sessions await validation
    assert active["total"] == 1
    assert active["rows"] == [{"region": "Kayes", "level": 2, "trainers": 1}]
    later = sessions.active_trainers(user=field_data["national"], filters=NONE,
                                     today=datetime.date(2024, 9, 6))
    assert later["total"] == 0 and later["rows"] == []
    Cohort.objects.filter(name="Pending").update(validation=Cohort.Validation.VALIDATED)
    assert sessions.active_trainers(user=field_data["national"], filters=NONE,
                                    today=TODAY)["total"] == 2
    assert sessions.active_trainers(user=field_data["kayes_coord"], filters=Filters(
        region="mopti"), today=TODAY)["total"] == 0


def test_reach_per_trainer(field_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # repeats, their trainers, the totals per trainer
        rows = sessions.reach_per_trainer(user=field_data["national"], filters=NONE,
                                          today=TODAY)
    assert [(r["user_id"], r["sessions"], r["people"], r["active"]) for r in rows] == [
        (field_data["t1"].pk, 1, 3, True)]  # k1, k2, k3; t2's sessions are not counted
    Cohort.objects.filter(name="Pending").update(validation=Cohort.Validation.VALIDATED)
    rows = sessions.reach_per_trainer(user=field_data["national"], filters=NONE, today=TODAY)
    assert {r["user_id"]: r["people"] for r in rows} == {field_data["t1"].pk: 3,
                                                         field_data["t2"].pk: 0}


def test_the_dashboard_shows_them(client, field_data):
    client.force_login(field_data["national"])
    page = client.get(reverse("reporting:dashboard")).content.decode()
    assert 'id="field-heading"' in page
    assert 'data-active-trainers="' in page
    assert "T1 Test" in page


def test_the_api_gives_them(client, field_data):
    _token, key = api_token_create(owner=field_data["national"], name="M&E")
    answer = client.get("/api/indicators", headers={"Authorization": f"Bearer {key}"}).json()
    assert {"level": 2, "region": "Kayes", "validated": 1, "pending": 1,
            "returned": 0} in answer["sessions"]
    assert answer["active_trainers"]["total"] in (0, 1)  # relative to the real today
    assert answer["trainers"][0]["people"] == 3
    assert set(answer["trainers"][0]) == {"user_id", "name", "region", "sessions", "people",
                                          "active"}


def test_the_figures_scope_is_the_managed_counted_cohorts(field_data):
    """`counted_cohorts_managed_by` (what every figure reads) is `cohorts_managed_by(...)
    .counted()` written for the region index, for every kind of viewer: national, regional,
    a recorded trainer with validated and open sessions, a plain trainee."""
    from lms.cohorts.selectors import cohorts_managed_by, counted_cohorts_managed_by

    viewers = [field_data["national"], field_data["kayes_coord"], field_data["t1"],
               field_data["t2"], *(e.trainee for e in field_data["enrollments"].values())]
    for viewer in viewers:
        expected = set(cohorts_managed_by(viewer).counted().values_list("pk", flat=True))
        assert set(counted_cohorts_managed_by(viewer).values_list("pk", flat=True)) == \
            expected, viewer
    assert set(counted_cohorts_managed_by(field_data["t2"])) == set()  # pending, returned
    assert counted_cohorts_managed_by(field_data["kayes_coord"]).exists()
