"""Certificates, their audit trail, bulk regeneration batches and the issuer settings.

A certificate freezes what it certifies (name, course title, issuer) when it is issued, so its
PDF and its public verification page keep saying the same thing even if the account or the
course is edited later. Correcting a name means re-issuing: a new certificate with a new code
replaces the old one, whose verification page then says it was replaced.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")

    class RenderStatus(models.TextChoices):
        PENDING = "pending", _("Waiting to be generated")
        DONE = "done", _("Generated")
        FAILED = "failed", _("Generation failed")

    enrollment = models.ForeignKey(
        "cohorts.Enrollment", verbose_name=_("enrollment"), on_delete=models.PROTECT,
        related_name="certificates",
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VALID
    )
    trainee_name = models.CharField(_("name on the certificate"), max_length=300)
    course_title = models.CharField(_("course title on the certificate"), max_length=300)
    issuer_name = models.CharField(_("issuer"), max_length=200)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Empty when issued automatically on completion."),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    replaced_by = models.OneToOneField(
        "self", verbose_name=_("replaced by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="replaces",
    )

    # Rendering: a task renders `render_version`; `rendered_version` says what the PDF holds.
    render_status = models.CharField(
        _("PDF"), max_length=10, choices=RenderStatus.choices, default=RenderStatus.PENDING
    )
    render_version = models.PositiveIntegerField(default=1)
    rendered_version = models.PositiveIntegerField(default=0)
    render_requested_at = models.DateTimeField(null=True, blank=True)
    rendered_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    render_attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(_("last error"), blank=True)
    pdf = models.FileField(_("PDF file"), upload_to="certificates/", blank=True, max_length=200)
    batch = models.ForeignKey(
        "CertificateBatch", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="certificates",
    )
    notified_at = models.DateTimeField(_("trainee notified at"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        permissions = [
            ("issue_certificate", _("Can issue and re-issue certificates")),
            ("revoke_certificate", _("Can revoke certificates")),
            ("regenerate_certificates", _("Can regenerate the certificates of a cohort")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment"], condition=Q(status="valid"),
                name="one_valid_certificate_per_enrollment",
            ),
        ]
        indexes = [models.Index(fields=["render_status", "render_requested_at"])]

    def __str__(self) -> str:
        return f"{self.code} — {self.trainee_name}"

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID


class CertificateEvent(models.Model):
    """Who did what to a certificate, when and why. Append-only."""

    class Action(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REISSUED = "reissued", _("Re-issued")
        REPLACED = "replaced", _("Replaced")
        REVOKED = "revoked", _("Revoked")
        REGENERATE = "regenerate", _("Regeneration requested")
        RENDERED = "rendered", _("PDF generated")
        RENDER_FAILED = "render_failed", _("PDF generation failed")
        NOTIFIED = "notified", _("Trainee notified by e-mail")

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")

    def __str__(self) -> str:
        return f"{self.certificate_id} {self.action} {self.created_at:%Y-%m-%d %H:%M}"


class CertificateBatch(models.Model):
    """A bulk (re)generation of a cohort's certificates; the tasks count their progress here."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE,
        related_name="certificate_batches",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    total = models.PositiveIntegerField(_("certificates"), default=0)
    done = models.PositiveIntegerField(_("generated"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")

    def __str__(self) -> str:
        return f"{self.cohort} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def finished(self) -> bool:
        return self.done + self.failed >= self.total

    @property
    def percent(self) -> int:
        return round(100 * (self.done + self.failed) / self.total) if self.total else 100


@register_setting(icon="doc-full")
class CertificateSettings(BaseGenericSetting):
    issuer_name = models.CharField(
        _("issuing organisation"), max_length=200, blank=True,
        help_text=_("Printed on certificates and the verification page. Default: Cascade."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Printed at the top of certificates. A default logo is used otherwise."),
    )

    panels = [FieldPanel("issuer_name"), FieldPanel("logo")]

    class Meta:
        verbose_name = _("certificate settings")
