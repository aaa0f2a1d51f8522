"""Quizzes change under review, like pages: a facilitator's edit is a draft submitted to the
Curriculum review workflow; trainees see the live version; an attempt keeps the settings it
started with."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from curriculum.workflow import WORKFLOW_NAME
from lms.quizzes import services
from lms.quizzes.models import Question, Quiz
from lms.quizzes.review import ensure_quiz_review
from tests.factories import UserFactory

from .factories import make_quiz, mc_question, right_ids, tf_question, wrong_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(roles_ready):
    return ensure_quiz_review()


def _edit_post(quiz, **extra) -> dict:
    data = {"title_en": quiz.title_en, "title_fr": quiz.title_fr, "slug": quiz.slug,
            "description_en": "", "description_fr": "", "course": quiz.course_id,
            "module": "", "purpose": quiz.purpose,
            "questions": list(quiz.questions.values_list("pk", flat=True)),
            "max_questions": "", "pass_mark": quiz.pass_mark, "time_limit_minutes": "",
            "closes_at": "", "show_answers": "on", "answers_at_end": "on", "exam_paper": "on",
            "success_text_en": "", "success_text_fr": "", "fail_text_en": "",
            "fail_text_fr": ""}
    data.update(extra)
    return data


def test_migrate_assigns_the_curriculum_review_to_quizzes_and_questions(db):
    # The test database was built by `migrate`: no setup call here.
    for model in (Quiz, Question):
        workflow = model.get_default_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME
    content_type = ContentType.objects.get_for_model(Quiz)
    assert content_type.permission_set.filter(codename="publish_quiz").exists()


def test_a_facilitators_pass_mark_change_waits_for_approval(client, review, course, trainee):
    quiz = make_quiz(course=course, questions=[tf_question()], purpose=Quiz.Purpose.POST_TEST,
                     pass_mark=70)
    facilitator = UserFactory(roles=["Facilitators"])
    client.force_login(facilitator)
    url = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    # Publishing directly is not theirs to do.
    client.post(url, _edit_post(quiz, pass_mark=0, **{"action-publish": "action-publish"}))
    quiz.refresh_from_db()
    assert quiz.pass_mark == 70
    response = client.post(url, _edit_post(quiz, pass_mark=0,
                                           **{"action-submit": "action-submit"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz.refresh_from_db()
    assert quiz.pass_mark == 70 and quiz.live and quiz.has_unpublished_changes
    assert quiz.get_latest_revision_as_object().pass_mark == 0
    state = quiz.current_workflow_state
    assert state is not None and state.status == "in_progress"
    # Trainees meanwhile sit the live version.
    client.force_login(trainee)
    sitting = services.sitting_start(user=trainee, quiz=Quiz.objects.get(pk=quiz.pk))
    assert sitting.pass_mark == 70
    # A curriculum editor approves: now it is live.
    editor = UserFactory(roles=["Curriculum editors"])
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    quiz.refresh_from_db()
    assert quiz.pass_mark == 0 and not quiz.has_unpublished_changes


def test_an_attempt_is_graded_with_the_settings_it_started_with(trainee, course):
    question = mc_question(right=("A",), wrong=("B",))
    quiz = make_quiz(course=course, questions=[question], purpose=Quiz.Purpose.POST_TEST,
                     pass_mark=50)
    first_right = right_ids(question)[0]
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    # Published meanwhile: a higher pass mark and another right answer.
    quiz.pass_mark = 100
    quiz.save()
    for option in question.answers.all():
        option.is_correct = not option.is_correct
        option.save()
    assert wrong_ids(question) == [first_right]
    services.sitting_answer(sitting=sitting, question_id=question.pk, choice_ids=[first_right])
    sitting.refresh_from_db()
    assert sitting.is_complete and sitting.score_percent == 100 and sitting.passed
    assert sitting.pass_mark == 50
    # A new attempt takes the new settings.
    again = services.sitting_start(user=trainee, quiz=quiz)
    assert again.pass_mark == 100


def test_unpublished_questions_are_not_drawn(trainee, course):
    live, draft = tf_question(), tf_question(live=False)
    quiz = make_quiz(course=course, questions=[live, draft])
    assert services.sitting_start(user=trainee, quiz=quiz).question_ids == [live.pk]


def test_trainees_never_see_an_unpublished_quiz(client, trainee, course):
    quiz = make_quiz(course=course, questions=[tf_question()], live=False)
    client.force_login(trainee)
    assert client.get(reverse("quizzes:detail", kwargs={"slug": quiz.slug})).status_code == 404


def test_questions_a_facilitator_imports_wait_for_review(client, review, course, trainee):
    """A GIFT import is no way around the review: a facilitator's questions are drafts that
    no attempt draws, even added to a live quiz, until a curriculum editor publishes them."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    live = tf_question()
    quiz = make_quiz(course=course, questions=[live])
    url = reverse("quizzes_gift_import")
    client.force_login(UserFactory(roles=["Facilitators"]))
    upload = SimpleUploadedFile("bank.gift", b"Imported? {T}\n")
    assert client.post(url, {"file": upload, "language": "en", "quiz": quiz.pk}).status_code == 302
    imported = Question.objects.get(text_en="Imported?")
    assert not imported.live and quiz.questions.filter(pk=imported.pk).exists()
    assert services.sitting_start(user=trainee, quiz=quiz).question_ids == [live.pk]
    client.force_login(UserFactory(roles=["Curriculum editors"]))
    upload = SimpleUploadedFile("bank.gift", b"Published? {T}\n")
    assert client.post(url, {"file": upload, "language": "en"}).status_code == 302
    assert Question.objects.get(text_en="Published?").live
