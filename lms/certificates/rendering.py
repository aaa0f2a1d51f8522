"""Producing a certificate's PDF and telling the trainee: the work the Celery tasks do.

Idempotent by design, since a task can run twice (retry, or a worker killed after finishing
but before acknowledging): a PDF already rendered for the current `render_version` is not
rendered again, batch counters move only on the pending -> done/failed transition, and the
e-mail is claimed (`notified_at`) before it is sent.
"""

import datetime
import logging
from collections import Counter
from functools import lru_cache

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from lms.core.files import file_delete_on_commit, file_save_new

from . import pdf
from .models import Certificate, CertificateBatch, CertificateEvent, CertificateSettings
from .services import queue

logger = logging.getLogger(__name__)
ERROR_MAX_LENGTH = 2000


def verify_url(code: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("certificates_public:verify", args=[code])


def logo_png_current() -> bytes:
    logo = CertificateSettings.load().logo
    if logo is None:
        return pdf.default_logo_png()
    return _logo_processed(logo.pk, logo.file.name)


@lru_cache(maxsize=4)
def _logo_processed(image_id: int, file_name: str) -> bytes:
    """Processed once per worker process and uploaded file (a new upload has a new name)."""
    with default_storage.open(file_name, "rb") as handle:
        return pdf.logo_process(handle.read())


def _date(value: datetime.date) -> str:
    return formats.date_format(value, "j F Y")


def certificate_content(*, certificate: Certificate, logo_png: bytes | None = None
                        ) -> pdf.CertificateContent:
    cohort = certificate.enrollment.cohort
    facilitators = [person.display_name for person in cohort.facilitators.all()]
    hours = cohort.hours or cohort.course.duration_hours
    with translation.override(certificate.language):
        details = _("%(cohort)s · %(region)s · from %(start)s to %(end)s · %(hours)s hours") % {
            "cohort": cohort.name, "region": cohort.region.name,
            "start": _date(cohort.start_date), "end": _date(cohort.end_date), "hours": hours,
        }
        labels = pdf.CertificateLabels(
            title=_("Certificate of completion"),
            certify=_("This certifies that"),
            completed=_("has successfully completed the training"),
            details=details,
            facilitators=_("Facilitators: %(names)s") % {"names": ", ".join(facilitators)},
            issued=_("Issued on %(date)s") % {
                "date": _date(timezone.localtime(certificate.issued_at).date())},
            verify=_("Check this certificate at"),
            code=_("Code:"),
        )
    return pdf.CertificateContent(
        trainee_name=certificate.trainee_name, course_title=certificate.course_title,
        issuer_name=certificate.issuer_name, code=certificate.code,
        verify_url=verify_url(certificate.code), labels=labels,
        logo_png=logo_png if logo_png is not None else logo_png_current(),
        facilitator_names=facilitators,
    )


def _record_failure(certificate: Certificate, exc: Exception, *, final: bool) -> None:
    error = f"{type(exc).__name__}: {exc}"[:ERROR_MAX_LENGTH]
    with transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(
            render_attempts=F("render_attempts") + 1, last_error=error)
        if not final:
            return
        moved = Certificate.objects.filter(
            pk=certificate.pk, render_version=certificate.render_version,
            render_status=Certificate.RenderStatus.PENDING,
        ).update(render_status=Certificate.RenderStatus.FAILED)
        if moved:
            CertificateEvent.objects.create(certificate=certificate, reason=error,
                                            action=CertificateEvent.Action.RENDER_FAILED)
            if certificate.batch_id:
                CertificateBatch.objects.filter(pk=certificate.batch_id).update(
                    failed=F("failed") + 1)


def certificate_render(*, certificate_id: int, final_attempt: bool = True,
                       logo_png: bytes | None = None) -> bool:
    """Render the certificate's PDF if it is not rendered for its current version yet.
    Returns whether a PDF was written. Errors are recorded on the certificate and re-raised
    (so the task retries); on the final attempt the certificate is marked failed."""
    certificate = (
        Certificate.objects.select_related(
            "enrollment__cohort__region", "enrollment__cohort__course", "enrollment__trainee")
        .filter(pk=certificate_id).first()
    )
    if certificate is None or certificate.status != Certificate.Status.VALID:
        return False
    version = certificate.render_version
    if certificate.rendered_version >= version and certificate.pdf and default_storage.exists(
            certificate.pdf.name):
        return False
    try:
        data = pdf.certificate_pdf(
            content=certificate_content(certificate=certificate, logo_png=logo_png))
        # A new name every time (the storage picks a free one): the row is switched to it
        # only once the file is complete, so a download never gets half a PDF.
        name = file_save_new(name=f"certificates/{certificate.code}.pdf", data=data)
    except Exception as exc:
        _record_failure(certificate, exc, final=final_attempt)
        raise
    with transaction.atomic():
        previous, rendered = (Certificate.objects.select_for_update().filter(pk=certificate.pk)
                              .values_list("pdf", "rendered_version").get())
        moved = rendered < version or not previous  # this version's first PDF
        lost = not moved and not default_storage.exists(previous)  # its file had gone
        if moved or lost:
            Certificate.objects.filter(pk=certificate.pk).update(
                rendered_version=version, render_status=Certificate.RenderStatus.DONE,
                rendered_at=timezone.now(), pdf=name, last_error="")
            if previous != name:
                file_delete_on_commit(name=previous)
        else:  # a concurrent run of the same version won: ours is the spare copy
            file_delete_on_commit(name=name)
        if moved:
            CertificateEvent.objects.create(certificate=certificate,
                                            action=CertificateEvent.Action.RENDERED)
            if certificate.batch_id and certificate.batch_id == Certificate.objects.filter(
                    pk=certificate.pk).values_list("batch_id", flat=True).first():
                CertificateBatch.objects.filter(pk=certificate.batch_id).update(
                    done=F("done") + 1)
        if moved and certificate.enrollment.trainee.email and certificate.notified_at is None:
            transaction.on_commit(lambda: queue.notify(certificate.pk))
    return bool(moved)


def certificates_render_many(*, certificate_ids: list[int]) -> int:
    """Render a batch (a cohort regenerated) in one task, so that the bookkeeping around the
    PDFs costs a few queries for the whole batch instead of a dozen per PDF: one load with
    everything the page shows, the logo once, one locked read, one bulk update, one insert of
    the events and one counter update. Same rules as `certificate_render`; a certificate whose
    PDF fails is handed to the single-certificate task, which retries and records the error.
    Returns how many PDFs were written."""
    certificates = list(
        Certificate.objects.select_related(
            "enrollment__cohort__region", "enrollment__cohort__course", "enrollment__trainee")
        .prefetch_related("enrollment__cohort__facilitators")
        .filter(Q(rendered_version__lt=F("render_version")) | Q(pdf=""),
                pk__in=certificate_ids, status=Certificate.Status.VALID)
    )
    if not certificates:
        return 0
    logo = logo_png_current()
    saved: list[tuple[Certificate, str]] = []
    for certificate in certificates:
        try:
            data = pdf.certificate_pdf(
                content=certificate_content(certificate=certificate, logo_png=logo))
            saved.append((certificate, file_save_new(
                name=f"certificates/{certificate.code}.pdf", data=data)))
        except Exception:
            logger.exception("Certificate %s failed in a batch; retried on its own",
                             certificate.pk)
            queue.render(certificate.pk)
    now = timezone.now()
    with transaction.atomic():
        current = {pk: (name, rendered, batch_id) for pk, name, rendered, batch_id in
                   Certificate.objects.select_for_update().filter(
                       pk__in=[certificate.pk for certificate, _name in saved])
                   .values_list("pk", "pdf", "rendered_version", "batch_id")}
        written: list[Certificate] = []
        for certificate, name in saved:
            previous, rendered, batch_id = current[certificate.pk]
            if rendered >= certificate.render_version and previous:
                file_delete_on_commit(name=name)  # a concurrent run won: ours is spare
                continue
            if previous and previous != name:
                file_delete_on_commit(name=previous)
            certificate.pdf.name, certificate.rendered_version = name, certificate.render_version
            certificate.render_status, certificate.rendered_at = (
                Certificate.RenderStatus.DONE, now)
            certificate.last_error = ""
            certificate.counted_batch = batch_id if batch_id == certificate.batch_id else None
            written.append(certificate)
        Certificate.objects.bulk_update(written, ["pdf", "rendered_version", "render_status",
                                                  "rendered_at", "last_error"])
        CertificateEvent.objects.bulk_create([
            CertificateEvent(certificate=certificate, action=CertificateEvent.Action.RENDERED)
            for certificate in written])
        for batch_id, count in Counter(
                c.counted_batch for c in written if c.counted_batch).items():
            CertificateBatch.objects.filter(pk=batch_id).update(done=F("done") + count)
        for certificate in written:
            if certificate.enrollment.trainee.email and certificate.notified_at is None:
                transaction.on_commit(lambda pk=certificate.pk: queue.notify(pk))
    return len(written)


def certificate_notify(*, certificate_id: int) -> bool:
    """Tell the trainee by e-mail that their certificate is ready, at most once per certificate."""
    claimed = Certificate.objects.filter(
        pk=certificate_id, notified_at__isnull=True, status=Certificate.Status.VALID,
        render_status=Certificate.RenderStatus.DONE,
    ).exclude(enrollment__trainee__email="").update(notified_at=timezone.now())
    if not claimed:
        return False
    certificate = Certificate.objects.select_related("enrollment__trainee").get(pk=certificate_id)
    trainee = certificate.enrollment.trainee
    try:
        with translation.override(certificate.language):
            message = EmailMessage(
                subject=_("Your certificate: %(course)s") % {"course": certificate.course_title},
                body=_(
                    "Hello %(name)s,\n\nCongratulations: your certificate for \"%(course)s\" "
                    "is ready. Download it from your account, under My learning:\n%(account)s"
                    "\n\nAnyone can check it at %(url)s (code %(code)s).\n\n%(issuer)s"
                ) % {"name": certificate.trainee_name, "course": certificate.course_title,
                     "account": settings.SITE_URL.rstrip("/") + reverse(
                         "curriculum:my_learning"),
                     "url": verify_url(certificate.code), "code": certificate.code,
                     "issuer": certificate.issuer_name},
                to=[trainee.email],
            )
        # A link, not an attachment: light for trainees on mobile data, and the download
        # stays behind their login.
        message.send()
    except Exception:
        Certificate.objects.filter(pk=certificate_id).update(notified_at=None)  # retry may send
        raise
    CertificateEvent.objects.create(certificate=certificate,
                                    action=CertificateEvent.Action.NOTIFIED)
    return True


def certificates_render_pending(*, older_than: datetime.timedelta | None = None) -> int:
    """Re-queue certificates whose PDF has been waiting longer than `older_than` (a message
    lost while the broker was down, a worker that died). Safe to run as often as you like."""
    if older_than is None:
        older_than = datetime.timedelta(minutes=settings.CERTIFICATES_PENDING_AFTER_MINUTES)
    now = timezone.now()
    stale = Certificate.objects.filter(
        Q(render_requested_at__lte=now - older_than) | Q(render_requested_at=None),
        status=Certificate.Status.VALID, render_status=Certificate.RenderStatus.PENDING,
    )
    ids = list(stale.values_list("pk", flat=True))
    Certificate.objects.filter(pk__in=ids).update(render_requested_at=now)
    for certificate_id in ids:
        queue.render(certificate_id)
    return len(ids)
