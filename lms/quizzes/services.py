"""Quiz rules: starting and resuming attempts, answering, grading, the time limit, marking.

Grading happens here only; views pass raw input in and render what these functions return.
"""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.cohorts import figures
from lms.cohorts import services as cohort_services
from lms.cohorts.models import Enrollment
from lms.core.prepared import PreparedRead

from . import bank_cache, grading
from .access import (  # noqa: F401 (re-exported: the rules of access are services too)
    answers_hidden_ids,
    attempts_allowed,
    attempts_left,
    questions_leaking,
    start_refusal,
)
from .models import Question, Quiz, Sitting, SittingAnswer


class QuizError(Exception):
    """A request the rules refuse; the message is meant for the trainee."""


class AlreadyTaken(QuizError):
    pass


class TimeIsUp(QuizError):
    pass


def _draw(*, quiz: Quiz, rng: random.Random, request=None) -> tuple[list[int], dict[str, dict]]:
    """The drawn question ids (in the attempt's order) and their answer key as published now,
    which the attempt keeps: the quiz's live questions in category-name order, a random
    subset of `max_questions` when set, shuffled when the quiz says so. The questions and
    their key entries come from the bank cache (`bank_cache.quiz_draw`)."""
    ids, entries = bank_cache.quiz_draw(quiz, request=request)
    if quiz.max_questions and quiz.max_questions < len(ids):
        chosen = set(rng.sample(ids, quiz.max_questions))
        ids = [pk for pk in ids if pk in chosen]
    key = {str(pk): entries[str(pk)] for pk in ids}
    if quiz.random_order:
        ids = list(ids)
        rng.shuffle(ids)
    return ids, key


def _cohort_id_for(*, user, quiz: Quiz) -> int | None:
    """The cohort of the user's latest active enrollment in the quiz's course (None: none)."""
    return (Enrollment.objects.active().filter(trainee=user, cohort__course_id=quiz.course_id)
            .order_by("-enrolled_at", "-pk").values_list("cohort_id", flat=True).first())


def sitting_open_for(*, user, quiz: Quiz) -> Sitting | None:
    return Sitting.objects.filter(user=user, quiz=quiz, completed_at__isnull=True).first()


def sitting_start(*, user, quiz: Quiz, rng: random.Random | None = None,
                  now: datetime.datetime | None = None, request=None) -> Sitting:
    """Resume the user's unfinished attempt, or start a new one when the quiz allows it.

    Two simultaneous requests cannot create two attempts: the partial unique constraints
    (one open attempt; one attempt at all for single-attempt quizzes) make the loser fail,
    and it then resumes the winner's attempt.
    """
    now = now or timezone.now()
    existing = sitting_open_for(user=user, quiz=quiz)
    if existing is not None:
        existing = sitting_close_if_expired(sitting=existing, now=now)
        if not existing.is_complete:
            return existing
    if quiz.single_attempt:
        # At most one attempt exists; a concurrent request may just have opened it.
        taken = Sitting.objects.filter(user=user, quiz=quiz).first()
        if taken is not None and not taken.is_complete:
            return taken
    refusal = start_refusal(user=user, quiz=quiz, now=now)
    if refusal:
        raise AlreadyTaken(refusal)
    question_ids, key = _draw(quiz=quiz, rng=rng or random.SystemRandom(), request=request)
    if not question_ids:
        raise QuizError(_("This quiz has no questions yet."))
    deadline = (now + datetime.timedelta(minutes=quiz.time_limit_minutes)
                if quiz.time_limit_minutes else None)
    try:
        with transaction.atomic():
            return Sitting.objects.create(
                user=user, quiz=quiz, cohort_id=_cohort_id_for(user=user, quiz=quiz),
                single_attempt=quiz.single_attempt, question_ids=question_ids, deadline=deadline,
                started_at=now, pass_mark=quiz.pass_mark, answers_at_end=quiz.answers_at_end,
                all_or_nothing=quiz.all_or_nothing, key=key,
            )
    except IntegrityError:
        winner = sitting_open_for(user=user, quiz=quiz)
        if winner is not None:
            return winner
        raise AlreadyTaken(
            _("You have already taken this quiz; it allows a single attempt.")
        ) from None


# The quiz server's hot path (issue 16): statements compiled once (lms/core/prepared.py).
_ANSWERED_IDS = PreparedRead(
    lambda: SittingAnswer.objects.values_list("question_id", flat=True), "sitting_id")
# The attempt's row locked, with what may have changed since the caller read it (its end) and
# the questions answered so far: one statement (PostgreSQL locks the attempt's row only; SQLite
# has no row lock, its transactions take the write lock: settings, "IMMEDIATE").
_LOCKED_WITH_ANSWERS = PreparedRead(lambda: Sitting.objects.select_for_update(of=("self",))
                                    .values_list("completed_at", "deadline",
                                                 "answers__question_id"), "pk")


def sitting_answered_ids(*, sitting: Sitting) -> set[int]:
    return set(_ANSWERED_IDS.rows(sitting.pk))


def sitting_next_question_id(*, sitting: Sitting, answered: set[int] | None = None) -> int | None:
    answered = sitting_answered_ids(sitting=sitting) if answered is None else answered
    return next((pk for pk in sitting.question_ids if pk not in answered), None)


def _is_late(sitting: Sitting, now: datetime.datetime) -> bool:
    return sitting.deadline is not None and now > sitting.deadline


def sitting_close_if_expired(*, sitting: Sitting, now: datetime.datetime | None = None) -> Sitting:
    """Close an attempt whose time limit has passed; unanswered questions score nothing."""
    now = now or timezone.now()
    if not sitting.is_complete and _is_late(sitting, now):
        return sitting_finish(sitting=sitting, now=sitting.deadline)
    return sitting


def _clean_input(question: Question, *, choice_ids, boolean, essay_text, response_text,
                 pairs, entry: dict | None = None) -> dict:
    """The answer as stored, with its credit (share of the mark, 0 to 1), graded against the
    attempt's answer key entry (the live question for attempts without one)."""
    if not entry or ("options" not in entry and question.kind not in {"mc", "tf", "essay"}):
        entry = grading.key_entry(question)
    if question.is_essay:
        text = (essay_text or "").strip()
        if not text:
            raise QuizError(_("Write an answer before continuing."))
        return {"essay_text": text[:20000], "credit": None}
    if question.is_true_false:
        if boolean is None:
            raise QuizError(_("Choose true or false."))
        return {"boolean": bool(boolean),
                "credit": grading.true_false_credit(entry, bool(boolean))}
    if question.is_short_answer or question.is_numerical:
        return _clean_typed(question, response_text, entry)
    if question.is_matching:
        return _clean_pairs(question, pairs, entry)
    try:
        chosen = sorted({int(pk) for pk in (choice_ids or [])})
    except (TypeError, ValueError):
        raise QuizError(_("Choose among the options shown.")) from None
    options = {a.pk: a for a in question.answers.all()}
    if not chosen:
        raise QuizError(_("Choose at least one option."))
    if any(pk not in options for pk in chosen):
        raise QuizError(_("Choose among the options shown."))
    if question_allows_several(question) is False and len(chosen) > 1:
        raise QuizError(_("Choose only one option."))
    return {"choice_ids": chosen, "credit": grading.choice_credit(entry, set(chosen))}


def _clean_typed(question: Question, response_text, entry: dict) -> dict:
    text = " ".join((response_text or "").split())[:1000]
    if not text:
        raise QuizError(_("Type an answer before continuing."))
    if question.is_numerical and grading.parse_number(text) is None:
        raise QuizError(_("Type a number, for example 12 or 12,5."))
    return {"response_text": text, "credit": grading.typed_credit(entry, text)}


def _clean_pairs(question: Question, pairs, entry: dict) -> dict:
    items = [a for a in question.answers.all() if a.text_en.strip()]
    offered = {a.match_en for a in question.answers.all()}
    pairs = {str(k): v for k, v in (pairs or {}).items()}
    cleaned = {str(a.pk): pairs.get(str(a.pk)) or "" for a in items}
    if not all(cleaned.values()):
        raise QuizError(_("Match every item before continuing."))
    if any(value not in offered for value in cleaned.values()):
        raise QuizError(_("Choose among the options shown."))
    return {"pairs": cleaned, "credit": grading.matching_credit(entry, cleaned)}


def question_allows_several(question: Question) -> bool:
    return grading.allows_several(question)


def sitting_answer(*, sitting: Sitting, question_id: int, choice_ids=None, boolean=None,
                   essay_text: str | None = None, response_text: str | None = None,
                   pairs: dict | None = None, now: datetime.datetime | None = None,
                   question: Question | None = None) -> SittingAnswer:
    """Record and grade one answer. Each question of the attempt is answered once; an
    answer arriving after the deadline is dropped and the attempt closed. `question` (with
    its answers prefetched), when the caller already loaded it, saves reading it again.

    The attempt's row is locked first, so two answers to one attempt (a double click, two
    tabs) are recorded one after the other: the second sees the first in the answers read
    under the lock; the unique constraint stays the last word. `sitting` is the row the
    caller read (its owner checked): what an attempt keeps from its start (drawn questions,
    answer key, settings) never changes; its end and deadline are read again under the
    lock, in the same statement as the answers given."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            rows = _LOCKED_WITH_ANSWERS.rows(sitting.pk)
            if not rows:
                raise Sitting.DoesNotExist(sitting.pk)
            sitting.completed_at, sitting.deadline = rows[0][0], rows[0][1]
            if sitting.is_complete:
                raise QuizError(_("This attempt is finished; answers can no longer change."))
            if not _is_late(sitting, now):
                answered = {row[2] for row in rows if row[2] is not None}
                return _record_answer(sitting=sitting, question_id=question_id, now=now,
                                      answered=answered, question=question,
                                      choice_ids=choice_ids, boolean=boolean,
                                      essay_text=essay_text, response_text=response_text,
                                      pairs=pairs)
    except IntegrityError:
        raise QuizError(_("You have already answered this question.")) from None
    sitting_finish(sitting=sitting, now=sitting.deadline)
    raise TimeIsUp(_("Time is up: this answer arrived after the time limit and was not counted."))


def _record_answer(*, sitting: Sitting, question_id: int, now: datetime.datetime,
                   answered: set[int], question: Question | None, choice_ids, boolean,
                   essay_text, response_text, pairs) -> SittingAnswer:
    if question_id not in sitting.question_ids:
        raise QuizError(_("This question is not part of your attempt."))
    if question is None or question.pk != question_id:
        question = Question.objects.prefetch_related("answers").get(pk=question_id)
    values = _clean_input(question, choice_ids=choice_ids, boolean=boolean,
                          essay_text=essay_text, response_text=response_text, pairs=pairs,
                          entry=sitting.key.get(str(question_id)))
    all_or_nothing = (sitting.quiz.all_or_nothing if sitting.all_or_nothing is None
                      else sitting.all_or_nothing)
    if values["credit"] is not None and all_or_nothing:
        values["credit"] = grading.all_or_nothing(values["credit"])
    values["is_correct"] = None if values["credit"] is None else values["credit"] >= 1
    if question_id in answered:
        raise QuizError(_("You have already answered this question."))
    answer = SittingAnswer.objects.create(sitting=sitting, question=question, **values)
    if sitting_next_question_id(sitting=sitting, answered=answered | {question_id}) is None:
        sitting_finish(sitting=sitting, now=now)
    return answer


def score_percent_of(*, correct: Decimal | int, total: int) -> Decimal:
    """The score rule: every drawn question weighs the same; `correct` sums the credits."""
    if not total:
        return Decimal("0.00")
    return (Decimal(100) * correct / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def score_passes(*, quiz: Quiz, score_percent: Decimal | int, needs_marking: bool = False,
                 pass_mark: int | None = None) -> bool:
    """The pass rule: the pass mark reached (the attempt's own, kept at its start, else the
    quiz's), with no answer left for a marker."""
    mark = quiz.pass_mark if pass_mark is None else pass_mark
    return not needs_marking and score_percent >= mark


def _points_of(sitting: Sitting) -> dict[int, int]:
    """What each drawn question is worth: kept at the start, else (older attempts) now."""
    points = {pk: (sitting.key.get(str(pk)) or {}).get("points") for pk in sitting.question_ids}
    missing = [pk for pk, value in points.items() if value is None]
    if missing:
        points.update(Question.objects.filter(pk__in=missing).values_list("pk", "points"))
    return {pk: value or 1 for pk, value in points.items()}


def sitting_grade(*, sitting: Sitting) -> Sitting:
    """Recompute score, pass and pending marking from the stored answers (not saved).

    Every drawn question weighs its points, of which an answer earns its credit (0 to 1; a
    marked essay: its mark out of the points): unanswered questions and essays awaiting a
    marker score nothing, and an attempt with essays awaiting a marker is not passed until
    they are marked.
    """
    points = _points_of(sitting)
    # with the attempt's id: the related manager reads it to attach the attempt
    answers = list(sitting.answers.only("sitting_id", "question_id", "is_correct", "credit"))
    earned = sum((a.credit * points.get(a.question_id, 1) for a in answers
                  if a.credit is not None), Decimal(0))
    possible = sum(points.values())
    sitting.needs_marking = any(a.is_correct is None for a in answers)
    sitting.score_percent = (
        (Decimal(100) * earned / possible).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if possible else Decimal("0.00"))
    sitting.passed = score_passes(quiz=sitting.quiz, score_percent=sitting.score_percent,
                                  needs_marking=sitting.needs_marking,
                                  pass_mark=sitting.pass_mark)
    return sitting


def _after_result_change(sitting: Sitting) -> None:
    if sitting.quiz.purpose in (Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST,
                                Quiz.Purpose.RETENTION):
        # the scores of the dashboard's knowledge gain and knowledge kept
        figures.trainees_changed(trainee_ids=[sitting.user_id])
    if sitting.quiz.purpose != Quiz.Purpose.POST_TEST:
        return
    user, course = sitting.user, sitting.quiz.course
    transaction.on_commit(
        lambda: cohort_services.completion_evaluate_for(user=user, course=course)
    )


@transaction.atomic
def sitting_finish(*, sitting: Sitting, now: datetime.datetime | None = None) -> Sitting:
    sitting = Sitting.objects.select_for_update().select_related("quiz", "user").get(
        pk=sitting.pk)
    if sitting.is_complete:
        return sitting
    sitting_grade(sitting=sitting)
    sitting.completed_at = now or timezone.now()
    sitting.save(update_fields=["score_percent", "passed", "needs_marking", "completed_at"])
    _after_result_change(sitting)
    return sitting


@transaction.atomic
def essay_mark(*, answer: SittingAnswer, by, score: Decimal | int | None = None,
               correct: bool | None = None, comment: str = "") -> Sitting:
    """A marker's mark on one essay answer, out of the question's points (`correct` gives
    full or no marks), with an optional comment the trainee reads on their result page.
    The attempt's score and result follow."""
    sitting = Sitting.objects.select_for_update().select_related("quiz", "user").get(
        pk=answer.sitting_id)
    if not sitting.is_complete:
        raise QuizError(_("The attempt is still in progress."))
    answer = SittingAnswer.objects.select_related("question").get(pk=answer.pk)
    if not answer.question.is_essay:
        raise QuizError(_("Only essay answers are marked by hand."))
    out_of = _points_of(sitting).get(answer.question_id, answer.question.points)
    if score is None:
        if correct is None:
            raise QuizError(_("Give a mark."))
        score = out_of if correct else 0
    score = Decimal(score)
    if not 0 <= score <= out_of:
        raise QuizError(_("The mark must be between 0 and %(points)s.") % {"points": out_of})
    answer.score = score
    answer.credit = (score / out_of).quantize(Decimal("0.0001"))
    answer.is_correct = score >= out_of  # as for every question: true only when fully right
    answer.comment = (comment or "").strip()[:5000]
    answer.marked_by = by
    answer.marked_at = timezone.now()
    answer.save(update_fields=["score", "credit", "is_correct", "comment", "marked_by",
                               "marked_at"])
    before = (sitting.score_percent, sitting.passed, sitting.needs_marking)
    sitting_grade(sitting=sitting)
    sitting.save(update_fields=["score_percent", "passed", "needs_marking"])
    if before != (sitting.score_percent, sitting.passed, sitting.needs_marking):
        _after_result_change(sitting)
    return sitting
