
import pytest

from django.urls import reverse

from lms.cohorts import selectors
from tests.factories import UserFactory, cascade_session, recorded_trainer, region

pytestmark = pytest.mark.django_db



def _tree(course, fan_out=2):
    """master → L1 (ToT, 5 trainees + trainers) → fan_out L2 ToT (3 trainees each + a trainer)
    → one L3 per L2 (4 trainees each)."""
    master = UserFactory()
    top = cascade_session(course, [master], tot=True, trainees=5, name="Top")
    for _ in range(fan_out):
        trainer = recorded_trainer(top)
        middle = cascade_session(course, [trainer], tot=True, trainees=3)
        cascade_session(course, [recorded_trainer(middle)], trainees=4, region_name="Mopti")
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
