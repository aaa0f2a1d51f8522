from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Practice


class PracticeViewSet(ModelViewSet):
    """The follow-up questionnaire's checklist: reference data national staff keep (a
    practice no longer asked is unticked, not deleted, so past answers keep their meaning)."""

    model = Practice
    icon = "list-ul"
    menu_label = _("Follow-up practices")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    form_fields = ["label_en", "label_fr", "code", "position", "active"]
    list_display = ["label_en", "label_fr", "active", "position"]
    search_backend_name = None
    search_fields = ["label_en", "label_fr", "code"]


@hooks.register("register_admin_viewset")
def register_practice_viewset():
    return PracticeViewSet()
