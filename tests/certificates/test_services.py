import pytest

from django.db import IntegrityError, transaction

from lms.certificates import services
from lms.certificates.models import Certificate, CertificateEvent
from lms.cohorts.models import Enrollment
from tests.certificates.factories import completed_enrollment
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db


def actions(certificate):
    return list(certificate.events.values_list("action", flat=True))


def test_completion_issues_one_certificate_with_frozen_details(
        site_tree, django_capture_on_commit_callbacks):
    enrollment = completed_enrollment(course=site_tree["course"], first_name="Aïssata",
                                      last_name="Traoré", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue_for_completion(enrollment=enrollment)
        assert certificate.render_status == Certificate.RenderStatus.PENDING
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.DONE
    assert certificate.is_valid
    assert certificate.trainee_name == "Aïssata Traoré"
    assert certificate.course_title == "National Referral Mechanism"
    assert certificate.issuer_name == "Cascade"
    assert certificate.language == "en"
    assert certificate.issued_by is None
    assert actions(certificate) == [CertificateEvent.Action.ISSUED, "rendered"]
    again = services.certificate_issue_for_completion(enrollment=enrollment)
    assert again == certificate
    assert Certificate.objects.count() == 1


def test_incomplete_enrollment_gets_no_certificate(site_tree):
    (enrollment,) = enroll(make_cohort(course=site_tree["course"]), UserFactory())
    assert services.certificate_issue_for_completion(enrollment=enrollment) is None
    assert not Certificate.objects.exists()


def test_database_refuses_a_second_valid_certificate(site_tree):
    certificate = services.certificate_issue(
        enrollment=completed_enrollment(course=site_tree["course"]))
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrollment=certificate.enrollment, code="ZZZZ-ZZZZ-ZZZZ", trainee_name="x",
            course_title="x", issuer_name="x", language="en")


def test_manual_issue_needs_a_reason_and_records_who(site_tree):
    coordinator = UserFactory()
    (enrollment,) = enroll(make_cohort(course=site_tree["course"]), UserFactory())
    with pytest.raises(services.CertificateError):
        services.certificate_issue_manually(enrollment=enrollment, actor=coordinator, reason=" ")
    certificate = services.certificate_issue_manually(
        enrollment=enrollment, actor=coordinator, reason="Attendance sheet found late")
    event = certificate.events.get(action="issued")
    assert (event.actor, event.reason) == (coordinator, "Attendance sheet found late")
    assert certificate.issued_by == coordinator
    with pytest.raises(services.CertificateError):
        services.certificate_issue_manually(enrollment=enrollment, actor=coordinator,
                                            reason="twice")


def test_withdrawn_trainee_cannot_be_certified(site_tree):
    (enrollment,) = enroll(make_cohort(course=site_tree["course"]), UserFactory())
    enrollment.status = Enrollment.Status.WITHDRAWN
    enrollment.save()
    with pytest.raises(services.CertificateError):
        services.certificate_issue_manually(enrollment=enrollment, actor=None, reason="x")


def test_revoke_needs_a_reason_is_logged_and_sticks(site_tree):
    coordinator = UserFactory()
    certificate = services.certificate_issue(
        enrollment=completed_enrollment(course=site_tree["course"]))
    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, actor=coordinator, reason="")
    services.certificate_revoke(certificate=certificate, actor=coordinator,
                                reason="Exam fraud established")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_at is not None
    assert certificate.events.get(action="revoked").actor == coordinator
    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, actor=coordinator, reason="again")
    # Completion evaluated again later does not silently re-certify; a coordinator can.
    assert services.certificate_issue_for_completion(enrollment=certificate.enrollment) is None
    again = services.certificate_issue_manually(enrollment=certificate.enrollment,
                                                actor=coordinator, reason="Appeal upheld")
    assert again.is_valid and again.code != certificate.code


def test_reissue_replaces_with_a_new_code_and_name(site_tree, django_capture_on_commit_callbacks):
    coordinator = UserFactory()
    old = services.certificate_issue(enrollment=completed_enrollment(
        course=site_tree["course"], first_name="Aminata", last_name="Diara"))
    with pytest.raises(services.CertificateError):
        services.certificate_reissue(certificate=old, actor=coordinator, reason="",
                                     trainee_name="Aminata Diarra")
    with pytest.raises(services.CertificateError):
        services.certificate_reissue(certificate=old, actor=coordinator, reason="typo",
                                     trainee_name="  ")
    with django_capture_on_commit_callbacks(execute=True):
        new = services.certificate_reissue(certificate=old, actor=coordinator,
                                           reason="Name misspelt", trainee_name=" Aminata  Diarra ")
    new.refresh_from_db()
    assert new.render_status == Certificate.RenderStatus.DONE and new.pdf.name.endswith(
        f"{new.code}.pdf")
    old.refresh_from_db()
    assert old.status == Certificate.Status.REPLACED and old.replaced_by == new
    assert new.is_valid and new.code != old.code and new.trainee_name == "Aminata Diarra"
    assert actions(old)[-1] == "replaced" and "reissued" in actions(new)
    with pytest.raises(services.CertificateError):
        services.certificate_reissue(certificate=old, actor=coordinator, reason="again",
                                     trainee_name="X")


def test_course_title_follows_the_certificate_language(site_tree):
    from wagtail.models import Locale

    course = site_tree["course"]
    french = course.copy_for_translation(Locale.objects.get(language_code="fr"),
                                         copy_parents=True)
    french.title = "Mécanisme national de référencement"
    french.save_revision().publish()
    enrollment = completed_enrollment(course=course, language="fr")
    certificate = services.certificate_issue(enrollment=enrollment)
    assert certificate.language == "fr"
    assert certificate.course_title == "Mécanisme national de référencement"


def test_regenerate_cohort_counts_progress_and_issues_missing(
        site_tree, django_capture_on_commit_callbacks):
    cohort = make_cohort(course=site_tree["course"])
    first = completed_enrollment(course=site_tree["course"], cohort=cohort)
    revoked = completed_enrollment(course=site_tree["course"], cohort=cohort)
    missing = completed_enrollment(course=site_tree["course"], cohort=cohort)
    enroll(cohort, UserFactory())  # not completed: nothing
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue(enrollment=first)
        services.certificate_revoke(
            certificate=services.certificate_issue(enrollment=revoked), actor=None,
            reason="wrong person")
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.certificates_regenerate_for_cohort(cohort=cohort, actor=None)
    batch.refresh_from_db()
    assert (batch.total, batch.done, batch.failed, batch.finished) == (2, 2, 0, True)
    certificate.refresh_from_db()
    assert certificate.render_version == 2 and certificate.rendered_version == 2
    assert Certificate.objects.filter(enrollment=missing, status="valid").exists()
    assert not Certificate.objects.filter(enrollment=revoked, status="valid").exists()
