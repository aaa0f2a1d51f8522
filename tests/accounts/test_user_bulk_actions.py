"""Wagtail's bulk actions on the user list follow the single-user screens' rules: an account
manager without national rights can neither delete, deactivate nor promote anyone above them,
and a deleted trainee leaves the dashboard's figures at once."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from lms.accounts import roles
from lms.accounts.models import User
from lms.reporting.models import CohortTotals
from lms.reporting.rollups import totals_drift
from tests.factories import UserFactory, enroll, make_cohort, role_groups

pytestmark = pytest.mark.django_db


def bulk(action: str, *people) -> str:
    ids = "&".join(f"id={person.pk}" for person in people)
    return f"{reverse('wagtail_bulk_action', args=('accounts', 'user', action))}?{ids}"


@pytest.fixture
def manager(client):
    """Someone given the user admin (add, change, delete accounts) and nothing national."""
    group = Group.objects.create(name="Account managers")
    group.permissions.set(Permission.objects.filter(
        content_type__app_label__in=["accounts", "wagtailadmin"],
        codename__in=["access_admin", "add_user", "change_user", "delete_user"]))
    person = UserFactory(is_staff=True)
    person.groups.add(group)
    client.force_login(person)
    return person


@pytest.fixture
def national():
    person = UserFactory(username="national", is_staff=True)
    person.groups.add(*role_groups(roles.NATIONAL_COORDINATOR))
    return person


def test_bulk_delete_spares_who_outranks_the_manager_and_recounts_the_figures(
        client, manager, national, site_tree):
    trainee = UserFactory(username="leaving")
    trainee.groups.add(*role_groups(roles.TRAINEE))
    cohort = make_cohort(course=site_tree["course"])
    enroll(cohort, trainee, UserFactory())

    client.post(bulk("delete", trainee, national))

    assert not User.objects.filter(username="leaving").exists()
    assert User.objects.filter(username="national").exists()
    assert CohortTotals.objects.get(cohort=cohort, grain=CohortTotals.Grain.COHORT).active == 1
    assert totals_drift() == []


def test_bulk_deactivate_spares_who_outranks_the_manager(client, manager, national):
    trainee = UserFactory()
    client.post(bulk("set_active_state", trainee, national), {"mark_as_active": "False"})
    trainee.refresh_from_db()
    national.refresh_from_db()
    assert (trainee.is_active, national.is_active) == (False, True)


def test_bulk_role_refuses_a_role_with_rights_the_manager_lacks(client, manager):
    trainee = UserFactory()
    administrators, trainees = role_groups(roles.ADMINISTRATOR, roles.TRAINEE)

    response = client.post(bulk("assign_role", trainee, manager), {"role": administrators.pk})
    assert response.status_code == 200 and "role" in response.context["form"].errors
    assert not trainee.groups.filter(pk=administrators.pk).exists()
    assert not manager.groups.filter(pk=administrators.pk).exists()

    client.post(bulk("assign_role", trainee), {"role": trainees.pk})
    assert trainee.groups.filter(pk=trainees.pk).exists()


def test_a_superuser_still_uses_every_bulk_action(client, national):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.post(bulk("set_active_state", national), {"mark_as_active": "False"})
    national.refresh_from_db()
    assert not national.is_active
