"""Building quizzes in the Wagtail admin: permissions, question form rules, preview."""

import pytest

from django.test import RequestFactory
from django.urls import reverse

from lms.quizzes.models import Question, Quiz
from tests.factories import UserFactory

from .factories import CategoryFactory, make_quiz, mc_question, tf_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(client, roles_ready):
    user = UserFactory(roles=["Facilitators"])
    client.force_login(user)
    return user


def question_post(category, *, kind="mc", answers=(("Consent", True), ("Speed", False)),
                  **extra) -> dict:
    data = {"category": category.pk, "kind": kind, "title": "", "text_en": "Which one?",
            "text_fr": "Laquelle ?", "explanation_en": "", "explanation_fr": "",
            "true_false_answer": "", "text_format": "plain", "points": 1,
            "answers-TOTAL_FORMS": len(answers),
            "answers-INITIAL_FORMS": 0, "answers-MIN_NUM_FORMS": 0,
            "answers-MAX_NUM_FORMS": 1000}
    for i, (text, correct) in enumerate(answers):
        data.update({f"answers-{i}-text_en": text, f"answers-{i}-text_fr": "",
                     f"answers-{i}-ORDER": i, f"answers-{i}-id": "",
                     f"answers-{i}-tolerance": "0"})
        if correct:
            data[f"answers-{i}-is_correct"] = "on"
    data.update(extra)
    return data


def test_facilitator_opens_the_quiz_screens(client, facilitator, course):
    quiz = make_quiz(course=course, questions=[tf_question()])
    for name, args in (("wagtailsnippets_quizzes_quiz:list", []),
                       ("wagtailsnippets_quizzes_quiz:add", []),
                       ("wagtailsnippets_quizzes_quiz:edit", [quiz.pk]),
                       ("wagtailsnippets_quizzes_question:list", []),
                       ("wagtailsnippets_quizzes_question:add", []),
                       ("wagtailsnippets_quizzes_category:list", [])):
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_trainee_has_no_admin(client, roles_ready):
    client.force_login(UserFactory(roles=["Trainees"]))
    response = client.get(reverse("wagtailsnippets_quizzes_quiz:list"))
    assert response.status_code == 302


def test_create_multiple_choice_question_with_options(client, facilitator):
    category = CategoryFactory()
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"),
                           question_post(category))
    assert response.status_code == 302
    question = Question.objects.get()
    assert list(question.answers.values_list("text_en", "is_correct")) == [
        ("Consent", True), ("Speed", False)]


def test_question_form_requires_a_right_option(client, facilitator):
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"),
                           question_post(CategoryFactory(), answers=(("A", False), ("B", False))))
    assert response.status_code == 200
    assert "Mark at least one option as correct" in response.content.decode()
    assert not Question.objects.exists()


def test_true_false_question_needs_its_answer(client, facilitator):
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"),
                           question_post(CategoryFactory(), kind="tf", answers=()))
    assert response.status_code == 200 and not Question.objects.exists()
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"),
                           question_post(CategoryFactory(), kind="tf", answers=(),
                                         true_false_answer="true"))
    assert response.status_code == 302
    assert Question.objects.get().true_false_answer is True


def test_create_quiz_attached_to_course_and_module(client, facilitator, site_tree):
    question = tf_question()
    data = {"title_en": "NRM pre-test", "title_fr": "Pré-test MNR", "slug": "nrm-pre",
            "description_en": "", "description_fr": "", "course": site_tree["course"].pk,
            "module": site_tree["modules"][0].pk, "purpose": "pre_test",
            "questions": [question.pk], "max_questions": "", "pass_mark": 60,
            "time_limit_minutes": "", "success_text_en": "", "success_text_fr": "",
            "fail_text_en": "", "fail_text_fr": "", "answers_at_end": "on",
            "exam_paper": "on"}
    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    quiz = Quiz.objects.get(slug="nrm-pre")
    assert quiz.module == site_tree["modules"][0] and not quiz.live
    assert list(quiz.questions.all()) == [question]


def test_preview_shows_questions_with_answers_to_the_editor(client, facilitator, course):
    question = mc_question(right=("Informed consent",), wrong=("Speed",))
    quiz = make_quiz(course=course, questions=[question], title_en="Previewed quiz")
    request = RequestFactory().get("/")
    request.user = facilitator
    response = quiz.serve_preview(request, quiz.default_preview_mode)
    html = response.render().content.decode()
    assert "Previewed quiz" in html and "Informed consent" in html and "right answer" in html


def test_admin_preview_of_unsaved_changes(client, facilitator, course):
    quiz = make_quiz(course=course, questions=[tf_question()])
    url = reverse("wagtailsnippets_quizzes_quiz:preview_on_edit", args=[quiz.pk])
    data = {"title_en": "Changed title", "title_fr": "", "slug": quiz.slug,
            "description_en": "", "description_fr": "", "course": course.pk, "module": "",
            "purpose": "practice", "questions": list(quiz.questions.values_list("pk", flat=True)),
            "max_questions": "", "pass_mark": 50, "time_limit_minutes": "",
            "success_text_en": "", "success_text_fr": "", "fail_text_en": "",
            "fail_text_fr": ""}
    assert client.post(url, data).json()["is_valid"] is True
    html = client.get(url).content.decode()
    assert "Changed title" in html
    quiz.refresh_from_db()
    assert quiz.title_en != "Changed title"


def _quiz_post(course, questions, **extra) -> dict:
    data = {"title_en": "Quiz", "title_fr": "", "slug": "a-quiz", "description_en": "",
            "description_fr": "", "course": course.pk, "module": "", "purpose": "practice",
            "questions": [q.pk for q in questions], "max_questions": "", "pass_mark": 50,
            "time_limit_minutes": "", "success_text_en": "", "success_text_fr": "",
            "fail_text_en": "", "fail_text_fr": ""}
    data.update(extra)
    return data


def test_essay_quiz_must_keep_exam_papers(client, facilitator, course):
    from .factories import essay_question

    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"),
                           _quiz_post(course, [essay_question()]))
    assert response.status_code == 200
    assert "must keep exam papers" in response.content.decode()
    assert not Quiz.objects.exists()


def test_module_must_belong_to_the_course(client, facilitator, site_tree):
    from curriculum.models import CoursePage, ModulePage

    other = site_tree["catalogue"].add_child(instance=CoursePage(
        title="Other", slug="other", code="other", summary="x"))
    stray = other.add_child(instance=ModulePage(title="Stray", slug="stray"))
    response = client.post(reverse("wagtailsnippets_quizzes_quiz:add"),
                           _quiz_post(site_tree["course"], [tf_question()], module=stray.pk))
    assert response.status_code == 200 and not Quiz.objects.exists()
