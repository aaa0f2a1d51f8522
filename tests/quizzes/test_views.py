"""The trainee's pages: what they show, what they refuse, and what never reaches the HTML."""

import datetime
import re

import pytest

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from lms.quizzes import services
from lms.quizzes.models import Sitting
from tests.factories import UserFactory

from .factories import essay_question, make_quiz, mc_question, right_ids, tf_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_in(client, trainee):
    client.force_login(trainee)
    return client


def start(client, quiz) -> Sitting:
    response = client.post(reverse("quizzes:start", kwargs={"slug": quiz.slug}))
    assert response.status_code == 302
    return Sitting.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))


def test_pages_need_login(client, quiz):
    for url in (reverse("quizzes:detail", kwargs={"slug": quiz.slug}),
                reverse("quizzes:progress")):
        assert client.get(url).status_code == 302


def test_detail_and_start(client_in, quiz):
    page = client_in.get(reverse("quizzes:detail", kwargs={"slug": quiz.slug}))
    assert page.status_code == 200
    assert quiz.title_en in page.content.decode()
    sitting = start(client_in, quiz)
    assert client_in.get(reverse("quizzes:question", kwargs={"pk": sitting.pk})).status_code == 200


def test_start_needs_post(client_in, quiz):
    assert client_in.get(reverse("quizzes:start", kwargs={"slug": quiz.slug})).status_code == 405


def test_draft_quiz_visible_only_to_editors(client, course, bank, trainee):
    draft = make_quiz(course=course, questions=[bank["tf"]], live=False)
    url = reverse("quizzes:detail", kwargs={"slug": draft.slug})
    client.force_login(trainee)
    assert client.get(url).status_code == 404
    assert client.post(reverse("quizzes:start", kwargs={"slug": draft.slug})).status_code == 404
    client.force_login(UserFactory(roles=["Facilitators"]))
    response = client.get(url)
    assert response.status_code == 200 and "Draft" in response.content.decode()


def _option_markup(html: str) -> list[str]:
    """Each option's label with its id and text blanked, to compare them with each other."""
    labels = re.findall(r"<label[^>]*>\s*<input[^>]*>.*?</label>", html, flags=re.S)
    return [re.sub(r'(value|id|for)="[^"]*"|>[^<]*</label>', "", label) for label in labels]


def test_question_page_never_reveals_the_right_answer(client_in, course):
    question = mc_question(right=("Informed consent",), wrong=("Speed", "Visibility"),
                           explanation_en="SECRET-EXPLANATION")
    quiz = make_quiz(course=course, questions=[question, tf_question()], answers_at_end=False)
    sitting = start(client_in, quiz)
    sitting.question_ids = [question.pk, *[pk for pk in sitting.question_ids
                                            if pk != question.pk]]
    sitting.save()
    html = client_in.get(reverse("quizzes:question", kwargs={"pk": sitting.pk})).content.decode()
    assert "Informed consent" in html and "Speed" in html
    assert "SECRET-EXPLANATION" not in html
    for word in ("is_correct", "correct", "right answer", "✓"):
        assert word not in html.lower().split("<main", 1)[1]
    markup = _option_markup(html)
    assert len(markup) == 3 and len(set(markup)) == 1  # right and wrong options look alike


def _question_page_queries(client, quiz) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sitting = start(client, quiz)
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_question_page_query_count(client_in, course, django_assert_max_num_queries):
    """Six queries of our own (session, user, attempt, answered ids, question, options) plus
    the site layout's; the number does not grow with the bank or the answers given."""
    small = make_quiz(course=course, questions=[mc_question()])
    big = make_quiz(course=course, questions=[
        mc_question(wrong=[f"Wrong {i}" for i in range(8)]) for _ in range(25)])
    sitting = start(client_in, big)
    for pk in sitting.question_ids[:10]:
        services.sitting_answer(sitting=sitting, question_id=pk,
                                choice_ids=right_ids(big.questions.get(pk=pk)))
    assert _question_page_queries(client_in, small) == _question_page_queries(client_in, big)
    with django_assert_max_num_queries(18):
        client_in.get(reverse("quizzes:question", kwargs={"pk": sitting.pk}))


def test_answer_flow_to_result_with_explanations(client_in, course):
    question = tf_question(answer=True, explanation_en="The NRM was validated in 2021.")
    quiz = make_quiz(course=course, questions=[question], success_text_en="Well done, trainer!")
    sitting = start(client_in, quiz)
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    response = client_in.post(url, {"question": question.pk, "boolean": "true"})
    assert response.status_code == 302
    result = client_in.get(response.url, follow=True).content.decode()
    assert "Well done, trainer!" in result
    assert "The NRM was validated in 2021." in result
    assert "100%" in result


def test_fail_text_shown(client_in, course):
    question = tf_question(answer=True)
    quiz = make_quiz(course=course, questions=[question], fail_text_en="Read module 2 again.")
    sitting = start(client_in, quiz)
    client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                   {"question": question.pk, "boolean": "false"})
    html = client_in.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()
    assert "Read module 2 again." in html and "Not passed" in html


def test_bad_input_is_a_form_error(client_in, quiz, bank):
    sitting = start(client_in, quiz)
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    response = client_in.post(url, {"question": bank["single"].pk, "choice": "999999"})
    assert response.status_code == 400
    response = client_in.post(url, {"question": "abc"})
    assert response.status_code == 404
    assert not sitting.answers.exists()


def test_cannot_answer_a_question_outside_the_attempt(client_in, quiz, bank):
    sitting = start(client_in, quiz)
    response = client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                              {"question": bank["essay"].pk, "essay": "sneaky"})
    assert response.status_code == 400
    assert "not part of your attempt" in response.content.decode()
    assert not sitting.answers.exists()


@pytest.mark.parametrize("data", [{}, {"choice": "1"}, {"boolean": "true"}, {"essay": "x"}])
def test_posting_another_questions_id_reveals_nothing_of_it(client_in, course, bank, data):
    """Any question of the bank could be read by posting its id to one's own attempt: the
    refusal shows the attempt's own question, never the one asked for."""
    secret = mc_question(right=("SECRET-RIGHT",), wrong=("SECRET-WRONG",),
                         text_en="SECRET-QUESTION?", text_fr="SECRET-QUESTION-FR ?",
                         explanation_en="SECRET-WHY")
    own = bank["tf"]
    sitting = start(client_in, make_quiz(course=course, questions=[own]))
    response = client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                              {"question": secret.pk, **data})
    html = response.content.decode()
    assert response.status_code == 400
    assert "not part of your attempt" in html
    assert "SECRET" not in html
    assert own.text_en in html and f'value="{own.pk}"' in html
    assert not sitting.answers.exists()


def test_cannot_change_an_answer_after_the_end(client_in, course):
    question = tf_question(answer=True)
    sitting = start(client_in, make_quiz(course=course, questions=[question]))
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    client_in.post(url, {"question": question.pk, "boolean": "false"})
    response = client_in.post(url, {"question": question.pk, "boolean": "true"})
    assert response.status_code == 302 and response.url.endswith("/result/")
    sitting.refresh_from_db()
    assert sitting.answers.get().boolean is False and sitting.score_percent == 0


def test_another_trainees_attempt_is_404(client, quiz, bank, trainee):
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=sitting, question_id=bank["tf"].pk, boolean=True)
    client.force_login(UserFactory(roles=["Trainees"]))
    for name, kwargs in (("question", {}), ("result", {}),
                         ("feedback", {"question_id": bank["tf"].pk})):
        url = reverse(f"quizzes:{name}", kwargs={"pk": sitting.pk, **kwargs})
        assert client.get(url).status_code == 404
    response = client.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                           {"question": bank["single"].pk, "choice": right_ids(bank["single"])})
    assert response.status_code == 404
    assert sitting.answers.count() == 1


def test_answers_at_end_hides_feedback_until_the_end(client_in, quiz, bank):
    sitting = start(client_in, quiz)
    first = sitting.question_ids[0]
    question = bank["tf"] if first == bank["tf"].pk else None
    data = ({"boolean": "true"} if question else
            {"choice": right_ids(next(q for q in bank.values() if q.pk == first))[:1]})
    response = client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                              {"question": first, **data})
    assert response.url == reverse("quizzes:question", kwargs={"pk": sitting.pk})
    feedback = reverse("quizzes:feedback", kwargs={"pk": sitting.pk, "question_id": first})
    assert client_in.get(feedback).status_code == 404
    assert client_in.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).status_code == 302


def test_feedback_after_each_question_when_allowed(client_in, course):
    question = mc_question(explanation_en="Consent first.")
    quiz = make_quiz(course=course, questions=[question, tf_question()], answers_at_end=False)
    sitting = start(client_in, quiz)
    sitting.question_ids = [question.pk, *[p for p in sitting.question_ids if p != question.pk]]
    sitting.save()
    feedback = reverse("quizzes:feedback", kwargs={"pk": sitting.pk, "question_id": question.pk})
    assert client_in.get(feedback).status_code == 404  # not answered yet
    response = client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                              {"question": question.pk, "choice": str(right_ids(question)[0])})
    assert response.url == feedback
    html = client_in.get(feedback).content.decode()
    assert "Consent first." in html and "right answer" in html and "Correct" in html


def test_multi_answer_question_uses_checkboxes(client_in, course, bank):
    sitting = start(client_in, make_quiz(course=course, questions=[bank["multi"]]))
    html = client_in.get(reverse("quizzes:question", kwargs={"pk": sitting.pk})).content.decode()
    assert html.count('type="checkbox"') == 3
    response = client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                              {"question": bank["multi"].pk, "choice": right_ids(bank["multi"])})
    assert response.status_code == 302
    sitting.refresh_from_db()
    assert sitting.passed


def test_late_answer_through_the_page_is_not_counted(client_in, course):
    question = tf_question(answer=True)
    sitting = start(client_in, make_quiz(course=course, questions=[question],
                                         time_limit_minutes=5))
    Sitting.objects.filter(pk=sitting.pk).update(
        deadline=timezone.now() - datetime.timedelta(seconds=1))
    response = client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                              {"question": question.pk, "boolean": "true"})
    assert response.url.endswith("/result/")
    sitting.refresh_from_db()
    assert sitting.is_complete and not sitting.answers.exists() and sitting.score_percent == 0


def test_resume_later_from_the_detail_page(client_in, quiz, bank):
    sitting = start(client_in, quiz)
    client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                   {"question": bank["tf"].pk, "boolean": "true"})
    html = client_in.get(reverse("quizzes:detail", kwargs={"slug": quiz.slug})).content.decode()
    assert "Resume your attempt" in html
    assert start(client_in, quiz).pk == sitting.pk
    page = client_in.get(reverse("quizzes:question", kwargs={"pk": sitting.pk})).content.decode()
    assert "Question 2 of 3" in page


def test_single_attempt_through_the_pages(client_in, course):
    question = tf_question()
    quiz = make_quiz(course=course, questions=[question], single_attempt=True)
    sitting = start(client_in, quiz)
    client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                   {"question": question.pk, "boolean": "true"})
    response = client_in.post(reverse("quizzes:start", kwargs={"slug": quiz.slug}), follow=True)
    assert "single attempt" in response.content.decode()
    assert Sitting.objects.filter(quiz=quiz).count() == 1


def test_french_text_with_english_fallback(client, trainee, course):
    question = tf_question(text_fr="Le MNR a été validé en 2021.")
    plain = tf_question(text_fr="")
    quiz = make_quiz(course=course, questions=[question, plain])
    client.force_login(trainee)
    with translation.override("fr"):
        sitting = start(client, quiz)
        url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
        assert url.startswith("/fr/")
        sitting.question_ids = [question.pk, plain.pk]
        sitting.save()
        assert "Le MNR a été validé en 2021." in client.get(url).content.decode()
        client.post(url, {"question": question.pk, "boolean": "true"})
        assert plain.text_en in client.get(url).content.decode()


def test_essay_result_says_awaiting_marking(client_in, course):
    essay = essay_question()
    sitting = start(client_in, make_quiz(course=course, questions=[essay]))
    client_in.post(reverse("quizzes:question", kwargs={"pk": sitting.pk}),
                   {"question": essay.pk, "essay": "I would refer her with her consent."})
    html = client_in.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()
    assert "Awaiting marking" in html and "I would refer her with her consent." in html


def test_progress_page_rates_per_category_and_past_scores(client_in, trainee, course):
    right, wrong = tf_question(answer=True), tf_question(answer=True)
    quiz = make_quiz(course=course, questions=[right, wrong])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=sitting, question_id=right.pk, boolean=True)
    services.sitting_answer(sitting=sitting, question_id=wrong.pk, boolean=False)
    html = client_in.get(reverse("quizzes:progress")).content.decode()
    assert right.category.name_en in html and "100%" in html
    assert wrong.category.name_en in html and "0%" in html
    assert quiz.title_en in html


def test_course_include_lists_published_quizzes_with_status(trainee, course, bank):
    done = make_quiz(course=course, questions=[bank["tf"]], title_en="Pre-test NRM")
    make_quiz(course=course, questions=[bank["tf"]], title_en="Hidden draft", live=False)
    make_quiz(course=course, questions=[bank["tf"]], title_en="Untouched quiz")
    services.sitting_answer(sitting=services.sitting_start(user=trainee, quiz=done),
                            question_id=bank["tf"].pk, boolean=True)
    request = RequestFactory().get("/")
    request.user = trainee
    html = render_to_string("quizzes/includes/course_quizzes.html",
                            {"page": course, "request": request})
    assert "Pre-test NRM" in html and "Passed" in html and "Score: 100%" in html
    assert "Untouched quiz" in html and "Not started" in html
    assert "Hidden draft" not in html


def test_course_include_for_french_page(trainee, course, bank):
    from wagtail.models import Locale

    make_quiz(course=course, questions=[bank["tf"]], title_fr="Pré-test MNR")
    french = course.copy_for_translation(Locale.objects.get(language_code="fr"),
                                         copy_parents=True)
    request = RequestFactory().get("/")
    request.user = trainee
    with translation.override("fr"):
        html = render_to_string("quizzes/includes/course_quizzes.html",
                                {"page": french, "request": request})
    assert "Pré-test MNR" in html


def test_question_image_is_shown(client_in, course):
    import io

    from PIL import Image

    from django.core.files.base import ContentFile

    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "#1e6b34").save(buffer, "PNG")
    question = tf_question()
    question.image.save("pathway.png", ContentFile(buffer.getvalue()))
    sitting = start(client_in, make_quiz(course=course, questions=[question]))
    html = client_in.get(reverse("quizzes:question", kwargs={"pk": sitting.pk})).content.decode()
    image_url = reverse("quizzes:question_image", kwargs={"pk": question.pk})
    assert f'src="{image_url}?v=' in html and 'alt="' in html
    assert question.image.url not in html  # never the storage's own address (issue 17)
    assert client_in.get(image_url).status_code == 200
