import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def export_upload_to(instance: "Export", filename: str) -> str:
    return f"reporting/exports/{instance.uuid}/{filename}"


class Export(models.Model):
    """A large table export built in the background for one person, with the filters they chose.

    The file holds exactly what `owner` may see: the task rebuilds the scope from the owner.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE,
        related_name="exports",
    )
    table = models.CharField(_("table"), max_length=30)
    format = models.CharField(_("format"), max_length=5, choices=Format.choices)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    file = models.FileField(_("file"), upload_to=export_upload_to, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.table}.{self.format} ({self.get_status_display()})"


class ApiToken(models.Model):
    """A bearer token for the M&E API. Only a SHA-256 hash is stored; the API acts as `owner`."""

    name = models.CharField(_("name"), max_length=100)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE,
        related_name="reporting_api_tokens",
    )
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def new_key() -> str:
        return secrets.token_urlsafe(32)


class CohortTotals(models.Model):
    """The dashboard's counts for one cohort, at three grains: the whole cohort, per
    organisation type, and per kind of trainee (sex x function x organisation type). Its
    figures add these up instead of scanning the enrollments; each query reads the coarsest
    grain that answers it (one row per cohort for the national page without filters).

    Rows are a function of the cohort's own enrollments (and their trainees, attendance,
    certificates and test scores) only: `rollups.totals_refresh` recomputes a cohort's rows
    from scratch, in the transaction of the change, so they are exact by construction. The
    cohort's own attributes (region, course, level, dates, upstream cohort) are read by a join
    at query time, so moving a cohort needs no refresh. A row exists only for a group with at
    least one enrollment (any status)."""

    class Grain(models.IntegerChoices):
        COHORT = 0, "cohort"
        ORG_KIND = 1, "organisation type"
        TRAINEE_KIND = 2, "sex, function and organisation type"

    # Indexed by `totals_cohort_grain` below (which starts with the cohort).
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="totals",
                               db_index=False)
    grain = models.PositiveSmallIntegerField(choices=Grain.choices)
    sex = models.CharField(max_length=1, blank=True)
    function = models.CharField(max_length=30, blank=True)
    org_kind = models.CharField(max_length=20, null=True, blank=True)  # null: no organisation
    enrolments = models.PositiveIntegerField(default=0)  # any status, withdrawn included
    active = models.PositiveIntegerField(default=0)  # not withdrawn: the people reached
    completed = models.PositiveIntegerField(default=0)
    certified = models.PositiveIntegerField(default=0)  # holding a valid certificate
    days_present = models.PositiveIntegerField(default=0)
    days_excused = models.PositiveIntegerField(default=0)
    days_recorded = models.PositiveIntegerField(default=0)
    pre_count = models.PositiveIntegerField(default=0)
    pre_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    post_count = models.PositiveIntegerField(default=0)
    post_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    pairs = models.PositiveIntegerField(default=0)  # enrollments with both scores
    gain_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    # Knowledge kept: enrollments with a post-test and a retention re-test (the follow-up
    # indicators' retention), and the sums of both scores over them.
    retests = models.PositiveIntegerField(default=0)
    retest_post_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    retest_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    class Meta:
        indexes = [
            # The rows of a region's cohorts (or of any list of cohorts) at one grain, found
            # without reading the other grains' rows, and the kinds of trainee read from the
            # index alone; a cohort's rows in all (the refresh deletes them).
            models.Index(fields=["cohort", "grain", "sex", "function", "org_kind", "active",
                                 "certified"], name="totals_cohort_grain"),
            # A cohort's row at a grain, with the people reached (the cascade tree, the
            # people per trainer): read from the index alone.
            models.Index(fields=["grain", "cohort", "org_kind", "active"],
                         name="totals_grain_cohort"),
            # The kinds of trainee read in their own order, from the index alone: the GROUP
            # BY streams instead of sorting ~10 rows per cohort (4x faster on SQLite at 10,000
            # cohorts). Not partial: SQLite uses a partial index only for a literal, and
            # Django sends the grain as a parameter.
            models.Index(fields=["grain", "sex", "function", "org_kind", "cohort", "active",
                                 "certified"], name="totals_trainee_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.cohort_id} {self.grain} {self.sex}/{self.function}/{self.org_kind}"


class RepeatTrainee(models.Model):
    """A trainee enrolled in more than one cohort. Per-cohort totals add up to distinct people
    only for the others; the dashboard counts these few one by one. A superset is harmless (a
    trainee listed here with one enrollment counts the same either way), so rows are added
    when an enrollment is created and dropped only by a full rebuild."""

    trainee = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   primary_key=True, related_name="+")

    def __str__(self) -> str:
        return str(self.trainee_id)


class FollowUpTotals(models.Model):
    """Follow-ups of one cohort's enrollments per organisation type, milestone and due date:
    how many, how many answered, how many answers say the person trained others. The
    dashboard's "follow-ups done" adds up the rows already due (`due_date` up to today), so a
    day passing needs no write. Recomputed with the cohort's `CohortTotals`
    (`rollups.totals_refresh`), in the transaction of the change."""

    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE,
                               related_name="followup_totals")
    org_kind = models.CharField(max_length=20, null=True, blank=True)  # null: no organisation
    months = models.PositiveSmallIntegerField()
    due_date = models.DateField()
    followups = models.PositiveIntegerField(default=0)
    answered = models.PositiveIntegerField(default=0)
    trained_others = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["cohort", "org_kind"], name="followup_totals_cohort")]

    def __str__(self) -> str:
        return f"{self.cohort_id} {self.org_kind} {self.months} {self.due_date}"
