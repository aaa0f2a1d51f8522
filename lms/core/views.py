from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache

from .health import health_report


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Each dependency's state; 503 only when the database is down (lms/core/health.py)."""
    status, body = health_report()
    return JsonResponse(body, status=status)


def bare(request: HttpRequest) -> HttpResponse:
    """The cheapest page the stack can serve (every middleware, no query, no template): the
    yardstick `bench/latency.py` divides each real page's latency by."""
    return HttpResponse("ok", content_type="text/plain")


def root_redirect(request: HttpRequest) -> HttpResponseRedirect:
    """`/` → the signed-in user's language, else the browser's (cookie, Accept-Language)."""
    available = {code for code, _name in settings.LANGUAGES}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in available:
        language = user.language
    else:
        language = get_language_from_request(request)
    if language not in available:
        language = settings.LANGUAGE_CODE
    return HttpResponseRedirect(f"/{language}/")
