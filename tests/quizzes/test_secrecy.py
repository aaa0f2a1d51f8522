"""What trainees must not learn in advance: no quiz gives away a post-test's right answers.

The rule (services.answers_hidden_ids): right answers and explanations show only when the quiz
shows answers; a post-test's own only once the trainee has no attempt left or it has closed;
and never, on any quiz, for a question that sits in a post-test still open to that trainee
(not passed, not closed). The admin refuses the combinations that would leak.
"""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from lms.quizzes import services
from lms.quizzes.models import Quiz, Sitting

from .factories import make_quiz, mc_question, right_ids, tf_question, wrong_ids

pytestmark = pytest.mark.django_db

LEAKS = ("SECRET", "✓", "Right answer:", ">Correct<", ">Incorrect<")


@pytest.fixture
def exam(course):
    """A post-test (retakes allowed) and, reusing its questions, a pre-test and a practice
    quiz that both show answers: the demo's old setup, made without the admin."""
    mc = mc_question(right=("RIGHT-OPTION",), wrong=("Other", "Another"),
                     explanation_en="SECRET-MC")
    tf = tf_question(answer=False, explanation_en="SECRET-TF")
    post = make_quiz(course=course, questions=[mc, tf], purpose=Quiz.Purpose.POST_TEST,
                     pass_mark=100)
    pre = make_quiz(course=course, questions=[mc, tf], purpose=Quiz.Purpose.PRE_TEST,
                    single_attempt=True)
    practice = make_quiz(course=course, questions=[mc, tf], answers_at_end=False)
    return {"mc": mc, "tf": tf, "post": post, "pre": pre, "practice": practice}


def _take(client, quiz, *, right: bool, questions) -> tuple[Sitting, list[str]]:
    """Sit a quiz through its pages like a script would, keeping every page it is shown."""
    pages = []
    started = client.post(reverse("quizzes:start", kwargs={"slug": quiz.slug}))
    sitting = Sitting.objects.get(pk=int(started.url.rstrip("/").split("/")[-1]))
    for pk in list(sitting.question_ids):
        question = questions[pk]
        data = {"question": pk}
        if question.is_true_false:
            data["boolean"] = str(question.true_false_answer is right).lower()
        else:
            data["choice"] = (right_ids if right else wrong_ids)(question)[0]
        answered = client.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}), data)
        assert answered.status_code == 302
        pages.append(client.get(answered.url, follow=True).content.decode())
    pages.append(client.get(reverse("quizzes:result", kwargs={"pk": sitting.pk}))
                 .content.decode())
    return sitting, pages


def _leaks(pages) -> list[str]:
    return [word for html in pages for word in LEAKS if word in html]


def test_a_script_collecting_pre_test_and_practice_results_learns_no_post_test_answer(
        client, trainee, exam):
    client.force_login(trainee)
    questions = {q.pk: q for q in (exam["mc"], exam["tf"])}
    _sitting, pre_pages = _take(client, exam["pre"], right=False, questions=questions)
    _sitting, practice_pages = _take(client, exam["practice"], right=False,
                                     questions=questions)
    assert _leaks(pre_pages + practice_pages) == []
    # The post-test allows retakes: its own result page keeps the answers too.
    _sitting, post_pages = _take(client, exam["post"], right=False, questions=questions)
    assert _leaks(post_pages) == []


def test_answers_show_once_the_post_test_is_passed(client, trainee, exam):
    client.force_login(trainee)
    questions = {q.pk: q for q in (exam["mc"], exam["tf"])}
    pre, _pages = _take(client, exam["pre"], right=False, questions=questions)
    post, _pages = _take(client, exam["post"], right=True, questions=questions)
    assert post.__class__.objects.get(pk=post.pk).passed
    html = client.get(reverse("quizzes:result", kwargs={"pk": pre.pk})).content.decode()
    assert "SECRET-MC" in html and "SECRET-TF" in html and "✓" in html


def test_answers_show_once_the_post_test_has_closed(trainee, exam):
    pre = services.sitting_start(user=trainee, quiz=exam["pre"])
    assert services.answers_hidden_ids(sitting=pre) == set(pre.question_ids)
    exam["post"].closes_at = timezone.now() - datetime.timedelta(minutes=1)
    exam["post"].save()
    assert services.answers_hidden_ids(sitting=pre) == set()
    with pytest.raises(services.QuizError):
        services.sitting_start(user=trainee, quiz=exam["post"])


def test_a_quiz_that_shows_no_answers_shows_none(trainee, course):
    question = tf_question()
    quiz = make_quiz(course=course, questions=[question], show_answers=False)
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    assert services.answers_hidden_ids(sitting=sitting) == {question.pk}


def test_questions_outside_any_post_test_keep_their_answers(trainee, course, exam):
    own = tf_question()
    quiz = make_quiz(course=course, questions=[own, exam["tf"]])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    assert services.answers_hidden_ids(sitting=sitting) == {exam["tf"].pk}


def test_single_attempt_post_test_shows_its_answers_after_the_attempt(trainee, course):
    question = tf_question()
    post = make_quiz(course=course, questions=[question], purpose=Quiz.Purpose.POST_TEST,
                     single_attempt=True)
    sitting = services.sitting_start(user=trainee, quiz=post)
    services.sitting_answer(sitting=sitting, question_id=question.pk, boolean=True)
    assert services.answers_hidden_ids(sitting=sitting) == set()


# The admin's validation ----------------------------------------------------------------


@pytest.fixture
def facilitator_client(client, roles_ready):
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=["Facilitators"]))
    return client


def _quiz_post(course, questions, **extra) -> dict:
    data = {"title_en": "Quiz", "title_fr": "", "slug": "a-quiz", "description_en": "",
            "description_fr": "", "course": course.pk, "module": "", "purpose": "practice",
            "questions": [q.pk for q in questions], "max_questions": "", "pass_mark": 50,
            "time_limit_minutes": "", "success_text_en": "", "success_text_fr": "",
            "fail_text_en": "", "fail_text_fr": "", "show_answers": "on", "closes_at": ""}
    data.update(extra)
    return data


def test_admin_refuses_a_post_test_question_in_a_quiz_that_shows_answers(
        facilitator_client, course):
    question = tf_question()
    make_quiz(course=course, questions=[question], purpose=Quiz.Purpose.POST_TEST)
    url = reverse("wagtailsnippets_quizzes_quiz:add")
    response = facilitator_client.post(url, _quiz_post(course, [question]))
    assert response.status_code == 200
    assert "sit in a post-test" in response.content.decode()
    assert not Quiz.objects.filter(slug="a-quiz").exists()
    # The same quiz without right answers (a baseline pre-test) is fine.
    data = _quiz_post(course, [question], purpose="pre_test")
    del data["show_answers"]
    assert facilitator_client.post(url, data).status_code == 302


def test_admin_refuses_a_practice_question_in_a_post_test(facilitator_client, course):
    question = tf_question()
    make_quiz(course=course, questions=[question], answers_at_end=False)
    response = facilitator_client.post(reverse("wagtailsnippets_quizzes_quiz:add"),
                                       _quiz_post(course, [question], purpose="post_test"))
    assert response.status_code == 200
    assert "shows its right answers" in response.content.decode()
