from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from wagtail.models import Locale

from . import services
from .models import CoursePage, ModulePage


@login_required
@require_POST
def module_complete(request: HttpRequest, page_id: int) -> HttpResponse:
    module = get_object_or_404(ModulePage.objects.live().public(), pk=page_id)
    if request.POST.get("undo"):
        services.module_mark_incomplete(user=request.user, module=module)
    else:
        services.module_mark_complete(user=request.user, module=module)
    return HttpResponseRedirect(module.url)


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    locale = Locale.get_active()
    courses = CoursePage.objects.live().public().filter(locale=locale).order_by("path")
    rows = [
        {"course": course, "progress": services.course_progress(user=request.user, course=course)}
        for course in courses
    ]
    return render(request, "curriculum/my_learning.html", {"rows": rows})
