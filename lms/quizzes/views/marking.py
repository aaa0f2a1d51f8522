"""Markers' pages: finished exam papers in the marker's scope, essay marking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.cohorts.selectors import cohorts_managed_by

from .. import selectors, services
from ..forms import EssayMarkForm, MarkingFilterForm
from ..models import Quiz


@login_required
@permission_required("quizzes.mark_sitting", raise_exception=True)
def marking_list(request: HttpRequest) -> HttpResponse:
    form = MarkingFilterForm(request.GET or None, quizzes=Quiz.objects.all(),
                             cohorts=cohorts_managed_by(request.user))
    # Opens on the papers waiting for a marker; the filter form shows them all.
    papers = selectors.sittings_for_marking(user=request.user, pending_only=True)
    if form.is_valid():
        data = form.cleaned_data
        papers = selectors.sittings_for_marking(
            user=request.user, quiz=data["quiz"], cohort=data["cohort"],
            pending_only=data["pending"])
        if data["trainee"]:
            term = data["trainee"]
            papers = papers.filter(
                Q(user__username__icontains=term) | Q(user__first_name__icontains=term)
                | Q(user__last_name__icontains=term))
    page = Paginator(papers, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "quizzes/marking_list.html", {
        "form": form, "page": page, "query": query.urlencode(),
    })


@login_required
@permission_required("quizzes.mark_sitting", raise_exception=True)
def marking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sitting = get_object_or_404(
        selectors.sittings_markable_by(request.user).select_related("quiz", "user", "cohort"),
        pk=pk)
    if request.method == "POST":
        form = EssayMarkForm(request.POST)
        if form.is_valid():
            answer = get_object_or_404(sitting.answers, pk=form.cleaned_data["answer"])
            try:
                services.essay_mark(answer=answer, by=request.user,
                                    score=form.cleaned_data["score"],
                                    comment=form.cleaned_data["comment"])
            except services.QuizError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Marked. The score is updated."))
            return redirect("quizzes:marking_detail", pk=sitting.pk)
        messages.error(request, _("Choose a mark."))
    review = selectors.sitting_review(sitting=sitting)
    for item in review:
        item["marks"] = range(item["question"].points + 1)
    return render(request, "quizzes/marking_detail.html", {
        "sitting": sitting, "quiz": sitting.quiz,
        "status": selectors.sitting_status(sitting), "review": review,
    })
