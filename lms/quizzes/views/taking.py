"""Trainee pages: a quiz's start page, one question at a time, feedback, result, progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import bank_cache, selectors, services
from ..forms import AnswerForm
from ..models import Question, Sitting


def _own_sitting(request: HttpRequest, pk: int) -> Sitting:
    """Another trainee's attempt is a 404, not a 403: its existence is not disclosed. Its
    quiz comes from the cache (`bank_cache.quiz_by_id`), not from a join on every request."""
    sitting = selectors.own_sitting(user=request.user, pk=pk)
    if sitting is None:
        raise Http404
    quiz = bank_cache.quiz_by_id(sitting.quiz_id, request=request)
    if quiz is not None:
        sitting.quiz = quiz
    sitting.user = request.user  # its owner, checked above: no query to read it again
    return sitting


@login_required
def quiz_detail(request: HttpRequest, slug: str) -> HttpResponse:
    quiz = get_object_or_404(selectors.quizzes_visible_to(request.user), slug=slug)
    sittings = list(selectors.sittings_of(user=request.user).filter(quiz=quiz))
    for sitting in sittings:
        sitting.status = selectors.sitting_status(sitting)
    open_sitting = next((s for s in sittings if not s.is_complete), None)
    refusal = None if open_sitting else services.start_refusal(user=request.user, quiz=quiz)
    return render(request, "quizzes/quiz_detail.html", {
        "quiz": quiz, "sittings": sittings, "open_sitting": open_sitting,
        "can_start": open_sitting is not None or refusal is None, "refusal": refusal,
        "question_count": quiz.questions.filter(live=True).count(),
    })


@login_required
@require_POST
def quiz_start(request: HttpRequest, slug: str) -> HttpResponse:
    quiz = selectors.quiz_visible_by_slug(user=request.user, slug=slug, request=request)
    if quiz is None:
        raise Http404
    try:
        sitting = services.sitting_start(user=request.user, quiz=quiz, request=request)
    except services.QuizError as exc:
        messages.error(request, str(exc))
        return redirect("quizzes:detail", slug=quiz.slug)
    return redirect("quizzes:question", pk=sitting.pk)


def _render_question(request, sitting, question, form, answered, status=200):
    remaining = None
    if sitting.deadline:
        remaining = max(0, int((sitting.deadline - timezone.now()).total_seconds() // 60))
    return render(request, "quizzes/question.html", {
        "sitting": sitting, "quiz": sitting.quiz, "question": question, "form": form,
        "number": len(answered) + 1, "total": len(sitting.question_ids),
        "percent": round(100 * len(answered) / max(1, len(sitting.question_ids))),
        "minutes_left": remaining,
    }, status=status)


@login_required
def sitting_question(request: HttpRequest, pk: int) -> HttpResponse:
    sitting = services.sitting_close_if_expired(sitting=_own_sitting(request, pk))
    if sitting.is_complete:
        return redirect("quizzes:result", pk=sitting.pk)
    if request.method == "POST":
        return _answer(request, sitting)
    answered = services.sitting_answered_ids(sitting=sitting)
    question_id = services.sitting_next_question_id(sitting=sitting, answered=answered)
    question = bank_cache.question_with_answers(question_id, request=request)
    return _render_question(request, sitting, question, AnswerForm(question=question), answered)


def _answer(request: HttpRequest, sitting: Sitting) -> HttpResponse:
    """The hot path of a quiz: the answered questions are read only when the page must be
    shown again (a refusal), never on success."""
    try:
        question_id = int(request.POST.get("question", ""))
    except ValueError:
        raise Http404 from None
    if question_id not in sitting.question_ids:
        return _refuse_outside_attempt(request, sitting,
                                       services.sitting_answered_ids(sitting=sitting))
    try:
        question = bank_cache.question_with_answers(question_id, request=request)
    except Question.DoesNotExist:
        raise Http404 from None
    form = AnswerForm(request.POST, question=question)
    if not form.is_valid():
        return _render_question(request, sitting, question, form,
                                services.sitting_answered_ids(sitting=sitting), status=400)
    try:
        services.sitting_answer(sitting=sitting, question_id=question.pk, question=question,
                                **form.service_kwargs())
    except services.TimeIsUp as exc:
        messages.error(request, str(exc))
        return redirect("quizzes:result", pk=sitting.pk)
    except services.QuizError as exc:
        form.add_error(None, str(exc))
        return _render_question(request, sitting, question, form,
                                services.sitting_answered_ids(sitting=sitting), status=400)
    if sitting.shows_answer_after_each:
        return redirect("quizzes:feedback", pk=sitting.pk, question_id=question.pk)
    return redirect("quizzes:question", pk=sitting.pk)


def _refuse_outside_attempt(request: HttpRequest, sitting: Sitting,
                            answered: set[int]) -> HttpResponse:
    """A question id outside the drawn attempt: the page shows the attempt's own next
    question again, never the one asked for (its text and options stay unknown)."""
    question_id = services.sitting_next_question_id(sitting=sitting, answered=answered)
    question = Question.objects.prefetch_related("answers").get(pk=question_id)
    messages.error(request, _("This question is not part of your attempt."))
    return _render_question(request, sitting, question, AnswerForm(question=question), answered,
                            status=400)


@login_required
def sitting_feedback(request: HttpRequest, pk: int, question_id: int) -> HttpResponse:
    """The right answer to a question just answered — only when the quiz shows answers
    after each question (otherwise it waits for the result page)."""
    sitting = _own_sitting(request, pk)
    if not sitting.shows_answer_after_each and not sitting.is_complete:
        raise Http404
    given = get_object_or_404(sitting.answers.select_related("question"),
                              question_id=question_id)
    question = Question.objects.prefetch_related("answers").get(pk=given.question_id)
    hidden = services.answers_hidden_ids(sitting=sitting, question_ids=[question.pk])
    return render(request, "quizzes/feedback.html", {
        "sitting": sitting, "quiz": sitting.quiz, "question": question, "answer": given,
        "chosen": set(given.choice_ids), "hidden": question.pk in hidden,
    })


@login_required
def sitting_result(request: HttpRequest, pk: int) -> HttpResponse:
    sitting = services.sitting_close_if_expired(sitting=_own_sitting(request, pk))
    if not sitting.is_complete:
        return redirect("quizzes:question", pk=sitting.pk)
    review = selectors.sitting_review(sitting=sitting, request=request)
    hidden = services.answers_hidden_ids(sitting=sitting)
    for item in review:
        item["hidden"] = item["question"].pk in hidden
    return render(request, "quizzes/result.html", {
        "sitting": sitting, "quiz": sitting.quiz,
        "status": selectors.sitting_status(sitting), "review": review,
        "any_hidden": bool(hidden),
    })


@login_required
def progress(request: HttpRequest) -> HttpResponse:
    return render(request, "quizzes/progress.html", {
        "categories": selectors.category_success_rates(user=request.user),
        "sittings": selectors.sittings_of(user=request.user),
    })
