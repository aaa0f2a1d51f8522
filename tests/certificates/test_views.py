"""Coordinator screens: roles, regional scope, actions and bad input; trainee downloads."""

import pytest

from django.urls import reverse

from lms.accounts import roles
from lms.certificates import services
from lms.certificates.models import Certificate
from tests.certificates.factories import completed_enrollment
from tests.factories import UserFactory, enroll, make_cohort, region

pytestmark = pytest.mark.django_db


@pytest.fixture
def kayes_cohort(site_tree, roles_ready):
    return make_cohort(course=site_tree["course"], region_name="Kayes")


@pytest.fixture
def certificate(kayes_cohort, django_capture_on_commit_callbacks):
    enrollment = completed_enrollment(course=kayes_cohort.course, cohort=kayes_cohort)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue(enrollment=enrollment)
    certificate.refresh_from_db()
    return certificate


def coordinator_of(name: str):
    return UserFactory(roles=[roles.REGIONAL_COORDINATOR], regions=[region(name)])


def test_regional_coordinator_sees_and_acts_only_in_their_regions(client, certificate):
    detail = reverse("certificates:detail", args=[certificate.pk])
    revoke = reverse("certificates:revoke", args=[certificate.pk])
    client.force_login(coordinator_of("Mopti"))
    assert client.get(detail).status_code == 404
    assert client.post(revoke, {"revoke-reason": "x"}).status_code == 404
    assert client.get(reverse("certificates:cohort",
                              args=[certificate.enrollment.cohort_id])).status_code == 404
    client.force_login(coordinator_of("Kayes"))
    page = client.get(detail)
    assert page.status_code == 200 and certificate.code in page.content.decode()
    response = client.post(revoke, {"revoke-reason": "Identity fraud"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    event = certificate.events.get(action="revoked")
    assert event.reason == "Identity fraud"
    assert event.actor == response.wsgi_request.user


def test_revoke_without_reason_is_refused_with_a_form_error(client, certificate):
    client.force_login(coordinator_of("Kayes"))
    response = client.post(reverse("certificates:revoke", args=[certificate.pk]),
                           {"revoke-reason": ""})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_facilitator_may_look_but_not_act(client, certificate):
    facilitator = UserFactory(roles=[roles.FACILITATOR])
    certificate.enrollment.cohort.facilitators.add(facilitator)
    client.force_login(facilitator)
    assert client.get(reverse("certificates:detail", args=[certificate.pk])).status_code == 200
    response = client.post(reverse("certificates:revoke", args=[certificate.pk]),
                           {"revoke-reason": "x"})
    assert response.status_code == 404
    regenerate = reverse("certificates:regenerate", args=[certificate.enrollment.cohort_id])
    assert client.post(regenerate).status_code == 404


def test_trainee_cannot_reach_the_coordinator_screens(client, certificate):
    client.force_login(certificate.enrollment.trainee)
    assert client.get(reverse("certificates:index")).status_code == 404
    assert client.get(reverse("certificates:detail", args=[certificate.pk])).status_code == 404


def test_reissue_from_the_detail_page(client, certificate):
    client.force_login(UserFactory(roles=[roles.NATIONAL_COORDINATOR]))
    response = client.post(reverse("certificates:reissue", args=[certificate.pk]), {
        "reissue-trainee_name": "Fatoumata Sidibé", "reissue-reason": "Name corrected"})
    new = Certificate.objects.get(status="valid")
    assert response.url == reverse("certificates:detail", args=[new.pk])
    assert new.trainee_name == "Fatoumata Sidibé" and new.code != certificate.code


def test_manual_issue_and_cohort_page(client, kayes_cohort, django_assert_max_num_queries):
    coordinator = coordinator_of("Kayes")
    trainees = [UserFactory() for _ in range(5)]
    enrollments = enroll(kayes_cohort, *trainees)
    client.force_login(coordinator)
    url = reverse("certificates:issue", args=[enrollments[0].pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 302 and not Certificate.objects.exists()
    client.post(url, {"reason": "Attendance sheet recovered"})
    assert Certificate.objects.get().issued_by == coordinator
    page_url = reverse("certificates:cohort", args=[kayes_cohort.pk])
    client.get(page_url)
    with django_assert_max_num_queries(20) as queries:
        page = client.get(page_url)
    enroll(kayes_cohort, *[UserFactory() for _ in range(20)])
    with django_assert_max_num_queries(len(queries)):  # the table costs the same for 25 rows
        client.get(page_url)
    assert page.status_code == 200
    assert page.content.decode().count("Issue manually") == 4


def test_regenerate_redirects_to_a_progress_page(
        client, certificate, django_capture_on_commit_callbacks):
    client.force_login(coordinator_of("Kayes"))
    cohort_id = certificate.enrollment.cohort_id
    assert client.get(reverse("certificates:regenerate", args=[cohort_id])).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("certificates:regenerate", args=[cohort_id]))
    progress = client.get(response.url)
    html = progress.content.decode()
    assert '<progress max="1" value="1"' in html and "Finished." in html
    assert 'http-equiv="refresh"' not in html  # finished: no more refreshing


def test_progress_page_refreshes_while_running(client, certificate):
    from lms.certificates.models import CertificateBatch

    batch = CertificateBatch.objects.create(cohort=certificate.enrollment.cohort, total=220,
                                            done=40, failed=1)
    Certificate.objects.filter(pk=certificate.pk).update(
        batch=batch, render_status="failed", last_error="OSError: disk full")
    client.force_login(coordinator_of("Kayes"))
    html = client.get(reverse("certificates:batch", args=[batch.pk])).content.decode()
    assert 'http-equiv="refresh"' in html and "40 generated, 1 failed, of 220" in html
    assert "OSError: disk full" in html and certificate.code in html
    client.force_login(coordinator_of("Mopti"))
    assert client.get(reverse("certificates:batch", args=[batch.pk])).status_code == 404


def test_trainee_downloads_their_own_certificate_only(client, certificate):
    url = reverse("certificates:download", args=[certificate.pk])
    assert client.get(url).status_code == 302  # login first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(certificate.enrollment.trainee)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    services.certificate_revoke(certificate=certificate, actor=None, reason="fraud")
    assert client.get(url).status_code == 404


def test_my_certificates_include(rf, certificate):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = certificate.enrollment.trainee
    html = render_to_string("certificates/includes/my_certificates.html", {"request": request})
    assert certificate.code in html
    assert reverse("certificates:download", args=[certificate.pk]) in html
    request.user = UserFactory()
    assert "once you complete a course" in render_to_string(
        "certificates/includes/my_certificates.html", {"request": request})
