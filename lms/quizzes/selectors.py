"""Read-side questions about quizzes, also asked by other apps (cohorts, reporting).

Courses may be passed in any locale: quizzes hang on the English page, and every
translation shares its `translation_key`.
"""

from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)

from lms.accounts import roles
from lms.cohorts.selectors import cohorts_managed_by
from lms.core import prepared

from . import bank_cache
from .models import Category, Question, Quiz, Sitting, SittingAnswer

SCORE = DecimalField(max_digits=6, decimal_places=2)


def can_edit_quizzes(user) -> bool:
    return user.is_authenticated and user.has_perm("quizzes.change_quiz")


def quizzes_visible_to(user) -> QuerySet[Quiz]:
    """Live (published) quizzes for everyone; never-published ones too for those who edit
    quizzes. A live quiz's unpublished changes stay in its revisions: everyone sees the
    live version."""
    quizzes = Quiz.objects.select_related("course", "module")
    return quizzes if can_edit_quizzes(user) else quizzes.filter(live=True)


def quiz_visible_by_slug(*, user, slug: str, request=None) -> Quiz | None:
    """The quiz `slug` if `user` may see it (the rule of `quizzes_visible_to`), from the
    cache (`bank_cache.quiz_by_slug`), without its course and module pages."""
    quiz = bank_cache.quiz_by_slug(slug, request=request)
    if quiz is None or not (quiz.live or can_edit_quizzes(user)):
        return None
    return quiz


def quizzes_for_course(*, course, user=None) -> QuerySet[Quiz]:
    user = user or AnonymousUser()
    step = Case(When(purpose=Quiz.Purpose.PRE_TEST, then=0),
                When(purpose=Quiz.Purpose.PRACTICE, then=1), default=2)
    return quizzes_visible_to(user).filter(
        course__translation_key=course.translation_key
    ).order_by(step, "title_en")


def quizzes_with_status(*, course, user, request=None) -> list[dict]:
    """Each quiz of the course with the user's status: not started, in progress, passed,
    failed or awaiting marking, and their latest score. The course's quizzes come from the
    cache (`bank_cache.course_quiz_list`, the same for every reader); the user's latest
    attempt at each is one query."""
    user = user or AnonymousUser()
    drafts = can_edit_quizzes(user)

    def compute() -> list[Quiz]:  # the quiz rows alone: no course or module pages to unpickle
        return list(quizzes_for_course(course=course, user=user).select_related(None))

    quizzes = bank_cache.course_quiz_list(course.translation_key, drafts=drafts,
                                          compute=compute, request=request)
    latest: dict[int, Sitting] = {}
    if user.is_authenticated and quizzes:  # each quiz's latest attempt, however many
        by_quiz = {quiz.pk: quiz for quiz in quizzes}
        latest = latest_sittings(user=user, quiz_ids=list(by_quiz))
        for sitting in latest.values():
            sitting.quiz = by_quiz[sitting.quiz_id]
    return [{"quiz": quiz, "sitting": latest.get(quiz.pk),
             "status": sitting_status(latest.get(quiz.pk))} for quiz in quizzes]


QUIZ_IDS = "{quiz_ids}"  # replaced by one placeholder per quiz


@prepared.statement
def _latest_sittings_sql(using: str) -> str:
    def col(alias: str, name: str) -> str:
        return prepared.column(Sitting, name, alias, using)

    newest = (f"SELECT {col('n', 'id')} FROM {prepared.table(Sitting, 'n', using)} "
              f"WHERE {col('n', 'user')} = %s AND {col('n', 'quiz')} = {col('s', 'quiz')} "
              f"ORDER BY {col('n', 'started_at')} DESC, {col('n', 'id')} DESC LIMIT 1")
    return (f"SELECT {prepared.columns(Sitting, 's', using)} "
            f"FROM {prepared.table(Sitting, 's', using)} "
            f"WHERE {col('s', 'user')} = %s AND {col('s', 'quiz')} IN ({QUIZ_IDS}) "
            f"AND {col('s', 'id')} = ({newest})")


def latest_sittings(*, user, quiz_ids: list[int]) -> dict[int, Sitting]:
    """Quiz id → `user`'s latest attempt at it (started last; the highest id among attempts
    started at the same instant), for the quizzes they attempted. One prepared statement
    (`lms/core/prepared.py`) instead of the ORM's subquery, read on every course page."""
    if not quiz_ids:
        return {}
    sql = _latest_sittings_sql().replace(QUIZ_IDS, ", ".join(["%s"] * len(quiz_ids)))
    rows = prepared.fetch_models(sql, [user.pk, *quiz_ids, user.pk], [Sitting])
    return {sitting.quiz_id: sitting for (sitting,) in rows}


def sitting_status(sitting: Sitting | None) -> str:
    if sitting is None:
        return "not_started"
    if not sitting.is_complete:
        return "in_progress"
    if sitting.needs_marking:
        return "awaiting_marking"
    if sitting.quiz.purpose in (Quiz.Purpose.PRE_TEST, Quiz.Purpose.RETENTION):
        return "done"  # a measure, not an exam: neither passed nor failed
    return "passed" if sitting.passed else "failed"


def post_test_passed(*, user, course) -> bool:
    """Has `user` a completed, passed post-test sitting for `course` (any locale of it)?"""
    return Sitting.objects.filter(
        user=user, quiz__course__translation_key=course.translation_key,
        quiz__purpose=Quiz.Purpose.POST_TEST, completed_at__isnull=False, passed=True,
    ).exists()


def _completed(purpose: str) -> QuerySet[Sitting]:
    return Sitting.objects.filter(
        user=OuterRef("trainee_id"), quiz__course=OuterRef("cohort__course_id"),
        quiz__purpose=purpose, completed_at__isnull=False, needs_marking=False,
    )


def enrollments_with_scores(*, enrollments: QuerySet) -> QuerySet:
    """Annotate enrollments with `pre_score` (first completed pre-test of the course),
    `post_score` (best completed post-test) and `gain` (post - pre; null if either is
    missing). Attempts still awaiting a marker are left out until marked."""
    pre = _completed(Quiz.Purpose.PRE_TEST).order_by("completed_at", "pk")
    post = _completed(Quiz.Purpose.POST_TEST).order_by("-score_percent", "pk")
    return enrollments.annotate(
        pre_score=Subquery(pre.values("score_percent")[:1], output_field=SCORE),
        post_score=Subquery(post.values("score_percent")[:1], output_field=SCORE),
    ).annotate(
        gain=ExpressionWrapper(F("post_score") - F("pre_score"), output_field=SCORE),
    )


def enrollments_with_retention(*, enrollments: QuerySet) -> QuerySet:
    """Annotate enrollments with `post_score` (best completed post-test, as for the gain) and
    `retest_score` (the first completed retention re-test of the course, sat at the 6-month
    follow-up): knowledge kept is the one compared with the other."""
    post = _completed(Quiz.Purpose.POST_TEST).order_by("-score_percent", "pk")
    return enrollments.annotate(
        post_score=Subquery(post.values("score_percent")[:1], output_field=SCORE),
        retest_score=retest_score(),
    )


def retest_score() -> Subquery:
    """The score of an enrollment's first completed retention re-test (an annotation)."""
    retest = _completed(Quiz.Purpose.RETENTION).order_by("completed_at", "pk")
    return Subquery(retest.values("score_percent")[:1], output_field=SCORE)


def retention_quiz_for(*, course) -> Quiz | None:
    """The live retention re-test of `course` (any locale of it), if there is one."""
    return (Quiz.objects.filter(course__translation_key=course.translation_key, live=True,
                                purpose=Quiz.Purpose.RETENTION).order_by("pk").first())


def _rounded(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.1"))


def gain_summary(*, enrollments: QuerySet) -> dict:
    """Average pre, post and gain over `enrollments` (filter them per trainee, cohort or
    region first). `n` counts enrollments with both scores, the base of `avg_gain`."""
    # The scores are computed in an inner query and aggregated outside it. DISTINCT (a no-op:
    # the rows carry the enrollment's pk) keeps SQLite from flattening the inner query into
    # the aggregate, which would evaluate both correlated lookups again for every reference
    # (six per enrollment instead of two: 4.5x slower at 100,000 enrollments).
    gain = ExpressionWrapper(F("post_score") - F("pre_score"), output_field=SCORE)
    figures = (
        enrollments_with_scores(enrollments=enrollments)
        .values("pk", "pre_score", "post_score").order_by().distinct()
        .aggregate(avg_pre=Avg("pre_score"), avg_post=Avg("post_score"), avg_gain=Avg(gain),
                   n_pre=Count("pre_score"), n_post=Count("post_score"), n=Count(gain))
    )
    for key in ("avg_pre", "avg_post", "avg_gain"):
        figures[key] = _rounded(figures[key])
    return figures


def category_success_rates(*, user) -> list[dict]:
    """Per category over the user's finished attempts: fully right answers, and the success
    rate as the share of the marks earned (partial credit counts)."""
    rows = (
        SittingAnswer.objects.filter(sitting__user=user, sitting__completed_at__isnull=False,
                                     is_correct__isnull=False)
        .values("question__category_id")
        .annotate(total=Count("pk"), correct=Count("pk", filter=Q(is_correct=True)),
                  earned=Sum("credit"))
        .order_by()
    )
    counts = {row["question__category_id"]: row for row in rows}
    categories = Category.objects.filter(pk__in=counts).select_related("parent")
    result = []
    for category in categories:
        row = counts[category.pk]
        result.append({
            "category": category, "total": row["total"], "correct": row["correct"],
            "percent": round(100 * (row["earned"] or 0) / row["total"]),
        })
    return sorted(result, key=lambda r: str(r["category"]))


# Read on every question page and answer (issue 16): compiled once (lms/core/prepared.py).
_OWN_SITTING = prepared.PreparedRead(Sitting.objects.all, "pk", "user_id")


def own_sitting(*, user, pk: int) -> Sitting | None:
    """`user`'s attempt `pk`, or None (someone else's attempt is None too)."""
    return _OWN_SITTING.first(pk, user.pk)


def sittings_of(*, user) -> QuerySet[Sitting]:
    return Sitting.objects.filter(user=user).select_related("quiz").order_by("-started_at")


def question_image_visible_to(*, user, question: Question) -> bool:
    """May `user` see this question's image: a trainee to whom an attempt drew it (to sit or
    review it), those who edit or view questions, quiz viewers when a quiz holds it, markers
    of a paper that answered it. The image is private (issue 17): its view asks this first."""
    if not user.is_authenticated:
        return False
    if user.has_perm("quizzes.view_question") or user.has_perm("quizzes.change_question"):
        return True
    if user.has_perm("quizzes.view_quiz") and question.quizzes.exists():
        return True
    drawn = Sitting.objects.filter(user=user).values_list("question_ids", flat=True)
    if any(question.pk in (ids or []) for ids in drawn.iterator()):
        return True
    return sittings_markable_by(user).filter(answers__question_id=question.pk).exists()


def sittings_markable_by(user) -> QuerySet[Sitting]:
    """Finished exam papers a marker may see: national staff see all; others those of
    trainees in cohorts they run or coordinate, never their own."""
    if not user.is_authenticated or not user.has_perm("quizzes.mark_sitting"):
        return Sitting.objects.none()
    papers = Sitting.objects.filter(completed_at__isnull=False, quiz__exam_paper=True)
    if not user.has_perm(roles.SEE_ALL_REGIONS):
        papers = papers.filter(cohort__in=cohorts_managed_by(user)).exclude(user=user)
    return papers


def sittings_for_marking(*, user, quiz=None, trainee=None, cohort=None,
                         pending_only: bool = False) -> QuerySet[Sitting]:
    papers = sittings_markable_by(user).select_related("quiz", "user", "cohort")
    if quiz is not None:
        papers = papers.filter(quiz=quiz)
    if trainee is not None:
        papers = papers.filter(user=trainee)
    if cohort is not None:
        papers = papers.filter(cohort=cohort)
    if pending_only:
        papers = papers.filter(needs_marking=True)
    return papers.order_by("-needs_marking", "-completed_at", "-pk")


def sitting_review(*, sitting: Sitting, request=None) -> list[dict]:
    """The attempt's questions in drawn order with the answers given (for result and
    marking pages; callers decide whether correct answers may be shown). The questions, as
    published now, come from the bank cache (`bank_cache.review_questions`)."""
    given = {a.question_id: a for a in sitting.answers.all()}
    by_id = bank_cache.review_questions(sitting.question_ids, request=request)
    return [
        {"question": by_id[pk], "answer": given.get(pk),
         "chosen": set(given[pk].choice_ids) if pk in given else set()}
        for pk in sitting.question_ids if pk in by_id
    ]


def category_ids_with_descendants(*, category: Category) -> list[int]:
    """A category and every sub-category below it (one query per level)."""
    ids, level = [category.pk], [category.pk]
    while level:
        level = list(Category.objects.filter(parent__in=level).exclude(pk__in=ids)
                     .values_list("pk", flat=True))
        ids += level
    return ids
