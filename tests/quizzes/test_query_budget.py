"""Query budgets of the quiz server's hot path (issue 16: at most 15 per page), beside the
bare view every page is compared with in bench/latency.py."""

import pytest

from django.urls import reverse

from lms.quizzes.models import Sitting
from tests.factories import enroll, make_cohort

from .factories import right_ids

pytestmark = pytest.mark.django_db
BUDGET = 15
# What they take today: session, the user with their permissions (one statement:
# lms/accounts/backends.py), the attempt, its answers (page); session, user, the attempt, its
# row locked with its answers (one statement), the insert and a savepoint pair (answer; a
# transaction's BEGIN and COMMIT outside tests).
QUESTION_PAGE, ANSWER = 4, 7
# Start (warm bank cache): session, user, an open attempt, the attempts taken, the cohort, the
# insert and its savepoint pair (a transaction's BEGIN and COMMIT outside tests). Result:
# session, the user with their permissions, the attempt, its answers, the post-tests that
# hide answers.
START, RESULT = 8, 5


@pytest.fixture
def sitting(client, trainee, quiz, course) -> Sitting:
    enroll(make_cohort(course=course), trainee)
    client.force_login(trainee)
    response = client.post(reverse("quizzes:start", kwargs={"slug": quiz.slug}))
    return Sitting.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


def _right_answer(question) -> dict:
    """The form answering `question` right (the drawn order follows the category names)."""
    if question.is_true_false:
        return {"question": question.pk, "boolean": "true"}
    return {"question": question.pk, "choice": right_ids(question)}


def test_bare_view_costs_the_session_and_the_user_only(client, trainee,
                                                        django_assert_num_queries):
    """Session, and the user with their permissions (one statement)."""
    client.force_login(trainee)
    with django_assert_num_queries(2):
        assert client.get("/bench/bare").status_code == 200


def test_question_page_and_answer_within_budget(client, sitting, django_assert_max_num_queries,
                                                django_assert_num_queries):
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    client.get(url)  # warm: site, locale and content types as a running server has them
    with django_assert_max_num_queries(min(BUDGET, QUESTION_PAGE)):
        page = client.get(url)
    assert page.status_code == 200
    question_id = int(page.context["question"].pk)
    with django_assert_num_queries(min(BUDGET, ANSWER)):
        answered = client.post(url, _right_answer(page.context["question"]))
    assert answered.status_code == 302
    assert sitting.answers.filter(question_id=question_id).exists()


def test_a_question_published_again_shows_on_the_next_request(client, sitting):
    """The question and its options are cached per change of the bank (bank_cache): a new
    published revision (text, options) is what the next request shows."""
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    question = client.get(url).context["question"]
    if question.is_true_false:  # no options to rewrite (the drawn order follows the
        client.post(url, {"question": question.pk, "boolean": "true"})  # category names)
        question = client.get(url).context["question"]
    question = type(question).objects.get(pk=question.pk)
    question.text_en = "Who receives a referral first, as rewritten?"
    option = question.answers.first()
    option.text_en = "The focal point, as rewritten"
    question.save_revision().publish()
    option.save()
    html = client.get(url).content.decode()
    assert "as rewritten?" in html
    assert "The focal point, as rewritten" in html


def test_a_quiz_renamed_and_published_shows_on_the_next_question_page(client, sitting):
    """The attempt's quiz comes from the cache (bank_cache.quiz_by_id), replaced on save."""
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    client.get(url)
    quiz = type(sitting.quiz).objects.get(pk=sitting.quiz_id)
    quiz.title_en = "A quiz renamed by its editor"
    quiz.save_revision().publish()
    assert "A quiz renamed by its editor" in client.get(url).content.decode()


def test_the_last_answer_grades_the_attempt_in_a_fixed_number_of_queries(
        client, sitting, django_assert_num_queries):
    """Grading reads the attempt's answers in one query, however many (it read each answer's
    attempt id again, one query per answer, before)."""
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    for number in range(len(sitting.question_ids)):
        page = client.get(url)
        form = _right_answer(page.context["question"])
        last = number == len(sitting.question_ids) - 1
        # the answer's 7, then the finish: a savepoint pair, the attempt locked again with
        # its quiz and trainee, its answers, the update
        with django_assert_num_queries(ANSWER + 5 if last else ANSWER):
            assert client.post(url, form).status_code == 302
    sitting.refresh_from_db()
    assert sitting.is_complete


def _take(client, start_url: str, assert_queries=None) -> Sitting:
    """Start (within `assert_queries(START)` when given) and answer every question."""
    if assert_queries is None:
        response = client.post(start_url)
    else:
        with assert_queries(min(BUDGET, START)):
            response = client.post(start_url)
    sitting = Sitting.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    for _number in sitting.question_ids:
        client.post(url, _right_answer(client.get(url).context["question"]))
    return sitting


def test_start_and_result_within_budget(client, trainee, quiz, course,
                                        django_assert_num_queries):
    """The draw, the answer key and the review come from the bank cache (bank_cache); the
    first attempt's start and result pages warm it."""
    enroll(make_cohort(course=course), trainee)
    client.force_login(trainee)
    start = reverse("quizzes:start", kwargs={"slug": quiz.slug})
    client.get(reverse("quizzes:result", kwargs={"pk": _take(client, start).pk}))
    sitting = _take(client, start, django_assert_num_queries)
    result = reverse("quizzes:result", kwargs={"pk": sitting.pk})
    with django_assert_num_queries(min(BUDGET, RESULT)):
        page = client.get(result)
    assert page.status_code == 200
    assert [item["question"].pk for item in page.context["review"]] == sitting.question_ids
