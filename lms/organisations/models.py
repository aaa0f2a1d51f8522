from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    """A partner whose staff are trained: ministry, NGO, UN agency, community association..."""

    class Kind(models.TextChoices):
        GOVERNMENTAL = "governmental", _("Governmental")
        NON_GOVERNMENTAL = "non_governmental", _("Non-governmental")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental")
        UN_AGENCY = "un_agency", _("UN agency")
        COMMUNITY_BASED = "community_based", _("Community-based")

    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="organisations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
