"""Certificate rules: issue (automatic and manual), re-issue, revoke, regenerate a cohort.

Exactly one valid certificate per enrollment: the database enforces it with a conditional
unique constraint, and `certificate_issue` turns the losing side of a race into "return the
winner". Rendering and e-mail are queued only once the transaction has committed, and a lost
message is picked up again by `certificates_render_pending` (see rendering.py).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

from lms.cohorts import figures
from lms.cohorts.models import Cohort, Enrollment

from .codes import code_generate
from .models import Certificate, CertificateBatch, CertificateEvent, CertificateSettings

DEFAULT_ISSUER = "Cascade"


class CertificateError(ValueError):
    """A certificate action that the rules forbid; the message is shown to the user."""


def issuer_name_current() -> str:
    return CertificateSettings.load().issuer_name.strip() or DEFAULT_ISSUER


def course_title_in(*, course, language: str) -> str:
    """The course title in the certificate's language when the course is translated."""
    if course.locale.language_code == language:
        return course.title
    locale = Locale.objects.filter(language_code=language).first()
    translated = course.get_translation_or_none(locale) if locale else None
    return translated.title if translated else course.title


def _not_plugged(*args) -> None:
    raise RuntimeError("The certificates app is not ready: nothing is plugged into `queue`.")


@dataclass
class Queue:
    """How the rules (here and in rendering.py) hand work to Celery without importing the tasks
    that call them: tasks.py plugs its enqueue helpers in at start-up (`CertificatesConfig.
    ready`). Each takes a certificate id and never raises (a lost message is swept up)."""

    render: Callable[[int], None] = _not_plugged
    render_many: Callable[[list[int]], None] = _not_plugged
    notify: Callable[[int], None] = _not_plugged


queue = Queue()


RENDER_BATCH_SIZE = 25  # PDFs per task when a cohort is (re)generated: ~0.5-1 s of work


# Inside `renders_batched()`: the certificates issued so far, rendered together on the way out.
_batched: ContextVar[list[int] | None] = ContextVar("renders_batched", default=None)


@contextmanager
def renders_batched() -> Iterator[None]:
    """Render the certificates issued inside the block together, in batches of
    `RENDER_BATCH_SIZE` once its transaction commits, instead of one task each: for bulk loads
    (the demo issues 350 certificates; the batch renderer does one locked read and one update
    per batch instead of a transaction per PDF). If the block raises, nothing is sent: its
    transaction rolls back, and a certificate that did commit is swept up as pending."""
    if _batched.get() is not None:  # nested: the outermost block sends
        yield
        return
    issued: list[int] = []
    token = _batched.set(issued)
    try:
        yield
    finally:
        _batched.reset(token)
    if issued:
        enqueue_render_on_commit(issued)


def enqueue_render_on_commit(certificate_ids: list[int]) -> None:
    batched = _batched.get()
    if batched is not None:
        batched.extend(certificate_ids)
        return

    def send() -> None:
        if len(certificate_ids) == 1:
            queue.render(certificate_ids[0])
            return
        for start in range(0, len(certificate_ids), RENDER_BATCH_SIZE):
            queue.render_many(certificate_ids[start:start + RENDER_BATCH_SIZE])

    transaction.on_commit(send)


def _log(certificate: Certificate, action: str, *, actor=None, reason: str = "") -> None:
    CertificateEvent.objects.create(
        certificate=certificate, action=action, actor=actor, reason=reason
    )


def _create(*, enrollment: Enrollment, actor, trainee_name: str | None) -> Certificate:
    trainee = enrollment.trainee
    language = trainee.language if trainee.language in ("en", "fr") else "fr"
    code = code_generate()
    while Certificate.objects.filter(code=code).exists():  # ~1 in 10^17: never loops in practice
        code = code_generate()
    return Certificate.objects.create(
        enrollment=enrollment, code=code, trainee_name=trainee_name or trainee.display_name,
        course_title=course_title_in(course=enrollment.cohort.course, language=language),
        issuer_name=issuer_name_current(), language=language, issued_by=actor,
        render_requested_at=timezone.now(),
    )


def certificate_valid_for(*, enrollment: Enrollment) -> Certificate | None:
    return Certificate.objects.filter(
        enrollment=enrollment, status=Certificate.Status.VALID
    ).first()


def certificate_issue(
    *, enrollment: Enrollment, actor=None, reason: str = "", render: bool = True
) -> Certificate:
    """Issue the enrollment's certificate, or return the valid one it already has."""
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        raise CertificateError(_("A withdrawn trainee cannot receive a certificate."))
    existing = certificate_valid_for(enrollment=enrollment)
    if existing:
        return existing
    try:
        with transaction.atomic():
            certificate = _create(enrollment=enrollment, actor=actor, trainee_name=None)
            _log(certificate, CertificateEvent.Action.ISSUED, actor=actor, reason=reason)
            figures.cohorts_changed(cohort_ids=[enrollment.cohort_id])
    except IntegrityError:
        # A simultaneous completion issued it first: that one is the certificate.
        existing = certificate_valid_for(enrollment=enrollment)
        if existing is None:
            raise
        return existing
    if render:
        enqueue_render_on_commit([certificate.pk])
    return certificate


def certificate_issue_for_completion(*, enrollment: Enrollment) -> Certificate | None:
    """Called by cohorts.services.completion_evaluate when an enrollment newly completes."""
    if enrollment.status != Enrollment.Status.COMPLETED:
        return None
    if enrollment.certificates.filter(status=Certificate.Status.REVOKED).exists():
        return None  # a revocation stands until a coordinator issues one by hand
    return certificate_issue(enrollment=enrollment, reason=_("Completion rule met."))


def certificate_issue_manually(*, enrollment: Enrollment, actor, reason: str) -> Certificate:
    if not reason.strip():
        raise CertificateError(_("Say why the certificate is issued manually."))
    if certificate_valid_for(enrollment=enrollment):
        raise CertificateError(_("This trainee already has a valid certificate."))
    return certificate_issue(enrollment=enrollment, actor=actor, reason=reason.strip())


def certificate_revoke(*, certificate: Certificate, actor, reason: str) -> Certificate:
    if not reason.strip():
        raise CertificateError(_("A reason is required to revoke a certificate."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status != Certificate.Status.VALID:
            raise CertificateError(_("Only a valid certificate can be revoked."))
        certificate.status = Certificate.Status.REVOKED
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason.strip()
        certificate.save(update_fields=["status", "revoked_at", "revoked_reason"])
        _log(certificate, CertificateEvent.Action.REVOKED, actor=actor, reason=reason.strip())
        figures.cohorts_changed(cohort_ids=[certificate.enrollment.cohort_id])
    return certificate


def certificate_reissue(
    *, certificate: Certificate, actor, reason: str, trainee_name: str
) -> Certificate:
    """Replace a valid certificate (e.g. after a name correction) by a new one with a new
    code; the old code keeps verifying as "replaced" and points to nothing personal."""
    trainee_name = " ".join(trainee_name.split())
    if not reason.strip():
        raise CertificateError(_("Say why the certificate is re-issued."))
    if not trainee_name:
        raise CertificateError(_("The name on the certificate cannot be empty."))
    with transaction.atomic():
        old = Certificate.objects.select_for_update().select_related(
            "enrollment__trainee", "enrollment__cohort__course"
        ).get(pk=certificate.pk)
        if old.status != Certificate.Status.VALID:
            raise CertificateError(_("Only a valid certificate can be re-issued."))
        old.status = Certificate.Status.REPLACED
        old.save(update_fields=["status"])
        new = _create(enrollment=old.enrollment, actor=actor, trainee_name=trainee_name)
        old.replaced_by = new
        old.save(update_fields=["replaced_by"])
        _log(old, CertificateEvent.Action.REPLACED, actor=actor, reason=reason.strip())
        _log(new, CertificateEvent.Action.REISSUED, actor=actor, reason=reason.strip())
        figures.cohorts_changed(cohort_ids=[old.enrollment.cohort_id])
        enqueue_render_on_commit([new.pk])
    return new


def certificates_regenerate_for_cohort(*, cohort: Cohort, actor) -> CertificateBatch:
    """Issue the missing certificates of completed trainees (never over a revocation), then
    re-render every valid certificate of the cohort, counting progress on a batch."""
    with transaction.atomic():
        batch = CertificateBatch.objects.create(cohort=cohort, requested_by=actor)
        missing = (
            cohort.enrollments.filter(status=Enrollment.Status.COMPLETED, certificates=None)
            .select_related("trainee", "cohort__course")
        )
        for enrollment in missing:
            certificate_issue(enrollment=enrollment, actor=actor, render=False,
                              reason=_("Issued while regenerating the cohort."))
        certificates = Certificate.objects.filter(
            enrollment__cohort=cohort, status=Certificate.Status.VALID
        )
        ids = list(certificates.values_list("pk", flat=True))
        certificates.update(
            render_version=F("render_version") + 1, render_status=Certificate.RenderStatus.PENDING,
            render_requested_at=timezone.now(), batch=batch, last_error="", render_attempts=0,
        )
        CertificateEvent.objects.bulk_create([
            CertificateEvent(certificate_id=pk, action=CertificateEvent.Action.REGENERATE,
                             actor=actor)
            for pk in ids
        ])
        batch.total = len(ids)
        batch.save(update_fields=["total"])
        enqueue_render_on_commit(ids)
    return batch
