from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The cascade is at most this many levels deep (1 = the master trainers' workshops). The
# cohorts services refuse a cohort below it; every reader (downstream walks, the dashboard's
# level filter and its reach per master trainer) relies on it.
CASCADE_MAX_LEVEL = 6


class CohortQuerySet(models.QuerySet):
    def counted(self) -> "CohortQuerySet":
        """Cohorts whose trainees count as reached: staff-created cohorts, and sessions run by
        trainers once the region's coordinator validated them. Every reach and figure reader
        (cohorts selectors, the dashboard, exports, the API) starts from it; pending and
        returned sessions are listed for validation, never counted."""
        return self.filter(Cohort.counted_q())

    def awaiting_validation(self) -> "CohortQuerySet":
        return self.exclude(Cohort.counted_q())


class Cohort(models.Model):
    """A workshop or training session of one course, held in one region on given days.

    Cohorts form the cascade: a cohort run by trainers who were trained in another cohort
    is downstream of it (`parent`), one `level` below (1 = the master trainers' workshops).
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Validation(models.TextChoices):
        VALIDATED = "validated", _("Validated")
        PENDING = "pending", _("Waiting for validation")
        RETURNED = "returned", _("Sent back to the trainer")

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=80, unique=True)
    course = models.ForeignKey(
        "curriculum.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT,
        related_name="cohorts",
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT,
        related_name="cohorts",
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    hours = models.PositiveSmallIntegerField(_("training hours"), default=0)
    capacity = models.PositiveIntegerField(_("capacity"), default=30)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), blank=True,
        related_name="facilitated_cohorts",
    )
    is_training_of_trainers = models.BooleanField(
        _("training of trainers"), default=False,
        help_text=_("Participants who complete it may be recorded as trainers."),
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("upstream cohort"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="children",
        help_text=_("The cohort in which this cohort's trainers were trained."),
    )
    level = models.PositiveSmallIntegerField(_("cascade level"), default=1)
    # The top of the upstream chain (the level-1 workshop this cohort descends from), kept
    # with `parent` (`save`, `services.relevel_descendants`, `tree.py` on deletion) so that
    # the figures per master trainer read it instead of walking up the chain. None: this
    # cohort is a top itself.
    root = models.ForeignKey("self", null=True, blank=True, editable=False,
                             on_delete=models.SET_NULL, related_name="+")
    # Sessions run by recorded trainers start pending; staff-created cohorts are validated.
    validation = models.CharField(
        _("validation"), max_length=10, choices=Validation.choices,
        default=Validation.VALIDATED,
    )
    submitted_at = models.DateTimeField(_("closed by the trainer at"), null=True, blank=True)
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    evidence = models.FileField(
        _("signed attendance sheet"), upload_to="evidence/", blank=True, max_length=200,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        indexes = [
            models.Index(fields=["region", "start_date"]),
            models.Index(fields=["level"]),
            models.Index(fields=["validation", "region"], name="cohort_validation_region"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="cohort_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        """A new or moved cohort takes its upstream cohort's top as its own."""
        if self._state.adding or self.parent_id != getattr(self, "_saved_parent_id", None):
            self.root_id = self.parent.top_id if self.parent_id else None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "root"}
        super().save(*args, **kwargs)
        self._saved_parent_id = self.parent_id

    @classmethod
    def from_db(cls, db, field_names, values):
        cohort = super().from_db(db, field_names, values)
        cohort._saved_parent_id = cohort.__dict__.get("parent_id")
        return cohort

    @property
    def top_id(self) -> int | None:
        """The top of this cohort's cascade: its `root`, or itself when it is a top."""
        return self.root_id or self.pk

    @staticmethod
    def counted_q(path: str = "") -> models.Q:
        """The condition behind `Cohort.objects.counted()`, along a relation too:
        `counted_q("cohort")` from an enrollment."""
        field = f"{path}__validation" if path else "validation"
        return models.Q(**{field: Cohort.Validation.VALIDATED})


class EnrollmentQuerySet(models.QuerySet):
    def active(self) -> "EnrollmentQuerySet":
        """Enrollments that count (enrolled or completed): every roster, capacity, figure and
        reach leaves withdrawn trainees out."""
        return self.filter(Enrollment.active_q())

    def withdrawn(self) -> "EnrollmentQuerySet":
        return self.filter(status=Enrollment.Status.WITHDRAWN)


class Enrollment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="enrollments"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainee"), on_delete=models.CASCADE,
        related_name="enrollments",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ENROLLED
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "trainee__last_name", "trainee__first_name"]
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="one_enrollment_per_cohort")
        ]
        indexes = [
            models.Index(fields=["status"]),
            # Covers the dashboard's GROUP BYs over the enrollments of a set of cohorts
            # (distinct trainees per status) without reading the table.
            models.Index(fields=["cohort", "status", "trainee"], name="enrollment_cohort_status"),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} — {self.cohort}"

    @staticmethod
    def active_q(path: str = "") -> models.Q:
        """The condition behind `Enrollment.objects.active()`, for aggregates and annotations:
        from Enrollment itself, or along a relation such as `active_q("enrollments")` from a
        cohort or a user."""
        field = f"{path}__status" if path else "status"
        return ~models.Q(**{field: Enrollment.Status.WITHDRAWN})


class Attendance(models.Model):
    """One trainee's presence on one day of a cohort."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="attendances"
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "date"], name="one_attendance_per_day")
        ]
        # Covers the attendance rate (days per status over a set of enrollments).
        indexes = [
            models.Index(fields=["enrollment", "status"], name="attendance_enrollment_status"),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} {self.date}: {self.status}"


class Trainer(models.Model):
    """Records that a person, trained in a training-of-trainers cohort, now trains others."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("trainer"), on_delete=models.CASCADE,
        related_name="trainer_records",
    )
    trained_in = models.ForeignKey(
        Cohort, verbose_name=_("trained in"), on_delete=models.CASCADE,
        related_name="trainers_trained",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("trainer")
        verbose_name_plural = _("trainers")
        constraints = [
            models.UniqueConstraint(fields=["user", "trained_in"], name="one_trainer_record")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.trained_in})"


class RosterImport(models.Model):
    """A checked roster waiting for confirmation, then its import (inline, or as a task for a
    large file): the rows travel here, not in the session, and the progress page reads it."""

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, waiting for confirmation")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="roster_imports"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CHECKED
    )
    rows = models.JSONField(default=list)  # [{"number": 2, "values": {...}}, ...]
    choices = models.JSONField(default=dict)  # the coordinator's answers in the preview
    total = models.PositiveIntegerField(_("rows"), default=0)
    enrolled = models.PositiveIntegerField(_("enrolled"), default=0)
    created_accounts = models.PositiveIntegerField(_("new accounts"), default=0)
    errors = models.JSONField(default=list)  # why a failed import wrote nothing
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    # When it was handed to a worker: the stuck-jobs sweep measures from here.
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")

    def __str__(self) -> str:
        return f"{self.cohort} {self.file_name} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class SessionEvent(models.Model):
    """The validation history of a session run by a trainer: who did what, when, and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Closed and sent for validation")
        VALIDATED = "validated", _("Validated")
        RETURNED = "returned", _("Sent back")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("session"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("session event")
        verbose_name_plural = _("session events")

    def __str__(self) -> str:
        return f"{self.cohort} {self.action} {self.at:%Y-%m-%d}"
