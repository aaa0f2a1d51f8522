"""Wagtail's user admin (Settings → Users), with the profile fields and the rank rule: nobody
edits, deletes or creates an account with rights they do not hold themself, and a change of
someone else's e-mail or phone is logged and notified like everywhere else."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.views import groups as wagtail_groups
from wagtail.users.views import users

from . import roles, services
from .forms import CascadeUserCreationForm, CascadeUserEditForm

User = get_user_model()


class _RankCheckedForm:
    """The roles chosen in the form may not give rights the editor lacks."""

    def form_valid(self, form):
        actor = self.request.user
        if not actor.is_superuser and (form.cleaned_data.get("is_superuser") or
                                       services.grants_beyond(actor,
                                                              form.cleaned_data.get("groups"))):
            form.add_error("groups", _("You cannot give rights that you do not hold."))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        return super().form_valid(form)


class CreateView(_RankCheckedForm, users.CreateView):
    pass


class EditView(_RankCheckedForm, users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if services.outranks(self.object, request.user):
            raise PermissionDenied

    def save_instance(self):
        before = User.objects.get(pk=self.object.pk)
        instance = super().save_instance()
        services.contact_changes_record(person=instance, before=before, by=self.request.user)
        return instance


class DeleteView(users.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        if services.outranks(self.get_object(), request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        with services.account_deletion(person=self.object):
            super().delete_action()


class UserFilterSet(users.UserFilterSet):
    """The user list's "Group" filter names the groups in the reader's language."""

    @property
    def form(self):
        form = super().form
        if "group" in form.fields:
            form.fields["group"].label_from_instance = lambda group: roles.label(group.name)
        return form


class UserViewSet(users.UserViewSet):
    filterset_class = UserFilterSet
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView

    def get_form_class(self, for_update: bool = False):
        return CascadeUserEditForm if for_update else CascadeUserCreationForm


class GroupIndexView(wagtail_groups.IndexView):
    """The groups' names are stored in English; the list shows them in the reader's language
    (the edit form keeps the stored name, which code and migrations look up)."""

    columns = [
        TitleColumn("name", label=gettext_lazy("Name"), sort_key="name",
                    accessor=lambda group: roles.label(group.name),
                    url_name="wagtailusers_groups:edit"),
    ]


class GroupViewSet(wagtail_groups.GroupViewSet):
    index_view_class = GroupIndexView
