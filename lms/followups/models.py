"""Follow-up of trainees 3 and 6 months after they complete (Kirkpatrick level 3: behaviour).

A `FollowUp` per completed enrollment and milestone, created by `services.followups_schedule`
with its due date (`services.due_date`); answered by the trainee on the site or recorded by a
coordinator from a phone call; an optional `FollowUpVisit`; the notices sent to the trainee
(`FollowUpNotice`, one per follow-up and kind: the unique constraint is the exactly-once rule).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Practice(models.Model):
    """A practice a trained person may apply: the follow-up questionnaire's checklist, kept in
    the admin (Follow-up practices); a default list ships (data migration)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label_en = models.CharField(_("label (English)"), max_length=200)
    label_fr = models.CharField(_("label (French)"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("asked"), default=True,
                                 help_text=_("Unticked: no longer asked, past answers kept."))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("follow-up practice")
        verbose_name_plural = _("follow-up practices")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "").startswith("fr") and self.label_fr:
            return self.label_fr
        return self.label_en


class FollowUpQuerySet(models.QuerySet):
    def done(self) -> "FollowUpQuerySet":
        return self.filter(answered_at__isnull=False)

    def not_done(self) -> "FollowUpQuerySet":
        return self.filter(answered_at__isnull=True)


class FollowUp(models.Model):
    class Milestone(models.IntegerChoices):
        THREE_MONTHS = 3, _("3 months")
        SIX_MONTHS = 6, _("6 months")

    class Channel(models.TextChoices):
        SELF = "self", _("Answered by the trainee online")
        PHONE_CALL = "phone_call", _("Phone call")
        IN_PERSON = "in_person", _("In person")
        PAPER = "paper", _("Paper form")

    enrollment = models.ForeignKey(
        "cohorts.Enrollment", verbose_name=_("enrollment"), on_delete=models.CASCADE,
        related_name="follow_ups")
    months = models.PositiveSmallIntegerField(_("follow-up"), choices=Milestone.choices)
    due_date = models.DateField(_("due on"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    channel = models.CharField(_("how it was answered"), max_length=12,
                               choices=Channel.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+")
    practices = models.ManyToManyField(Practice, verbose_name=_("practices applied"),
                                       blank=True, related_name="follow_ups")
    other_practice = models.CharField(_("other practice"), max_length=300, blank=True)
    trained_others = models.BooleanField(_("trained others"), null=True)
    people_trained = models.PositiveIntegerField(_("people trained"), null=True, blank=True)
    obstacles = models.TextField(_("obstacles"), blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "months"],
                                    name="one_follow_up_per_milestone"),
        ]
        indexes = [models.Index(fields=["due_date", "answered_at"])]

    def __str__(self) -> str:
        return f"{self.enrollment} · {self.get_months_display()}"

    @property
    def done(self) -> bool:
        return self.answered_at is not None


class FollowUpVisit(models.Model):
    """A supervisor's visit at the trainee's workplace, recorded by the coordinator."""

    follow_up = models.OneToOneField(FollowUp, verbose_name=_("follow-up"),
                                     on_delete=models.CASCADE, related_name="visit")
    visited_on = models.DateField(_("visit date"))
    observations = models.TextField(_("observations"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("supervisor's rating"), validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 (practices not applied) to 5 (applied fully and well)."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("follow-up visit")
        verbose_name_plural = _("follow-up visits")
        constraints = [
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5),
                                   name="visit_rating_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.follow_up} · {self.visited_on}"


class FollowUpNotice(models.Model):
    """One message telling the trainee a follow-up is due. The row is claimed before sending
    (unique per follow-up and kind; PENDING -> SENDING by a conditional UPDATE), so concurrent
    runs and retries send it once."""

    class Kind(models.TextChoices):
        DUE = "due", _("Follow-up due")
        REMINDER = "reminder", _("Reminder")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")
        SKIPPED = "skipped", _("Not to be sent")

    follow_up = models.ForeignKey(FollowUp, verbose_name=_("follow-up"),
                                  on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("notice"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    channel = models.CharField(_("channel"), max_length=10, blank=True)
    reference = models.CharField(_("gateway reference"), max_length=100, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("follow-up notice")
        verbose_name_plural = _("follow-up notices")
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "kind"], name="one_notice_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.follow_up} · {self.get_kind_display()} ({self.status})"
