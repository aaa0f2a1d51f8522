"""Wagtail's bulk actions on the user list (delete, assign a role, (de)activate), held to the
rules of the single-user screens (`viewsets.py`): nobody acts on an account that holds a right
they lack (`services.outranks`), hands out a role with rights they lack
(`services.grants_beyond`), and a deleted account's figures are recounted
(`services.account_deletion`). Registered after Wagtail's own, under the same names, so they
replace them (`wagtail_hooks.py`)."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from . import services


class _RankChecked:
    def check_perm(self, obj) -> bool:
        return super().check_perm(obj) and not services.outranks(obj, self.request.user)


class RankCheckedDeleteBulkAction(_RankChecked, DeleteBulkAction):
    @classmethod
    def execute_action(cls, objects, model=None, **kwargs):
        for person in objects:
            with services.account_deletion(person=person):
                person.delete()
        return len(objects), 0


class RankCheckedAssignRoleBulkAction(_RankChecked, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        """Only the roles the actor may hand out are offered (another is a field error)."""
        form = super().get_form(form_class)
        actor = self.request.user
        form.fields["role"].queryset = Group.objects.filter(pk__in=[
            group.pk for group in Group.objects.all()
            if not services.grants_beyond(actor, [group])])
        return form

    def get_execution_context(self) -> dict:
        context = super().get_execution_context()
        if services.grants_beyond(self.request.user, [context["role"]]):
            raise PermissionDenied
        return context


class RankCheckedSetActiveStateBulkAction(_RankChecked, SetActiveStateBulkAction):
    pass


ACTIONS = [RankCheckedDeleteBulkAction, RankCheckedAssignRoleBulkAction,
           RankCheckedSetActiveStateBulkAction]
