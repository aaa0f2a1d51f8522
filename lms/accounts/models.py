from django.contrib.auth.models import AbstractUser
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import roles
from .demographics import BIRTH_YEAR_MIN, WG_QUESTIONS, Difficulty


def _washington_group_field(name: str) -> models.PositiveSmallIntegerField:
    question = next(question for field, _label, question in WG_QUESTIONS if field == name)
    return models.PositiveSmallIntegerField(question, choices=Difficulty.choices, null=True,
                                            blank=True)


class User(AbstractUser):
    """Every person in the system. Trainee profile fields live here so reports need no join.

    Many trainees have no e-mail address: they sign in with a username (often their phone
    number) and still get an account and a certificate.
    """

    class Sex(models.TextChoices):
        FEMALE = "F", _("Female")
        MALE = "M", _("Male")

    class Function(models.TextChoices):
        TECHNICIAN = "technician", _("Government technician")
        SERVICE_PROVIDER = "service_provider", _("Service provider")
        SOCIAL_WORKER = "social_worker", _("Social worker")
        HEALTH_WORKER = "health_worker", _("Health worker")
        PSYCHOLOGIST = "psychologist", _("Psychologist")
        COMMUNITY_LEADER = "community_leader", _("Community leader")
        PROGRAMME_OFFICER = "programme_officer", _("Programme officer")
        OTHER = "other", _("Other")

    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    function = models.CharField(_("function"), max_length=30, choices=Function.choices, blank=True)
    function_other = models.CharField(
        _("function as written"), max_length=100, blank=True,
        help_text=_("When the function is “Other”: the person's own words (from a roster)."),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="members",
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="people",
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=[("en", "English"), ("fr", "Français")],
        default="fr",
    )
    coordinated_regions = models.ManyToManyField(
        "regions.Region", verbose_name=_("coordinated regions"), blank=True,
        related_name="coordinators",
        help_text=_("Regions a regional coordinator may see and manage."),
    )
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), null=True, blank=True, validators=[MinValueValidator(BIRTH_YEAR_MIN)],
        help_text=_("Gives the age band of the reports."),
    )
    must_change_password = models.BooleanField(
        _("must choose a new password"), default=False,
        help_text=_("Set when a coordinator gives a one-time access code: the person chooses "
                    "their own password at their next sign-in."),
    )

    # The Washington Group short set (demographics.py): optional, one answer per question.
    wg_seeing = _washington_group_field("wg_seeing")
    wg_hearing = _washington_group_field("wg_hearing")
    wg_walking = _washington_group_field("wg_walking")
    wg_cognition = _washington_group_field("wg_cognition")
    wg_selfcare = _washington_group_field("wg_selfcare")
    wg_communication = _washington_group_field("wg_communication")

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    def __str__(self) -> str:
        return self.display_name


class Capability(models.Model):
    """No table: it carries the permissions that belong to no single model (what the roles may
    do across the site, listed in `roles.CAPABILITIES`), as Wagtail's `Admin` model carries
    "access_admin"."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = roles.CAPABILITIES
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class AccountEvent(models.Model):
    """What someone did to another person's account: contact details changed, access given.
    Kept for national staff (Wagtail admin, "Account changes")."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mail address changed")
        PHONE = "phone", _("Phone number changed")
        ACCESS_CODE = "access_code", _("One-time access code given")

    person = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.CASCADE,
                               related_name="account_events")
    actor = models.ForeignKey(User, verbose_name=_("changed by"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("change"), max_length=20, choices=Kind.choices)
    old_value = models.CharField(_("old value"), max_length=254, blank=True)
    new_value = models.CharField(_("new value"), max_length=254, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("account change")
        verbose_name_plural = _("account changes")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.person}"
