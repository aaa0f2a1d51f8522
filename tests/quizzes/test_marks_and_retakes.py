"""Marking and results as teachers expect (issue 11): partial marks with a comment the trainee
reads, the marking list opening on papers to mark, a pre-test without "failed", and spaced,
limited post-test retakes that keep the right answers until the last allowed attempt."""

import datetime
import re
from decimal import Decimal

import pytest

from django.urls import reverse
from django.utils import timezone, translation

from lms.quizzes import services
from lms.quizzes.models import Quiz
from tests.factories import UserFactory, enroll, make_cohort

from .factories import essay_question, make_quiz, tf_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper(course, trainee, roles_ready, completion):
    """A post-test with a 1-point true/false question and a 4-point essay, sat by `trainee`
    in a cohort that `facilitator` runs."""
    tf, essay = tf_question(answer=True), essay_question(points=4)
    quiz = make_quiz(course=course, questions=[tf, essay], purpose=Quiz.Purpose.POST_TEST,
                     pass_mark=60)
    facilitator = UserFactory(roles=["Facilitators"])
    cohort = make_cohort(course=course)
    cohort.facilitators.add(facilitator)
    enroll(cohort, trainee)
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=sitting, question_id=tf.pk, boolean=True)
    services.sitting_answer(sitting=sitting, question_id=essay.pk, essay_text="My plan.")
    return {"quiz": quiz, "sitting": sitting, "essay": essay, "facilitator": facilitator}


def test_partial_mark_with_a_comment_the_trainee_reads(client, trainee, paper):
    sitting = paper["sitting"]
    answer = sitting.answers.get(question=paper["essay"])
    client.force_login(paper["facilitator"])
    page = client.get(reverse("quizzes:marking_detail", kwargs={"pk": sitting.pk}))
    html = page.content.decode()
    assert 'name="score" value="4"' in html and 'name="score" value="5"' not in html
    response = client.post(reverse("quizzes:marking_detail", kwargs={"pk": sitting.pk}),
                           {"answer": answer.pk, "score": "2",
                            "comment": "Good start; name the referral partners."})
    assert response.status_code == 302
    sitting.refresh_from_db()
    # (1 + 2) / (1 + 4) = 60 %: the pass mark, reached with a partial mark.
    assert sitting.score_percent == Decimal("60.00") and sitting.passed
    answer.refresh_from_db()
    assert answer.score == 2 and answer.credit == Decimal("0.5") and answer.is_correct is False
    client.force_login(trainee)
    with translation.override("fr"):
        html = client.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()
    assert "Good start; name the referral partners." in html
    assert "2 / 4" in html


def test_a_mark_above_the_points_is_refused(paper):
    answer = paper["sitting"].answers.get(question=paper["essay"])
    with pytest.raises(services.QuizError):
        services.essay_mark(answer=answer, by=paper["facilitator"], score=5)


def test_marking_list_opens_on_papers_waiting_for_marking(client, course, trainee, paper):
    marked = make_quiz(course=course, questions=[tf_question()], title_en="Marked quiz",
                       purpose=Quiz.Purpose.POST_TEST)
    done = services.sitting_start(user=trainee, quiz=marked)
    services.sitting_finish(sitting=done)
    client.force_login(paper["facilitator"])
    url = reverse("quizzes:marking_list")
    waiting = reverse("quizzes:marking_detail", kwargs={"pk": paper["sitting"].pk})
    finished = reverse("quizzes:marking_detail", kwargs={"pk": done.pk})
    html = client.get(url).content.decode()
    assert waiting in html and finished not in html
    assert re.search(r'name="pending"[^>]*checked', html)
    # The filter form without "only essays to mark" shows every paper.
    html = client.get(url, {"quiz": "", "trainee": ""}).content.decode()
    assert waiting in html and finished in html


def test_a_pre_test_shows_the_score_without_failed(client, course, trainee):
    question = tf_question(answer=True)
    pre = make_quiz(course=course, questions=[question], purpose=Quiz.Purpose.PRE_TEST,
                    pass_mark=80, fail_text_en="FAIL-TEXT")
    sitting = services.sitting_start(user=trainee, quiz=pre)
    services.sitting_answer(sitting=sitting, question_id=question.pk, boolean=False)
    client.force_login(trainee)
    html = client.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()
    assert "Your score: 0%." in html
    for word in ("Not passed", "FAIL-TEXT", "pass mark", "did not reach"):
        assert word not in html
    course_html = client.get(reverse("quizzes:detail", kwargs={"slug": pre.slug})).content
    assert b"Not passed" not in course_html and b"Done" in course_html


def _sit(user, quiz, question, *, right: bool, now):
    sitting = services.sitting_start(user=user, quiz=quiz, now=now)
    services.sitting_answer(sitting=sitting, question_id=question.pk, boolean=right, now=now)
    return sitting


def test_retakes_are_spaced_and_limited_with_a_french_message(client, course, trainee):
    question = tf_question(answer=True, explanation_en="SECRET-WHY")
    post = make_quiz(course=course, questions=[question], purpose=Quiz.Purpose.POST_TEST,
                     max_attempts=2, retake_wait_hours=24)
    start = timezone.now() - datetime.timedelta(days=3)
    first = _sit(trainee, post, question, right=False, now=start)
    # One attempt left: the right answer stays hidden.
    assert services.answers_hidden_ids(sitting=first) == {question.pk}
    with translation.override("fr"), pytest.raises(services.QuizError) as refused:
        services.sitting_start(user=trainee, quiz=post,
                               now=start + datetime.timedelta(hours=2))
    assert "Vous pourrez réessayer" in str(refused.value)
    second = _sit(trainee, post, question, right=False,
                  now=start + datetime.timedelta(hours=25))
    with translation.override("fr"), pytest.raises(services.QuizError) as refused:
        services.sitting_start(user=trainee, quiz=post)
    assert "tentatives" in str(refused.value)
    # The last allowed attempt is over: now the answers show.
    assert services.answers_hidden_ids(sitting=second) == set()
    client.force_login(trainee)
    html = client.get(reverse("quizzes:result", kwargs={"pk": second.pk})).content.decode()
    assert "SECRET-WHY" in html
    # The quiz page says why no new attempt can start, in French, and offers no button.
    with translation.override("fr"):
        page = client.get(reverse("quizzes:detail", kwargs={"slug": post.slug}),
                          HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "tentatives" in page or "attempts this quiz allows" in page
    assert reverse("quizzes:start", kwargs={"slug": post.slug}) not in page


def test_the_wait_is_enforced_on_the_start_url(client, course, trainee):
    question = tf_question(answer=True)
    post = make_quiz(course=course, questions=[question], purpose=Quiz.Purpose.POST_TEST,
                     retake_wait_hours=12)
    _sit(trainee, post, question, right=False, now=timezone.now())
    client.force_login(trainee)
    client.post(reverse("quizzes:start", kwargs={"slug": post.slug}))
    assert post.sittings.count() == 1
