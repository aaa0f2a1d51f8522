"""Changes made on a phone while offline, each under the id the phone gave it.

The unique `client_id` is what makes a replay harmless: the row is inserted in the same
transaction that applies the change, so two deliveries of one change (a retry, a second phone
sync, two requests racing) apply it once and the second reads the first's outcome.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClientChange(models.Model):
    class Kind(models.TextChoices):
        MODULE_COMPLETE = "module_complete", _("Module marked complete")
        ATTENDANCE = "attendance", _("Attendance mark")
        ENROL = "enrol", _("Enrolment")

    class Outcome(models.TextChoices):
        APPLIED = "applied", _("Applied")
        SUPERSEDED = "superseded", _("Not kept: a later mark won")
        REFUSED = "refused", _("Refused")

    client_id = models.UUIDField(_("client id"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+", verbose_name=_("sent by"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    cohort = models.ForeignKey("cohorts.Cohort", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    # The person marked, or the enrolment made (an attendance mark taken offline for someone
    # enrolled offline names the enrolment change's client id instead).
    enrollment = models.ForeignKey("cohorts.Enrollment", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    date = models.DateField(_("day"), null=True, blank=True)
    status = models.CharField(_("attendance status"), max_length=10, blank=True)
    payload = models.JSONField(_("change as sent"), default=dict)
    client_at = models.DateTimeField(_("made on the phone at"))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("offline change")
        verbose_name_plural = _("offline changes")
        constraints = [
            models.UniqueConstraint(fields=["client_id"], name="fieldsync_one_row_per_change"),
        ]
        indexes = [models.Index(fields=["enrollment", "date"], name="fieldsync_mark_lookup")]

    def __str__(self) -> str:
        return f"{self.kind} {self.client_id} ({self.outcome})"
