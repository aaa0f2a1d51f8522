from django.http import HttpRequest

from wagtail.models import Locale

from curriculum.services import catalogue_for_locale
from lms.accounts import roles


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    context = {"catalogue_url": _catalogue_url(request)}
    if user is None or not user.is_authenticated:
        context["nav_roles"] = {}
        return context
    context["nav_roles"] = {
        "staff": user.has_perm(roles.ACCESS_ADMIN),
        "coordinator": user.has_perm(roles.VIEW_DASHBOARD),
        "facilitator": user.has_perm(roles.FACILITATE_COHORTS),
    }
    return context


def _catalogue_url(request: HttpRequest) -> str:
    """Lazy: the query runs only if a template prints the link."""
    def url() -> str:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            return ""
        catalogue = catalogue_for_locale(locale=locale)
        return catalogue.get_url(request) if catalogue else ""

    return url
