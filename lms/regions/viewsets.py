from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet

from .models import Region


class RegionViewSet(ModelViewSet):
    """Mali's regions are reference data: national staff may correct names and codes."""

    model = Region
    icon = "site"
    menu_label = _("Regions")
    copy_view_enabled = False
    form_fields = ["name", "slug", "iso_code", "pcode", "kind"]
    list_display = ["name", "kind", "iso_code", "pcode"]
    search_backend_name = None
    search_fields = ["name", "iso_code"]
