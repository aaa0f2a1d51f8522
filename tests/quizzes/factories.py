"""Factories for the quiz tests: a bank with each question type and quizzes over it."""

import itertools

import factory

from lms.quizzes.models import Answer, Category, Question, Quiz

_n = itertools.count(1)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_fr = factory.Sequence(lambda n: f"Catégorie {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    category = factory.SubFactory(CategoryFactory)
    kind = Question.Kind.MULTIPLE_CHOICE
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    text_fr = factory.Sequence(lambda n: f"Question FR {n} ?")
    explanation_en = "Because the referral guide says so."
    explanation_fr = "Parce que le guide de référencement le dit."


def mc_question(*, right=("Right",), wrong=("Wrong A", "Wrong B"), **kwargs) -> Question:
    question = QuestionFactory(kind=Question.Kind.MULTIPLE_CHOICE, **kwargs)
    options = [*((t, True) for t in right), *((t, False) for t in wrong)]
    for order, (text, correct) in enumerate(options):
        Answer.objects.create(question=question, text_en=text, text_fr=f"{text} (fr)",
                              is_correct=correct, sort_order=order)
    return question


def tf_question(*, answer: bool = True, **kwargs) -> Question:
    return QuestionFactory(kind=Question.Kind.TRUE_FALSE, true_false_answer=answer, **kwargs)


def essay_question(**kwargs) -> Question:
    return QuestionFactory(kind=Question.Kind.ESSAY, **kwargs)


def right_ids(question: Question) -> list[int]:
    return [a.pk for a in question.answers.all() if a.is_correct]


def wrong_ids(question: Question) -> list[int]:
    return [a.pk for a in question.answers.all() if not a.is_correct]


def make_quiz(*, course, questions=(), **kwargs) -> Quiz:
    n = next(_n)
    defaults = {"title_en": f"Quiz {n}", "title_fr": f"Quiz FR {n}", "slug": f"quiz-{n}",
                "pass_mark": 50, "purpose": Quiz.Purpose.PRACTICE}
    defaults.update(kwargs)
    quiz = Quiz.objects.create(course=course, **defaults)
    quiz.questions.set(questions)
    quiz.save()
    return quiz
