from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from lms.regions.viewsets import RegionViewSet

from .wagtail_admin.organisations import OrganisationViewSet
from .wagtail_admin.viewsets import CohortViewSet, EnrollmentViewSet, TraineeViewSet


class CascadeGroup(ViewSetGroup):
    menu_label = _("Cohorts")
    menu_icon = "group"
    menu_order = 210
    items = (CohortViewSet, EnrollmentViewSet, TraineeViewSet, OrganisationViewSet,
             RegionViewSet)


@hooks.register("register_admin_viewset")
def register_cascade_viewsets():
    return CascadeGroup()
