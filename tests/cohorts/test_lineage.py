import datetime

import pytest

from django.urls import reverse

from lms.cohorts import selectors, services
from lms.cohorts.models import Enrollment
from tests.factories import UserFactory, enroll, region

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 3, 4)


def _session(course, facilitators, *, tot=False, trainees=0, name=None, region_name="Kayes"):
    cohort = services.cohort_create(
        by=None, facilitators=facilitators, name=name or f"S{UserFactory().pk}",
        code=f"s-{UserFactory().pk}", course=course, region=region(region_name),
        start_date=DAY, end_date=DAY, is_training_of_trainers=tot)
    enroll(cohort, *[UserFactory() for _ in range(trainees)])
    return cohort


def _trained(cohort):
    person = UserFactory()
    (enrollment,) = enroll(cohort, person)
    Enrollment.objects.filter(pk=enrollment.pk).update(status="completed")
    services.trainer_record(user=person, cohort=cohort, by=None)
    return person


def _tree(course, fan_out=2):
    """master → L1 (ToT, 5 trainees + trainers) → fan_out L2 ToT (3 trainees each + a trainer)
    → one L3 per L2 (4 trainees each)."""
    master = UserFactory()
    top = _session(course, [master], tot=True, trainees=5, name="Top")
    for _ in range(fan_out):
        trainer = _trained(top)
        middle = _session(course, [trainer], tot=True, trainees=3)
        _session(course, [_trained(middle)], trainees=4, region_name="Mopti")
    return master, top


def test_lineage_counts_level_by_level(course):
    master, top = _tree(course)
    lineage = selectors.trainer_lineage(trainer=master)
    summary = [(lv.level, len(lv.cohorts), lv.trainees, lv.trainers) for lv in lineage.levels]
    assert summary == [(1, 1, 7, 2), (2, 2, 8, 2), (3, 2, 8, 0)]
    assert lineage.total_cohorts == 5 and lineage.total_trainees == 7 + 8 + 8
    assert selectors.cascade_downstream(cohort=top).count() == 4
    reach = selectors.cascade_reach(cohorts=selectors.cascade_downstream(cohort=top))
    assert reach == [{"level": 2, "cohorts": 2, "trainees": 8},
                     {"level": 3, "cohorts": 2, "trainees": 8}]


def test_region_reach_follows_the_cascade_out_of_the_region(course):
    _master, _top = _tree(course)
    lineage = selectors.region_reach(region=region("Kayes"))
    assert [lv.level for lv in lineage.levels] == [1, 2, 3]  # level 3 is held in Mopti
    kayes_only = selectors.region_reach(
        region=region("Kayes"), within=selectors.cohorts_visible_to(
            UserFactory(roles=["Regional coordinators"], regions=[region("Kayes")])))
    assert [lv.level for lv in kayes_only.levels] == [1, 2]


def test_lineage_queries_do_not_grow_with_the_tree(client, course, roles_ready,
                                                   django_assert_max_num_queries):
    national = UserFactory(roles=["National coordinators"])
    client.force_login(national)
    small_master, _ = _tree(course, fan_out=1)
    big_master, _ = _tree(course, fan_out=6)
    client.get(reverse("cohorts:trainer_lineage", args=[small_master.pk]))
    with django_assert_max_num_queries(30) as small:
        client.get(reverse("cohorts:trainer_lineage", args=[small_master.pk]))
    with django_assert_max_num_queries(30) as big:
        response = client.get(reverse("cohorts:trainer_lineage", args=[big_master.pk]))
    assert len(big.captured_queries) == len(small.captured_queries)
    assert "Level 3" in response.content.decode()
