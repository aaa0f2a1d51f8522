"""The quiz start and result pages read the bank from the cache (lms/quizzes/bank_cache.py):
the same draw, answer key and review as the database gives, and a change shows on the next
start or result."""

import random

import pytest

from django.urls import reverse

from lms.quizzes import bank_cache, grading, selectors, services
from lms.quizzes.models import Answer, Category, Question, Sitting

from .factories import make_quiz, mc_question, tf_question

pytestmark = pytest.mark.django_db


def _orm_draw(quiz) -> tuple[list[int], dict[str, dict]]:
    """What sitting_start read before the cache: the live questions in category-name order
    and their key entries, from the ORM."""
    ids = list(quiz.questions.filter(live=True).order_by("category__name_en", "pk")
               .values_list("pk", flat=True))
    questions = Question.objects.filter(pk__in=ids).prefetch_related("answers")
    return ids, {str(q.pk): grading.key_entry(q) for q in questions}


def _start(client, quiz) -> Sitting:
    response = client.post(reverse("quizzes:start", kwargs={"slug": quiz.slug}))
    return Sitting.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


@pytest.fixture
def mixed_quiz(course):
    b, a = Category.objects.create(name_en="B"), Category.objects.create(name_en="A")
    questions = [mc_question(category=b), tf_question(category=a), mc_question(category=a),
                 mc_question(category=b, right=("R1", "R2"), wrong=("W",))]
    unpublished = mc_question(category=a, live=False)
    return make_quiz(course=course, questions=[*questions, unpublished])


def test_the_cached_draw_is_the_orm_draw(mixed_quiz):
    ids, key = bank_cache.quiz_draw(mixed_quiz)
    assert (ids, key) == _orm_draw(mixed_quiz)
    assert bank_cache.quiz_draw(mixed_quiz) == (ids, key)  # from the cache this time


def test_the_start_keeps_the_orm_answer_key_in_the_same_order(client, trainee, mixed_quiz):
    client.force_login(trainee)
    sitting = _start(client, mixed_quiz)
    ids, key = _orm_draw(mixed_quiz)
    assert sitting.question_ids == ids
    assert sitting.key == key
    # the key as written (PostgreSQL's jsonb orders keys its own way when read back)
    assert list(services._draw(quiz=mixed_quiz, rng=random.Random())[1]) == [
        str(pk) for pk in ids]


@pytest.mark.parametrize("settings_", [{"max_questions": 2}, {"random_order": True},
                                       {"max_questions": 3, "random_order": True}])
def test_random_draws_match_the_rule_with_the_same_random_numbers(course, trainee, settings_):
    questions = [tf_question() for _ in range(6)]
    quiz = make_quiz(course=course, questions=questions, **settings_)
    for seed in range(5):
        sitting = services.sitting_start(user=trainee, quiz=quiz, rng=random.Random(seed))
        ids, key = _orm_draw(quiz)
        rng = random.Random(seed)  # the rule as it was written against the ORM's ids
        expected = ids
        if quiz.max_questions and quiz.max_questions < len(ids):
            chosen = set(rng.sample(ids, quiz.max_questions))
            expected = [pk for pk in ids if pk in chosen]
        key_order = list(expected)
        if quiz.random_order:
            expected = list(expected)
            rng.shuffle(expected)
        assert sitting.question_ids == expected
        assert sitting.key == {str(pk): key[str(pk)] for pk in key_order}
        services.sitting_finish(sitting=sitting)


def test_a_question_changed_shows_on_the_next_start(client, trainee, mixed_quiz):
    client.force_login(trainee)
    first = _start(client, mixed_quiz)
    services.sitting_finish(sitting=first)
    question = Question.objects.filter(pk__in=first.question_ids,
                                       kind=Question.Kind.MULTIPLE_CHOICE).first()
    wrong = question.answers.filter(is_correct=False).first()
    Answer.objects.filter(question=question).update(is_correct=False)  # no signal: then
    wrong.is_correct = True
    wrong.save()  # a saved option replaces the bank's generation
    second = _start(client, mixed_quiz)
    assert second.key[str(question.pk)]["right"] == [wrong.pk]
    assert first.key[str(question.pk)]["right"] != [wrong.pk]  # the first attempt kept its own


def test_an_unpublished_question_or_a_renamed_category_shows_on_the_next_start(
        client, trainee, mixed_quiz):
    client.force_login(trainee)
    first = _start(client, mixed_quiz)
    services.sitting_finish(sitting=first)
    dropped = Question.objects.get(pk=first.question_ids[0])
    dropped.live = False
    dropped.save()
    Category.objects.filter(name_en="A").update(name_en="Z")
    category = Category.objects.get(name_en="Z")
    category.save()  # a category's name orders the draw
    second = _start(client, mixed_quiz)
    assert dropped.pk not in second.question_ids
    assert second.question_ids == _orm_draw(mixed_quiz)[0]
    assert second.question_ids != [pk for pk in first.question_ids if pk != dropped.pk]


def test_a_quiz_published_with_another_question_shows_on_the_next_start(
        client, trainee, mixed_quiz):
    client.force_login(trainee)
    services.sitting_finish(sitting=_start(client, mixed_quiz))
    added = tf_question()
    mixed_quiz.questions.add(added)
    mixed_quiz.save_revision().publish()
    assert added.pk in _start(client, mixed_quiz).question_ids


def test_questions_written_after_the_quiz_row_show_on_the_next_start(
        client, trainee, mixed_quiz):
    """A quiz's questions are written after its own row (and its post_save): the relation's
    own change forgets the draw too, so no start can keep the list from before it."""
    added = tf_question()  # a question saved forgets the draw: before the first start
    client.force_login(trainee)
    services.sitting_finish(sitting=_start(client, mixed_quiz))
    mixed_quiz.questions.add(added)
    mixed_quiz.questions.commit()  # the relation alone, as modelcluster writes it on save
    assert added.pk in _start(client, mixed_quiz).question_ids


def test_a_draft_quiz_cannot_be_started_by_a_trainee(client, trainee, course):
    quiz = make_quiz(course=course, questions=[tf_question()], live=False)
    client.force_login(trainee)
    assert client.post(reverse("quizzes:start", kwargs={"slug": quiz.slug})).status_code == 404
    assert client.post(reverse("quizzes:start", kwargs={"slug": "no-such-quiz"})
                       ).status_code == 404
    assert not Sitting.objects.exists()


def test_the_cached_review_is_the_orm_review(client, trainee, mixed_quiz):
    client.force_login(trainee)
    sitting = services.sitting_finish(sitting=_start(client, mixed_quiz))
    review = selectors.sitting_review(sitting=sitting)
    questions = {q.pk: q for q in Question.objects.filter(pk__in=sitting.question_ids)
                 .select_related("category").prefetch_related("answers")}
    assert [item["question"].pk for item in review] == sitting.question_ids
    for item in review:
        orm = questions[item["question"].pk]
        assert item["question"].__dict__.keys() >= {"text_en", "category_id"}
        assert [(f.attname, getattr(item["question"], f.attname))
                for f in Question._meta.concrete_fields] == [
            (f.attname, getattr(orm, f.attname)) for f in Question._meta.concrete_fields]
        assert item["question"].category.name_en == orm.category.name_en
        assert ([(a.pk, a.text_en, a.is_correct) for a in item["question"].answers.all()]
                == [(a.pk, a.text_en, a.is_correct) for a in orm.answers.all()])


def test_a_question_changed_shows_on_the_next_result_page(client, trainee, mixed_quiz):
    client.force_login(trainee)
    sitting = services.sitting_finish(sitting=_start(client, mixed_quiz))
    url = reverse("quizzes:result", kwargs={"pk": sitting.pk})
    assert client.get(url).status_code == 200
    question = Question.objects.get(pk=sitting.question_ids[0])
    question.text_en = "Who receives a referral first, as rewritten?"
    question.save_revision().publish()
    assert "as rewritten?" in client.get(url).content.decode()
