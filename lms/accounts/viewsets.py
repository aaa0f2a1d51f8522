from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import CascadeUserCreationForm, CascadeUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update: bool = False):
        return CascadeUserEditForm if for_update else CascadeUserCreationForm
