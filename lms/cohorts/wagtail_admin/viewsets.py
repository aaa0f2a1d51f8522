"""Staff screens in the Wagtail admin: cohorts, enrollments and trainees, scoped per user.

Every create and edit goes through the same service as the site's pages (`services`,
`people`): the admin never saves these models itself.
"""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.models import CreateView
from wagtail.permission_policies.base import BasePermissionPolicy

from lms.accounts import roles
from lms.accounts.demographics import WG_FIELDS

from .. import people, selectors, services
from ..models import Cohort, Enrollment
from ..views.access import regions_for_cohorts
from .scoped import ScopedEditView, ScopedModelViewSet, ServiceFormMixin

User = get_user_model()
COHORT_FIELDS = ["name", "code", "course", "region", "venue", "start_date", "end_date", "hours",
                 "capacity", "language", "status", "is_training_of_trainers", "facilitators"]


class CohortFormMixin(ServiceFormMixin):
    error_field = "facilitators"  # where a refused cascade place is shown

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["region"].queryset = regions_for_cohorts(self.request.user)
        return form

    def cohort_fields(self) -> dict:
        return {name: self.form.cleaned_data[name] for name in COHORT_FIELDS
                if name != "facilitators"}


class CohortCreateView(CohortFormMixin, CreateView):
    def service_save(self):
        return services.cohort_create(by=self.request.user,
                                      facilitators=self.form.cleaned_data["facilitators"],
                                      **self.cohort_fields())


class CohortEditView(CohortFormMixin, ScopedEditView):
    def service_save(self):
        cohort = Cohort.objects.get(pk=self.object.pk)
        return services.cohort_update(cohort=cohort,
                                      facilitators=self.form.cleaned_data["facilitators"],
                                      **self.cohort_fields())


class CohortViewSet(ScopedModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    add_to_admin_menu = False
    scope = staticmethod(selectors.cohorts_visible_to)
    manage_scope = staticmethod(selectors.cohorts_managed_by)
    add_view_class = CohortCreateView
    edit_view_base = CohortEditView
    form_fields = COHORT_FIELDS
    list_display = ["name", "course", "region", "start_date", "level", "status"]
    list_select_related = ("course", "region")
    list_filter = ["region", "status", "level", "is_training_of_trainers"]
    search_fields = ["name", "code", "venue"]
    inspect_view_fields = [*COHORT_FIELDS, "parent", "level"]


def _enrollments_managed(user) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(cohort__in=selectors.cohorts_managed_by(user))


class EnrollmentCreateForm(WagtailAdminModelForm):
    class Meta:
        model = Enrollment
        fields = ["cohort", "trainee"]


class EnrollmentStatusForm(WagtailAdminModelForm):
    """Cohort and trainee are fixed once enrolled; the status changes through the service."""

    class Meta:
        model = Enrollment
        fields = ["status"]


class EnrollmentCreateView(ServiceFormMixin, CreateView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["cohort"].queryset = selectors.cohorts_managed_by(self.request.user)
        form.fields["trainee"].queryset = people.people_changeable_by(self.request.user)
        return form

    def service_save(self):
        return services.enrollment_create(cohort=self.form.cleaned_data["cohort"],
                                          trainee=self.form.cleaned_data["trainee"],
                                          by=self.request.user)


class EnrollmentEditView(ServiceFormMixin, ScopedEditView):
    def service_save(self):
        enrollment = Enrollment.objects.select_related("cohort").get(pk=self.object.pk)
        return services.enrollment_set_status(enrollment=enrollment,
                                              status=self.form.cleaned_data["status"],
                                              by=self.request.user)


class EnrollmentViewSet(ScopedModelViewSet):
    model = Enrollment
    icon = "list-ul"
    menu_label = _("Enrollments")
    scope = staticmethod(selectors.enrollments_visible_to)
    manage_scope = staticmethod(_enrollments_managed)
    add_view_class = EnrollmentCreateView
    edit_view_base = EnrollmentEditView
    list_display = ["trainee", "cohort", "status", "completed_at"]
    list_select_related = ("trainee", "cohort")
    list_filter = ["status", "cohort__region"]
    search_fields = ["trainee__first_name", "trainee__last_name", "cohort__name"]

    def get_form_class(self, for_update: bool = False):
        return EnrollmentStatusForm if for_update else EnrollmentCreateForm


# Trainees: the profile fields of User, under a role-based policy of our own so that staff
# never need Django's user permissions (which would open the full user admin).

TRAINEE_FIELDS = ["first_name", "last_name", "sex", "function", "organisation", "region",
                  "phone", "email", "language", "birth_year", *WG_FIELDS]


def trainees_in_scope(user) -> QuerySet:
    """The plain trainees the user may change (`people.people_changeable_by`): never a staff
    account, never someone outside their scope."""
    return people.people_changeable_by(user)


class TraineeEditView(ServiceFormMixin, ScopedEditView):
    def service_save(self):
        trainee = User.objects.get(pk=self.object.pk)
        return people.trainee_profile_update(
            by=self.request.user, trainee=trainee,
            **{name: self.form.cleaned_data[name] for name in TRAINEE_FIELDS})


class TraineeProfilePolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(User)

    def user_has_permission(self, user, action):
        return action in ("view", "change") and user.has_perm(roles.MANAGE_TRAINEES)

    def users_with_any_permission(self, actions):
        if not set(actions) & {"view", "change"}:
            return User.objects.none()
        return roles.users_with_perm(roles.MANAGE_TRAINEES)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and trainees_in_scope(user).filter(
            pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return trainees_in_scope(user)
        return User.objects.none()


TRAINEE_POLICY = TraineeProfilePolicy()


class TraineeViewSet(ScopedModelViewSet):
    """Trainees come in through rosters and enrolment: the policy allows view and change only."""

    model = User
    name = "trainees"
    icon = "user"
    menu_label = _("Trainees")
    scope = staticmethod(trainees_in_scope)
    edit_view_base = TraineeEditView
    form_fields = TRAINEE_FIELDS
    list_display = ["last_name", "first_name", "phone", "organisation", "region"]
    list_select_related = ("organisation", "region")
    list_filter = ["region", "sex", "function"]
    search_fields = ["first_name", "last_name", "phone", "email"]
    inspect_view_fields = [*TRAINEE_FIELDS, "username"]

    def _bind(self, base, scope, **attrs):
        view = super()._bind(base, scope, **attrs)
        view.permission_policy = TRAINEE_POLICY
        return view

    @property
    def menu_item_class(self):
        def is_shown(_self, request):
            return TRAINEE_POLICY.user_has_permission(request.user, "view")

        return type("TraineeMenuItem", (MenuItem,), {"is_shown": is_shown})
