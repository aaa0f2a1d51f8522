from django.http import HttpRequest
from django.utils.translation import get_language

from wagtail.models import Locale

from curriculum import page_cache
from curriculum.services import catalogue_for_locale
from lms.accounts import roles
from lms.cohorts.navigation import shows_my_sessions


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    context = {"catalogue_url": _catalogue_url(request)}
    if user is None or not user.is_authenticated:
        context["nav_roles"] = {}
        return context
    staff = user.has_perm(roles.ACCESS_ADMIN)
    context["nav_roles"] = {
        "staff": staff,
        "coordinator": user.has_perm(roles.VIEW_DASHBOARD),
        "facilitator": user.has_perm(roles.FACILITATE_COHORTS),
        # lazy (a callable): read only where a template asks, for non-staff only (cached per
        # person until a trainer record changes: lms/cohorts/navigation.py)
        "trainer": (lambda: False) if staff else (lambda: shows_my_sessions(user, request)),
    }
    return context


def _catalogue_url(request: HttpRequest) -> str:
    """Lazy: looked up only if a template prints the link, once per language, site and
    publication (`page_cache`)."""
    def lookup() -> str:
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            return ""
        catalogue = catalogue_for_locale(locale=locale)
        return catalogue.get_url(request) if catalogue else ""

    def url() -> str:
        site = page_cache.site_for_request(request)
        return page_cache.cached(request, "catalogue-url",
                                 (site.pk if site else 0, get_language()), lookup)

    return url
