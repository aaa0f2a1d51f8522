from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet

from .models import Organisation


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "doc-full"
    menu_label = _("Organisations")
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["name", "acronym", "kind", "region"]
    list_display = ["name", "acronym", "kind", "region"]
    list_filter = ["kind", "region"]
    search_backend_name = None
    search_fields = ["name", "acronym"]
