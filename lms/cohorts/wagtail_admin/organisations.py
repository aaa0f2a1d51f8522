"""Partner organisations in the admin: every staff role reads the list; national staff edit
every organisation, a regional coordinator only those of their regions (`organisation_save`)."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.generic.models import CreateView

from lms.accounts import roles
from lms.organisations.models import Organisation
from lms.regions.models import Region

from .. import selectors, services
from .scoped import ScopedEditView, ScopedModelViewSet, ServiceFormMixin

ORGANISATION_FIELDS = ["name", "acronym", "kind", "region"]


def organisations_visible_to(user) -> QuerySet[Organisation]:
    return Organisation.objects.all() if user.is_authenticated else Organisation.objects.none()


def _regions_for(user) -> QuerySet[Region]:
    if user.has_perm(roles.SEE_ALL_REGIONS):
        return Region.objects.all()
    return user.coordinated_regions.all()


class OrganisationFormMixin(ServiceFormMixin):
    error_field = "region"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["region"].queryset = _regions_for(self.request.user)
        if not self.request.user.has_perm(roles.SEE_ALL_REGIONS):
            form.fields["region"].required = True
        return form

    def service_save(self):
        return services.organisation_save(organisation=self.form.instance, by=self.request.user)


class OrganisationCreateView(OrganisationFormMixin, CreateView):
    pass


class OrganisationEditView(OrganisationFormMixin, ScopedEditView):
    pass


class OrganisationViewSet(ScopedModelViewSet):
    model = Organisation
    icon = "doc-full"
    menu_label = _("Organisations")
    scope = staticmethod(organisations_visible_to)
    manage_scope = staticmethod(selectors.organisations_managed_by)
    add_view_class = OrganisationCreateView
    edit_view_base = OrganisationEditView
    form_fields = ORGANISATION_FIELDS
    list_display = ["name", "acronym", "kind", "region"]
    list_select_related = ("region",)
    list_filter = ["kind", "region"]
    search_fields = ["name", "acronym"]
