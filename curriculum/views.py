from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import views as wagtail_views
from wagtail.models import Locale

from . import page_cache, services
from .models import ModulePage


@login_required
@require_POST
def module_complete(request: HttpRequest, page_id: int) -> HttpResponse:
    module = get_object_or_404(ModulePage.objects.live().public(), pk=page_id)
    if request.POST.get("undo"):
        services.module_mark_incomplete(user=request.user, module=module)
        messages.info(request, _("The module is marked as not completed."),
                      extra_tags="completion")
    else:
        services.module_mark_complete(user=request.user, module=module)
        messages.success(request, _("Well done: the module is marked as completed."),
                         extra_tags="completion")
    return HttpResponseRedirect(module.get_url(request) + "#completion")


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    locale = Locale.get_active()
    courses = services.learner_courses(user=request.user, locale=locale)
    progress = services.courses_progress(user=request.user, courses=courses)
    return render(request, "curriculum/my_learning.html", {
        "rows": [(course, progress[course.pk]) for course in courses],
    })



def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, its route and page privacy taken from the cache of published
    pages (`page_cache`): same hooks, same privacy check, same 404s."""
    page_cache.prepare_route(request, path)
    return wagtail_views.serve(request, path)
