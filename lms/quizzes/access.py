"""Access rules of the quiz engine, part of its services (`services` re-exports them): what
a trainee may learn in advance (right answers, explanations) and when they may start another
attempt (closing time, attempt limits, the wait between attempts).
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Question, Quiz, Sitting

# The one rule: a right answer (or explanation) is shown to a trainee only when
#   1. the quiz shows answers at all (`show_answers`), and
#   2. for a post-test, the trainee cannot sit it again (no attempt left) or it has closed, and
#   3. the question sits in no post-test that is still open to that trainee, i.e. one they
#      have neither passed nor seen closed.
# Result pages, per-question feedback and anything else that shows answers to trainees ask
# `answers_hidden_ids`; the admin's quiz form asks `questions_leaking` so that a quiz that
# shows answers and a post-test never share a question in the first place.


def _in_open_post_tests(*, user, question_ids, now, except_quiz: Quiz | None = None) -> set[int]:
    passed = Sitting.objects.filter(user=user, passed=True, completed_at__isnull=False,
                                    quiz__purpose=Quiz.Purpose.POST_TEST).values("quiz_id")
    rows = (Quiz.questions.through.objects
            .filter(question_id__in=question_ids, quiz__purpose=Quiz.Purpose.POST_TEST)
            .exclude(quiz__closes_at__lte=now).exclude(quiz_id__in=passed))
    if except_quiz is not None:
        rows = rows.exclude(quiz_id=except_quiz.pk)
    return set(rows.values_list("question_id", flat=True))


def attempts_allowed(quiz: Quiz) -> int | None:
    """How many attempts `quiz` allows in all (None: no limit)."""
    if quiz.single_attempt:
        return 1
    return quiz.max_attempts


def attempts_left(*, user, quiz: Quiz) -> bool:
    """Could `user` start another attempt of `quiz` (attempt limits only, not the wait)?"""
    allowed = attempts_allowed(quiz)
    return allowed is None or Sitting.objects.filter(user=user, quiz=quiz).count() < allowed


def start_refusal(*, user, quiz: Quiz, now: datetime.datetime | None = None) -> str | None:
    """Why `user` may not start a new attempt of `quiz` now (None: they may). The quiz page
    shows it; `sitting_start` raises it."""
    now = now or timezone.now()
    if quiz.is_closed(now):
        return _("This quiz is closed: no new attempt can start.")
    taken = list(Sitting.objects.filter(user=user, quiz=quiz, completed_at__isnull=False)
                 .order_by("-completed_at").values_list("completed_at", flat=True))
    allowed = attempts_allowed(quiz)
    if allowed == 1 and taken:
        return _("You have already taken this quiz; it allows a single attempt.")
    if allowed is not None and len(taken) >= allowed:
        return ngettext("You have used the %(count)d attempt this quiz allows.",
                        "You have used the %(count)d attempts this quiz allows.",
                        allowed) % {"count": allowed}
    if taken and quiz.retake_wait_hours:
        ready = taken[0] + datetime.timedelta(hours=quiz.retake_wait_hours)
        if now < ready:
            return _("You can try again from %(when)s: a retake waits %(hours)s hours after "
                     "the previous attempt, time to review the modules.") % {
                "when": date_format(timezone.localtime(ready), "DATETIME_FORMAT"),
                "hours": quiz.retake_wait_hours}
    return None


def answers_hidden_ids(*, sitting: Sitting, question_ids=None,
                       now: datetime.datetime | None = None) -> set[int]:
    """The questions of `sitting` whose right answers and explanations its trainee may not
    see yet (see the rule above). Staff pages (marking, preview) do not ask."""
    now = now or timezone.now()
    quiz = sitting.quiz
    ids = set(sitting.question_ids if question_ids is None else question_ids)
    if not quiz.show_answers:
        return ids
    if (quiz.purpose == Quiz.Purpose.POST_TEST and not quiz.is_closed(now)
            and attempts_left(user=sitting.user, quiz=quiz)):
        return ids
    except_quiz = quiz if quiz.purpose == Quiz.Purpose.POST_TEST else None
    return _in_open_post_tests(user=sitting.user, question_ids=ids, now=now,
                               except_quiz=except_quiz)


def questions_leaking(*, purpose: str, show_answers: bool, questions,
                      quiz_pk: int | None = None) -> list[Question]:
    """Questions that would let a quiz with these settings reveal a post-test's answers:
    a quiz showing answers may hold no post-test question; a post-test may hold no question
    of another quiz that shows answers. Empty when the combination is safe."""
    ids = [q.pk for q in questions if q.pk]
    through = Quiz.questions.through.objects.filter(question_id__in=ids)
    if quiz_pk:
        through = through.exclude(quiz_id=quiz_pk)
    if purpose == Quiz.Purpose.POST_TEST:
        through = through.filter(quiz__show_answers=True).exclude(
            quiz__purpose=Quiz.Purpose.POST_TEST)
    elif show_answers:
        through = through.filter(quiz__purpose=Quiz.Purpose.POST_TEST)
    else:
        return []
    clash = set(through.values_list("question_id", flat=True))
    return [q for q in questions if q.pk in clash]
