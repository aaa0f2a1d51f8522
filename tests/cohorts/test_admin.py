"""The Wagtail admin screens: scoped querysets, the cascade computed on save, no user admin
opened to coordinators."""

import pytest

from django.urls import reverse

from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.services import trainer_record
from tests.factories import UserFactory, enroll, region

pytestmark = pytest.mark.django_db


def _form(course, region_name, facilitators=(), **extra):
    data = {"name": "Admin-made", "code": "admin-made", "course": course.pk,
            "region": region(region_name).pk, "venue": "", "start_date": "2024-06-03",
            "end_date": "2024-06-04", "hours": "12", "capacity": "25", "language": "fr",
            "status": "planned", "facilitators": [f.pk for f in facilitators]}
    data.update(extra)
    return data


def test_admin_create_places_the_cohort_in_the_cascade(client, world, course):
    kayes = world["cohorts"]["kayes"]
    kayes.is_training_of_trainers = True
    kayes.save()
    trained = world["people"]["trainee_kayes"]
    Enrollment.objects.filter(trainee=trained).update(status="completed")
    trainer_record(user=trained, cohort=kayes, by=None)
    client.force_login(world["people"]["national"])
    response = client.post(reverse("cohort:add"), _form(course, "Mopti", [trained]))
    assert response.status_code == 302, response.content.decode()[-2000:]
    cohort = Cohort.objects.get(code="admin-made")
    assert (cohort.parent, cohort.level) == (kayes, 2)
    assert cohort.created_by == world["people"]["national"]


def test_regional_coordinator_cannot_create_in_another_region(client, world, course):
    client.force_login(world["people"]["coord_kayes"])
    client.post(reverse("cohort:add"), _form(course, "Mopti"))
    assert not Cohort.objects.filter(code="admin-made").exists()
    client.post(reverse("cohort:add"), _form(course, "Kayes"))
    assert Cohort.objects.get(code="admin-made").region.name == "Kayes"


def test_out_of_scope_edit_post_changes_nothing(client, world):
    mopti = world["cohorts"]["mopti"]
    client.force_login(world["people"]["coord_kayes"])
    client.post(reverse("cohort:edit", args=[mopti.pk]), {"name": "Hijacked"})
    client.post(reverse("cohort:delete", args=[mopti.pk]))
    mopti.refresh_from_db()
    assert mopti.name == "Mopti workshop"


def test_trainee_profiles_editable_in_scope_without_user_admin_rights(client, world):
    coordinator = world["people"]["coord_kayes"]
    trainee = world["people"]["trainee_kayes"]
    client.force_login(coordinator)
    response = client.post(reverse("trainees:edit", args=[trainee.pk]), {
        "first_name": "Kadia", "last_name": "Kayesienne", "sex": "F",
        "function": "technician", "organisation": "", "region": region("Kayes").pk,
        "phone": "+22376000002", "email": "", "language": "fr"})
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.function == "technician"
    assert not coordinator.has_perm("accounts.change_user")
    # Wagtail's own user admin stays closed to coordinators
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
    assert client.get(reverse("trainees:add")).status_code in (302, 403)


def test_enrollment_form_offers_only_managed_cohorts(client, world):
    client.force_login(world["people"]["facilitator_mopti"])
    form = client.get(reverse("enrollment:add")).context["form"]
    assert list(form.fields["cohort"].queryset) == [world["cohorts"]["mopti"]]
    assert world["people"]["trainee_kayes"] not in form.fields["trainee"].queryset


def test_reference_data_screens(client, world):
    client.force_login(world["people"]["national"])
    assert client.get(reverse("region:index")).status_code == 200
    assert "Tombouctou" in client.get(reverse("region:index")).content.decode()
    assert client.get(reverse("organisation:index")).status_code == 200
    client.force_login(world["people"]["facilitator_kayes"])
    assert client.get(reverse("region:index")).status_code in (302, 403)
    assert client.get(reverse("organisation:index")).status_code == 200


def test_admin_cohort_listing_query_count(client, world, course, django_assert_max_num_queries):
    from tests.factories import make_cohort

    client.force_login(world["people"]["national"])
    client.get(reverse("cohort:index"))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("cohort:index"))
    for _n in range(10):
        enroll(make_cohort(course=course), UserFactory())
    with django_assert_max_num_queries(40) as many:
        client.get(reverse("cohort:index"))
    assert len(many.captured_queries) == len(few.captured_queries)
