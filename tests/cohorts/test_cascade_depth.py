"""One cascade depth limit: the services refuse a cohort below it, every reader reaches it."""


import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from lms.cohorts import selectors, services
from lms.cohorts.models import CASCADE_MAX_LEVEL, Cohort
from lms.reporting import selectors as reporting
from lms.reporting.filters import FilterForm, Filters
from tests.factories import UserFactory, cascade_session, enroll, recorded_trainer, region

pytestmark = pytest.mark.django_db



@pytest.fixture
def deepest_chain(course):
    """A master trainer's workshop and one cohort per level below it, down to the limit."""
    master = UserFactory()
    chain = [cascade_session(course, [master], name="level-1", tot=True)]
    for level in range(2, CASCADE_MAX_LEVEL + 1):
        chain.append(cascade_session(course, [recorded_trainer(chain[-1])],
                                     name=f"level-{level}", tot=True))
    return master, chain


def test_cohorts_reach_the_limit_and_every_reader_follows(deepest_chain, roles_ready):
    master, chain = deepest_chain
    assert [c.level for c in chain] == list(range(1, CASCADE_MAX_LEVEL + 1))
    assert set(selectors.cascade_downstream(cohort=chain[0])) == set(chain[1:])
    deepest = chain[-1]
    enroll(deepest, UserFactory())
    national = UserFactory(roles=["National coordinators"])
    (row,) = reporting.reach_by_master_trainer(user=national, filters=Filters())
    assert row["user_id"] == master.pk
    # one trainee per level: the trainer trained there, or the deepest cohort's trainee
    assert (row["direct"], row["downstream"]) == (1, CASCADE_MAX_LEVEL - 1)
    level_choices = FilterForm(user=national).fields["level"].choices
    assert level_choices[-1][0] == CASCADE_MAX_LEVEL


def test_no_cohort_below_the_limit(course, deepest_chain):
    _master, chain = deepest_chain
    with pytest.raises(ValidationError) as refused:
        cascade_session(course, [recorded_trainer(chain[-1])], name="too-deep", code="too-deep",
                        tot=True)
    assert refused.value.code == "cascade_too_deep"
    assert not Cohort.objects.filter(code="too-deep").exists()


def test_no_move_that_pushes_downstream_cohorts_below_the_limit(course, deepest_chain):
    _master, chain = deepest_chain
    elsewhere = cascade_session(course, [UserFactory()], name="elsewhere", tot=True)
    top = chain[0]
    with pytest.raises(ValidationError):
        services.cohort_update(cohort=top, facilitators=[recorded_trainer(elsewhere)])
    assert [c.level for c in Cohort.objects.filter(pk__in=[c.pk for c in chain])
            .order_by("level")] == list(range(1, CASCADE_MAX_LEVEL + 1))
    top.refresh_from_db()
    assert top.parent_id is None


def test_cohort_form_shows_the_limit_as_a_field_error(client, course, deepest_chain, roles_ready):
    _master, chain = deepest_chain
    client.force_login(UserFactory(roles=["National coordinators"]))
    trainer = recorded_trainer(chain[-1])
    response = client.post(reverse("cohorts:create"), {
        "name": "Too deep", "code": "too-deep", "course": course.pk,
        "region": region("Kayes").pk, "start_date": "2024-05-02", "end_date": "2024-05-03",
        "hours": 12, "capacity": 20, "language": "fr", "status": "planned",
        "facilitators": [trainer.pk]})
    assert response.status_code == 200
    assert "facilitators" in response.context["form"].errors
    assert not Cohort.objects.filter(code="too-deep").exists()


def test_admin_cohort_form_shows_the_limit_as_a_field_error(client, course, deepest_chain,
                                                            roles_ready):
    _master, chain = deepest_chain
    client.force_login(UserFactory(roles=["National coordinators"]))
    trainer = recorded_trainer(chain[-1])
    response = client.post(reverse("cohort:add"), {
        "name": "Too deep", "code": "too-deep", "course": course.pk,
        "region": region("Kayes").pk, "venue": "", "start_date": "2024-06-03",
        "end_date": "2024-06-04", "hours": "12", "capacity": "25", "language": "fr",
        "status": "planned", "facilitators": [trainer.pk]})
    assert response.status_code == 200
    assert "facilitators" in response.context["form"].errors
    assert not Cohort.objects.filter(code="too-deep").exists()
