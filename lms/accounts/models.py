from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import roles


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
