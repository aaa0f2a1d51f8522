"""Read-side questions about certificates: who may see which, and what a code verifies to."""

from django.db.models import Count, Prefetch, Q, QuerySet

from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.selectors import cohorts_managed_by

from .codes import code_normalise
from .models import Certificate

VIEW, ISSUE, REVOKE, REGENERATE = (
    "certificates.view_certificate", "certificates.issue_certificate",
    "certificates.revoke_certificate", "certificates.regenerate_certificates",
)


def certificates_of_trainee(*, user) -> QuerySet[Certificate]:
    """The trainee's own valid certificates, for "My learning"."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return (
        Certificate.objects.filter(enrollment__trainee=user, status=Certificate.Status.VALID)
        .select_related("enrollment__cohort").order_by("-issued_at")
    )


def cohorts_with_certificates_for(*, user) -> QuerySet[Cohort]:
    """Cohorts whose certificates `user` may look after, with counts for a listing."""
    if not user.has_perm(VIEW):
        return Cohort.objects.none()
    return cohorts_managed_by(user).select_related("region").annotate(
        completed_count=Count("enrollments", filter=Q(
            enrollments__status=Enrollment.Status.COMPLETED), distinct=True),
        valid_count=Count("enrollments__certificates", filter=Q(
            enrollments__certificates__status=Certificate.Status.VALID), distinct=True),
    )


def cohort_for(*, user, cohort_id: int, permission: str = VIEW) -> Cohort | None:
    """The cohort if `user` holds `permission` and the cohort is one they run or coordinate
    (being enrolled in a cohort shows only one's own certificate, never the others')."""
    if not user.has_perm(permission):
        return None
    return cohorts_managed_by(user).select_related("region", "course").filter(pk=cohort_id).first()


def certificate_for(*, user, certificate_id: int, permission: str = VIEW) -> Certificate | None:
    certificate = Certificate.objects.select_related(
        "enrollment__cohort__region", "enrollment__trainee", "replaced_by", "batch",
    ).filter(pk=certificate_id).first()
    if certificate is None or cohort_for(
            user=user, cohort_id=certificate.enrollment.cohort_id, permission=permission) is None:
        return None
    return certificate


def certificate_for_download(*, user, certificate_id: int) -> Certificate | None:
    """The trainee's own valid certificate, or any certificate of a cohort staff may see."""
    certificate = Certificate.objects.select_related("enrollment").filter(
        pk=certificate_id).first()
    if certificate is None or not certificate.pdf:
        return None
    own = certificate.enrollment.trainee_id == user.pk and certificate.is_valid
    if own or certificate_for(user=user, certificate_id=certificate_id):
        return certificate
    return None


def cohort_enrollment_rows(*, cohort: Cohort) -> QuerySet[Enrollment]:
    """Each enrollment with its certificates, newest first (`certificate_list`)."""
    return (
        cohort.enrollments.select_related("trainee")
        .prefetch_related(Prefetch(
            "certificates", queryset=Certificate.objects.order_by("-issued_at", "-pk"),
            to_attr="certificate_list"))
        .order_by("trainee__last_name", "trainee__first_name", "pk")
    )


def certificate_verify(*, code: str) -> Certificate | None:
    normalised = code_normalise(code)
    if normalised is None:
        return None
    return Certificate.objects.select_related("enrollment__cohort").filter(
        code=normalised).first()
