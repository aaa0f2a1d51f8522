"""The installable app (manifest, service worker), the sync endpoint and the field roster."""

import hashlib
import json
from functools import lru_cache

from csp.decorators import csp_exempt

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST

from lms.cohorts import people
from lms.cohorts import services as cohort_services
from lms.cohorts.forms import PersonForm
from lms.cohorts.models import Attendance
from lms.cohorts.views.access import managed_cohort

from . import services

# Files every page needs, kept by the service worker when it installs.
PRECACHE_STATIC = ["css/site.css", "cohorts/cohorts.css", "fieldsync/offline.js",
                   "fieldsync/field.js", "fieldsync/icons/icon-192.png"]


def _offline_urls() -> list[str]:
    from django.utils.translation import override

    urls = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            urls += [reverse("fieldsync:offline"), reverse("fieldsync:quiz_offline")]
    return urls


@lru_cache(maxsize=1)
def _worker_source() -> str:
    path = finders.find("fieldsync/sw.js")
    if path:
        with open(path, encoding="utf-8") as handle:
            source = handle.read()
    else:  # collected static files only (a built image)
        with staticfiles_storage.open("fieldsync/sw.js") as handle:
            source = handle.read().decode("utf-8")
    precache = [static(name) for name in PRECACHE_STATIC] + _offline_urls()
    # The cache's name changes whenever the worker or the files it keeps change.
    version = hashlib.sha256((source + json.dumps(precache)).encode()).hexdigest()[:12]
    return (source.replace('"__VERSION__"', json.dumps(version))
            .replace('["__PRECACHE__"]', json.dumps(precache))
            .replace('"__STATIC_URL__"', json.dumps(static(""))))


@require_GET
@csp_exempt()
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the site's root so that it may control every page (scope "/")."""
    if settings.DEBUG:  # development: an edited sw.js is served at once
        _worker_source.cache_clear()
    response = HttpResponse(_worker_source(), content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request: HttpRequest) -> JsonResponse:
    language = get_language()
    icons = [{"src": static(f"fieldsync/icons/icon-{size}.png"), "sizes": f"{size}x{size}",
              "type": "image/png", "purpose": "any maskable"} for size in (192, 512)]
    data = {
        "name": _("Cascade — training of trainers"),
        "short_name": "Cascade",
        "description": _("Courses, attendance and enrolment for the cascade training, "
                         "also without a connection."),
        "lang": language, "start_url": f"/{language}/", "scope": "/",
        "display": "standalone", "background_color": "#ffffff", "theme_color": "#073763",
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json",
                        json_dumps_params={"ensure_ascii": False})


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "fieldsync/offline.html")


@require_GET
def quiz_offline(request: HttpRequest) -> HttpResponse:
    return render(request, "fieldsync/quiz_offline.html")


@require_POST
@never_cache
def sync(request: HttpRequest) -> JsonResponse:
    """POST {"changes": [...]} (JSON, session and CSRF token as for any form): each change is
    applied once and answered with its outcome; a change already received is answered again
    from the log (replayed: true) and never applied twice."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in again to send your changes.")}, status=401)
    try:
        changes = json.loads(request.body or b"{}").get("changes")
        results = services.changes_apply(user=request.user, changes=changes,
                                         cohort_for=lambda pk: managed_cohort(request, pk))
    except (ValueError, AttributeError):
        return JsonResponse({"error": _("This change cannot be read.")}, status=400)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse({"results": [result.as_json() for result in results]})


@login_required
def field_roster(request: HttpRequest, pk: int) -> HttpResponse:
    """The session's roster and attendance on one page that keeps working offline: marks and
    enrolments are queued on the phone and sent to `sync`."""
    cohort = managed_cohort(request, pk)  # the attendance pages' own check
    enrollments = list(cohort.enrollments.active().select_related("trainee__organisation")
                       .order_by("trainee__last_name", "trainee__first_name"))
    days = cohort_services.cohort_days(cohort=cohort)
    marks = {f"{enrollment_id}|{day.isoformat()}": status
             for enrollment_id, day, status in Attendance.objects.filter(
                 enrollment__cohort=cohort).values_list("enrollment_id", "date", "status")}
    today = cohort_services.training_today()
    return render(request, "fieldsync/field_roster.html", {
        "cohort": cohort, "enrollments": enrollments, "days": days, "marks": marks,
        "statuses": Attendance.Status.choices,
        "default_day": min(max(today, days[0]), days[-1]) if days else None,
        "form": PersonForm(initial={"region": cohort.region},
                           regions=people.enrol_region_ids(request.user)),
        "generated_at": timezone.now(),
    })
