from wagtail.users.apps import WagtailUsersAppConfig


class CascadeUsersAppConfig(WagtailUsersAppConfig):
    """Takes the place of "wagtail.users" in INSTALLED_APPS so that the admin's user forms
    show the profile fields (see lms/accounts/forms.py)."""

    user_viewset = "lms.accounts.viewsets.UserViewSet"
    group_viewset = "lms.accounts.viewsets.GroupViewSet"  # group names in the reader's language
