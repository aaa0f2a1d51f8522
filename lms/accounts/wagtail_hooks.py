"""The log of account changes (who changed whose e-mail or phone, who gave access), read-only,
for national staff: Settings → Account changes."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from . import roles
from .bulk_actions import ACTIONS as USER_BULK_ACTIONS
from .models import AccountEvent


class NationalReadOnlyPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm(roles.SEE_ALL_REGIONS)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return roles.users_with_perm(roles.SEE_ALL_REGIONS).none()
        return roles.users_with_perm(roles.SEE_ALL_REGIONS)


ACCOUNT_EVENT_POLICY = NationalReadOnlyPolicy(AccountEvent)
register_permission_policy(AccountEvent, ACCOUNT_EVENT_POLICY, exact_class=True)


class AccountEventViewSet(ModelViewSet):
    model = AccountEvent
    icon = "history"
    menu_label = _("Account changes")
    add_to_settings_menu = True
    permission_policy = ACCOUNT_EVENT_POLICY
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    list_display = ["created_at", "person", "kind", "old_value", "new_value", "actor"]
    list_filter = ["kind"]
    search_fields = ["person__first_name", "person__last_name", "person__username"]
    inspect_view_fields = ["created_at", "person", "kind", "old_value", "new_value", "actor"]
    form_fields = ["kind"]  # never editable: the policy grants "view" only


@hooks.register("register_admin_viewset")
def register_account_events():
    return AccountEventViewSet("account_events")


# After Wagtail's own user bulk actions (order 0), under the same names: these replace them.
for _action in USER_BULK_ACTIONS:
    hooks.register("register_bulk_action", _action, order=1)
