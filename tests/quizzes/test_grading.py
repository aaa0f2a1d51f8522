"""Grading on the server: each question type, pass mark, essays pending and marked."""

import random
from decimal import Decimal

import pytest

from lms.quizzes import services
from lms.quizzes.models import Quiz, Sitting

from .factories import essay_question, make_quiz, mc_question, right_ids, tf_question, wrong_ids

pytestmark = pytest.mark.django_db


def answer_right(sitting, question):
    if question.is_true_false:
        return services.sitting_answer(sitting=sitting, question_id=question.pk,
                                       boolean=question.true_false_answer)
    if question.is_essay:
        return services.sitting_answer(sitting=sitting, question_id=question.pk,
                                       essay_text="Refer with consent.")
    return services.sitting_answer(sitting=sitting, question_id=question.pk,
                                   choice_ids=right_ids(question))


def test_single_choice_right_and_wrong(course, trainee):
    question = mc_question()
    quiz = make_quiz(course=course, questions=[question, mc_question()])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    first, second = sitting.question_ids
    assert services.sitting_answer(sitting=sitting, question_id=first,
                                   choice_ids=right_ids(question if first == question.pk
                                                        else quiz.questions.get(pk=first))
                                   ).is_correct is True
    other = quiz.questions.get(pk=second)
    assert services.sitting_answer(sitting=sitting, question_id=second,
                                   choice_ids=wrong_ids(other)[:1]).is_correct is False
    sitting.refresh_from_db()
    assert sitting.is_complete
    assert sitting.score_percent == Decimal("50.00")
    assert sitting.passed is True  # pass mark 50 %


def test_single_choice_refuses_several_options(course, trainee):
    question = mc_question()
    sitting = services.sitting_start(user=trainee, quiz=make_quiz(course=course,
                                                                 questions=[question]))
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=question.pk,
                                choice_ids=[a.pk for a in question.answers.all()][:2])
    assert not sitting.answers.exists()


@pytest.mark.parametrize("chosen, expected", [
    ("all_right", True), ("one_right", False), ("right_plus_wrong", False)])
def test_multiple_answers_need_exactly_the_right_set(course, trainee, chosen, expected):
    question = mc_question(right=("A", "B"), wrong=("C",))
    sitting = services.sitting_start(user=trainee, quiz=make_quiz(course=course,
                                                                 questions=[question]))
    ids = {"all_right": right_ids(question), "one_right": right_ids(question)[:1],
           "right_plus_wrong": right_ids(question) + wrong_ids(question)}[chosen]
    answer = services.sitting_answer(sitting=sitting, question_id=question.pk, choice_ids=ids)
    assert answer.is_correct is expected


def test_option_of_another_question_is_refused(course, trainee):
    question, other = mc_question(), mc_question()
    sitting = services.sitting_start(user=trainee, quiz=make_quiz(course=course,
                                                                 questions=[question]))
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=question.pk,
                                choice_ids=right_ids(other))


@pytest.mark.parametrize("given, expected", [(True, True), (False, False)])
def test_true_false(course, trainee, given, expected):
    question = tf_question(answer=True)
    sitting = services.sitting_start(user=trainee, quiz=make_quiz(course=course,
                                                                 questions=[question]))
    assert services.sitting_answer(sitting=sitting, question_id=question.pk,
                                   boolean=given).is_correct is expected


def test_pass_mark_boundary(course, trainee):
    questions = [tf_question(answer=True) for _ in range(4)]
    quiz = make_quiz(course=course, questions=questions, pass_mark=75)
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    for i, pk in enumerate(sitting.question_ids):
        services.sitting_answer(sitting=sitting, question_id=pk, boolean=i != 0)
    sitting.refresh_from_db()
    assert sitting.score_percent == Decimal("75.00")
    assert sitting.passed is True
    assert sitting.pass_mark == 75  # kept from the start (tests/quizzes/test_review.py)
    sitting.pass_mark = 76
    assert services.sitting_grade(sitting=sitting).passed is False


def test_essay_waits_for_marker_then_counts(course, trainee, completion,
                                            django_capture_on_commit_callbacks):
    tf, essay = tf_question(answer=True), essay_question()
    quiz = make_quiz(course=course, questions=[tf, essay], purpose=Quiz.Purpose.POST_TEST,
                     pass_mark=100)
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        answer_right(sitting, tf)
        essay_answer = answer_right(sitting, essay)
    sitting.refresh_from_db()
    assert essay_answer.is_correct is None
    assert sitting.needs_marking is True
    assert sitting.passed is False
    assert sitting.score_percent == Decimal("50.00")
    completion.assert_called_once_with(user=trainee, course=course)

    with django_capture_on_commit_callbacks(execute=True):
        marked = services.essay_mark(answer=essay_answer, correct=True, by=trainee)
    assert (marked.needs_marking, marked.passed, marked.score_percent) == (
        False, True, Decimal("100.00"))
    assert completion.call_count == 2


def test_essay_cannot_be_empty(course, trainee):
    essay = essay_question()
    sitting = services.sitting_start(user=trainee, quiz=make_quiz(course=course,
                                                                 questions=[essay]))
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=essay.pk, essay_text="   ")


def test_only_essays_are_marked_by_hand(course, trainee):
    question = tf_question()
    sitting = services.sitting_start(user=trainee, quiz=make_quiz(course=course,
                                                                 questions=[question]))
    answer = answer_right(sitting, question)
    with pytest.raises(services.QuizError):
        services.essay_mark(answer=answer, correct=False, by=trainee)


def test_practice_quiz_does_not_trigger_completion(course, trainee, completion,
                                                   django_capture_on_commit_callbacks):
    question = tf_question()
    quiz = make_quiz(course=course, questions=[question], purpose=Quiz.Purpose.PRACTICE)
    with django_capture_on_commit_callbacks(execute=True):
        answer_right(services.sitting_start(user=trainee, quiz=quiz), question)
    completion.assert_not_called()


def test_max_questions_draws_a_random_subset(course, trainee):
    questions = [tf_question() for _ in range(10)]
    quiz = make_quiz(course=course, questions=questions, max_questions=4)
    drawn = services.sitting_start(user=trainee, quiz=quiz, rng=random.Random(1)).question_ids
    assert len(drawn) == 4
    assert set(drawn) <= {q.pk for q in questions}
    bank_order = list(quiz.questions.order_by("category__name_en", "pk")
                      .values_list("pk", flat=True))
    assert drawn == [pk for pk in bank_order if pk in drawn]  # bank order when not shuffled
    draws = {tuple(services._draw(quiz=quiz, rng=random.Random(seed))[0])
             for seed in range(10)}
    assert len(draws) > 1


def test_random_order_shuffles_but_keeps_every_question(course, trainee):
    questions = [tf_question() for _ in range(8)]
    quiz = make_quiz(course=course, questions=questions, random_order=True)
    orders = {tuple(services._draw(quiz=quiz, rng=random.Random(seed))[0])
              for seed in range(10)}
    assert len(orders) > 1
    assert all(sorted(order) == sorted(q.pk for q in questions) for order in orders)


def test_unanswered_questions_score_nothing(course, trainee):
    questions = [tf_question(answer=True) for _ in range(4)]
    sitting = services.sitting_start(user=trainee, quiz=make_quiz(course=course,
                                                                 questions=questions))
    services.sitting_answer(sitting=sitting, question_id=sitting.question_ids[0], boolean=True)
    finished = services.sitting_finish(sitting=sitting)
    assert finished.score_percent == Decimal("25.00")
    assert Sitting.objects.get(pk=sitting.pk).is_complete


@pytest.mark.parametrize(("score", "needs_marking", "expected"), [
    (Decimal("75.00"), False, True), (Decimal("74.99"), False, False),
    (Decimal("100.00"), True, False),
])
def test_the_pass_rule_is_one_function(score, needs_marking, expected):
    """Grading, the demo's attempts and the synthetic data all call this rule."""
    quiz = Quiz(pass_mark=75)
    assert services.score_passes(quiz=quiz, score_percent=score,
                                 needs_marking=needs_marking) is expected
