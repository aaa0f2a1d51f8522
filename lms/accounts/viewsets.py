from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.views import groups as wagtail_groups
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from . import roles
from .forms import CascadeUserCreationForm, CascadeUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return CascadeUserEditForm if for_update else CascadeUserCreationForm


class GroupIndexView(wagtail_groups.IndexView):
    """The groups' names are stored in English; the list shows them in the reader's language
    (the edit form keeps the stored name, which code and migrations look up)."""

    columns = [
        TitleColumn("name", label=_("Name"), sort_key="name",
                    accessor=lambda group: roles.label(group.name),
                    url_name="wagtailusers_groups:edit"),
    ]


class GroupViewSet(wagtail_groups.GroupViewSet):
    index_view_class = GroupIndexView
