from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """A first-level administrative unit of Mali (the 8 regions and Bamako district)."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        DISTRICT = "district", _("District")

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    pcode = models.CharField(_("OCHA P-code"), max_length=10, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGION)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name
