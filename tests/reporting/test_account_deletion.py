"""Deleting a trainee's account in Settings → Users (Wagtail's delete view) deletes their
enrollments; the dashboard's totals of their cohorts are recounted in the same transaction."""

import pytest

from django.urls import reverse

from lms.accounts.models import User
from lms.reporting.models import CohortTotals
from lms.reporting.rollups import totals_drift
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db


def active(cohort) -> int:
    """People reached in the cohort's totals (no row: nobody enrolled)."""
    row = CohortTotals.objects.filter(cohort=cohort, grain=CohortTotals.Grain.COHORT).first()
    return row.active if row else 0


def test_the_deleted_trainee_leaves_the_figures_of_every_cohort_they_were_in(client,
                                                                             site_tree):
    course = site_tree["course"]
    first, second = make_cohort(course=course), make_cohort(course=course, region_name="Mopti")
    leaving, staying = UserFactory(username="leaving"), UserFactory()
    enroll(first, leaving, staying)
    enroll(second, leaving)
    assert (active(first), active(second)) == (2, 1)

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(reverse("wagtailusers_users:delete", args=[leaving.pk]))

    assert response.status_code == 302
    assert not User.objects.filter(username="leaving").exists()
    assert (active(first), active(second)) == (1, 0)
    assert totals_drift() == []


def test_a_refused_deletion_changes_nothing(client, site_tree):
    cohort = make_cohort(course=site_tree["course"])
    admin = UserFactory(is_superuser=True, is_staff=True)
    enroll(cohort, admin)
    client.force_login(UserFactory(is_staff=True))  # no right to delete accounts
    client.post(reverse("wagtailusers_users:delete", args=[admin.pk]))
    assert User.objects.filter(pk=admin.pk).exists()
    assert active(cohort) == 1 and totals_drift() == []
