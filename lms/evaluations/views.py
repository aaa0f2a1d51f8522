"""Pages: the trainee's reaction form (phone-first, no JavaScript) and the answers of a
cohort for those who manage it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.cohorts.models import Enrollment
from lms.cohorts.selectors import cohorts_managed_by

from . import selectors, services
from .forms import QuestionSetChoiceForm, ReactionForm
from .models import Likert


@login_required
def my_evaluations(request: HttpRequest) -> HttpResponse:
    return render(request, "evaluations/my_evaluations.html", {
        "enrollments": selectors.enrollments_to_answer(user=request.user)})


@login_required
def reaction_form(request: HttpRequest, enrollment_pk: int) -> HttpResponse:
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("cohort", "cohort__course"),
        pk=enrollment_pk, trainee=request.user)  # someone else's enrollment: 404
    refusal = services.answer_refusal(enrollment=enrollment, by=request.user)
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    if refusal or question_set is None:
        return render(request, "evaluations/reaction_closed.html", {
            "enrollment": enrollment,
            "message": refusal or _("No evaluation form is set up yet.")})
    form = ReactionForm(request.POST or None, question_set=question_set)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(enrollment=enrollment, by=request.user,
                                     answers=form.answers(),
                                     anonymous=form.cleaned_data["anonymous"])
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for key, errors in exc.message_dict.items():
                    form.add_error(key if key in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you: your evaluation is recorded."))
            return redirect("evaluations:thanks", enrollment_pk=enrollment.pk)
    return render(request, "evaluations/reaction_form.html", {
        "enrollment": enrollment, "question_set": question_set, "form": form})


@login_required
def thanks(request: HttpRequest, enrollment_pk: int) -> HttpResponse:
    enrollment = get_object_or_404(Enrollment.objects.select_related("cohort"),
                                   pk=enrollment_pk, trainee=request.user)
    return render(request, "evaluations/thanks.html", {"enrollment": enrollment})


def _staff_only(request: HttpRequest) -> None:
    if not cohorts_managed_by(request.user).exists():
        raise Http404


@login_required
def cohort_list(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    return render(request, "evaluations/cohort_list.html", {
        "cohorts": selectors.cohorts_with_reactions(user=request.user)[:200]})


@login_required
def cohort_results(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(cohorts_managed_by(request.user).select_related(
        "region", "course"), pk=pk)
    question_set = selectors.question_set_for(cohort=cohort)
    return render(request, "evaluations/cohort_results.html", {
        "cohort": cohort, "question_set": question_set,
        "results": selectors.cohort_results(cohort=cohort), "likert_choices": Likert.choices,
        "choice_form": QuestionSetChoiceForm(initial={
            "question_set": question_set.pk if question_set else None}),
    })


@login_required
@require_POST
def cohort_question_set(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(cohorts_managed_by(request.user), pk=pk)
    form = QuestionSetChoiceForm(request.POST)
    if form.is_valid():
        try:
            services.cohort_question_set_choose(
                cohort=cohort, question_set=form.cleaned_data["question_set"], by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Question set saved."))
    return redirect("evaluations:cohort", pk=cohort.pk)
