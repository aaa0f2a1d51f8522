"""Realistic attempts by the demo trainees, written in bulk but scored by the service rule."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from curriculum.models import CoursePage
from curriculum.services import course_modules_mark_complete
from lms.cohorts import services as cohort_services
from lms.cohorts.models import Enrollment

from ..models import Question, Quiz, Sitting, SittingAnswer
from ..services import score_passes, score_percent_of

User = get_user_model()
ESSAYS = [
    "I would first make sure the person is safe, explain my role and ask for consent "
    "before contacting the right service, then follow up.",
    "Listen calmly, keep the information confidential, refer to the competent partner and "
    "check later that help was received.",
    "Je commence par la sécurité et les besoins urgents, j'explique ce que je peux faire, "
    "je demande son accord puis j'oriente vers le service adapté.",
]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class _Writer:
    def __init__(self, *, rng: random.Random, questions: dict[int, Question],
                 drawn: dict[int, list[int]]):
        self.rng = rng
        self.questions = questions
        self.drawn = drawn
        self.answers: list[tuple[Sitting, list[SittingAnswer]]] = []

    def _answer(self, question: Question, right: bool) -> SittingAnswer:
        if question.is_essay:  # marked out of its points: full, or a partial mark below half
            score = question.points if right else self.rng.randrange(0, (question.points + 1) // 2)
            return SittingAnswer(question=question, essay_text=self.rng.choice(ESSAYS),
                                 is_correct=right, score=score)
        if question.is_true_false:
            value = question.true_false_answer if right else not question.true_false_answer
            return SittingAnswer(question=question, boolean=value, is_correct=right)
        options = list(question.answers.all())
        good = [a.pk for a in options if a.is_correct]
        bad = [a.pk for a in options if not a.is_correct]
        if right:
            chosen = good
        elif len(good) > 1 and self.rng.random() < 0.6:
            chosen = good[: len(good) - 1]  # one right answer missed
        else:
            chosen = [self.rng.choice(bad)]
        return SittingAnswer(question=question, choice_ids=sorted(chosen), is_correct=right)

    def sitting(self, *, enrollment, quiz: Quiz, started, percent: float,
                pending_essay: bool = False) -> Sitting:
        ids = list(self.drawn[quiz.pk])
        if quiz.random_order:
            self.rng.shuffle(ids)
        objective = [pk for pk in ids if not self.questions[pk].is_essay]
        right = set(self.rng.sample(objective, round(percent * len(objective) / 100)))
        answers = []
        for minute, pk in enumerate(ids, start=1):
            question = self.questions[pk]
            is_right = (self.rng.random() < 0.75) if question.is_essay else pk in right
            answer = self._answer(question, is_right)
            if question.is_essay and pending_essay:
                answer.is_correct = answer.score = None
            answer.credit = (None if answer.is_correct is None
                             else Decimal(answer.score) / question.points
                             if answer.score is not None else int(answer.is_correct))
            answer.answered_at = started + datetime.timedelta(minutes=2 * minute)
            answers.append(answer)
        # The grading rule (services.sitting_grade): each question weighs its points.
        earned = sum(int(a.score) if a.score is not None else
                     (a.question.points if a.is_correct else 0) for a in answers)
        needs_marking = any(a.is_correct is None for a in answers)
        score = score_percent_of(correct=earned,
                                 total=sum(self.questions[pk].points for pk in ids))
        sitting = Sitting(
            user_id=enrollment.trainee_id, quiz=quiz, cohort_id=enrollment.cohort_id,
            single_attempt=quiz.single_attempt, question_ids=ids, started_at=started,
            deadline=(started + datetime.timedelta(minutes=quiz.time_limit_minutes)
                      if quiz.time_limit_minutes else None),
            completed_at=started + datetime.timedelta(minutes=2 * len(ids) + 1),
            score_percent=score, needs_marking=needs_marking,
            passed=score_passes(quiz=quiz, score_percent=score, needs_marking=needs_marking))
        self.answers.append((sitting, answers))
        return sitting

    def save(self) -> int:
        sittings = Sitting.objects.bulk_create([s for s, _a in self.answers])
        rows = []
        for sitting, (_s, answers) in zip(sittings, self.answers, strict=True):
            for answer in answers:
                answer.sitting = sitting
                rows.append(answer)
        SittingAnswer.objects.bulk_create(rows, batch_size=2000)
        return len(sittings)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def attempts_ensure(*, course: CoursePage, pre: Quiz, post: Quiz) -> int:
    if Sitting.objects.filter(quiz__in=[pre, post]).exists():
        return 0
    drawn = {quiz.pk: list(quiz.questions.order_by("pk").values_list("pk", flat=True))
             for quiz in (pre, post)}
    questions = Question.objects.prefetch_related("answers").in_bulk(
        set(drawn[pre.pk]) | set(drawn[post.pk]))
    writer = _Writer(rng=random.Random(f"quizzes-{course.code}"), questions=questions,
                     drawn=drawn)
    rng = writer.rng
    today = timezone.localdate()
    enrollments = (
        Enrollment.objects.active().filter(cohort__course=course, cohort__start_date__lte=today)
        .exclude(trainee__username="trainee")
        .select_related("cohort").order_by("cohort__start_date", "pk")
    )
    demo_facilitator = set(
        User.objects.filter(username="facilitator")
        .values_list("facilitated_cohorts", flat=True))
    seen, post_takers, pending_left = set(), [], {"mine": 4, "latest": 2}
    finished = [e for e in enrollments if e.cohort.end_date < today]
    latest_cohort = finished[-1].cohort_id if finished else None
    for enrollment in enrollments:
        if enrollment.trainee_id in seen:
            continue
        seen.add(enrollment.trainee_id)
        cohort = enrollment.cohort
        ability = rng.gauss(0, 1)
        pre_percent = _clamp(52 + 9 * ability + rng.gauss(0, 5), 25, 80)
        writer.sitting(enrollment=enrollment, quiz=pre, started=_at(cohort.start_date, 9),
                       percent=pre_percent)
        if cohort.end_date >= today:
            continue
        post_percent = _clamp(pre_percent + 31 + 4 * ability + rng.gauss(0, 7), 45, 100)
        key = ("mine" if cohort.pk in demo_facilitator
               else "latest" if cohort.pk == latest_cohort else None)
        pending = bool(key) and pending_left[key] > 0 and rng.random() < 0.5
        if pending:
            pending_left[key] -= 1
        first = writer.sitting(enrollment=enrollment, quiz=post, percent=post_percent,
                               started=_at(cohort.end_date, 14), pending_essay=pending)
        if not first.passed and not pending and rng.random() < 0.5:
            writer.sitting(enrollment=enrollment, quiz=post,
                           percent=_clamp(post_percent + 15, 45, 100),
                           started=_at(cohort.end_date + datetime.timedelta(days=7), 10))
        post_takers.append(enrollment.trainee_id)
    created = writer.save()
    post_users = list(User.objects.filter(pk__in=post_takers))
    # Who sat the post-test had read the course: the demo courses require every module.
    course_modules_mark_complete(users=post_users, course=course)
    for user in post_users:
        cohort_services.completion_evaluate_for(user=user, course=course)
    return created
