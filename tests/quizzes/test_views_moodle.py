"""The question, feedback and result pages for Moodle's types, from an imported file:
plain HTML controls (no script), answers and per-answer feedback shown only when allowed,
HTML and Markdown rendered and sanitised."""

from pathlib import Path

import pytest

from django.test import RequestFactory
from django.urls import reverse

from lms.quizzes import services
from lms.quizzes.gift.importer import gift_import
from lms.quizzes.models import Sitting
from tests.factories import UserFactory

from .factories import make_quiz

pytestmark = pytest.mark.django_db

MOODLE = (Path(__file__).parent / "data" / "moodle_export.gift").read_text(encoding="utf-8")


@pytest.fixture
def bank(db):
    return {q.title: q for q in gift_import(source=MOODLE)}


@pytest.fixture
def client_in(client, trainee):
    client.force_login(trainee)
    return client


OFFLINE_SCRIPT = '<script src="/static/fieldsync/offline.js" defer></script>'


def sitting_for(client, course, question, **options) -> tuple[Sitting, str]:
    quiz = make_quiz(course=course, questions=[question], **options)
    response = client.post(reverse("quizzes:start", kwargs={"slug": quiz.slug}))
    sitting = Sitting.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))
    return sitting, reverse("quizzes:question", kwargs={"pk": sitting.pk})


def test_short_answer_page_result_and_feedback(client_in, course, bank):
    question = bank["Capital"]
    sitting, url = sitting_for(client_in, course, question)
    html = client_in.get(url).content.decode()
    assert 'type="text"' in html and 'name="response"' in html
    # No script but the site's optional offline support (it only shows the offline notice).
    assert "<script" not in html.replace(OFFLINE_SCRIPT, "")
    assert "Bamako" not in html  # the accepted answers stay on the server
    response = client_in.post(url, {"question": question.pk, "response": "bamaco"})
    assert response.status_code == 302
    result = client_in.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()
    assert "Partly right: 50 % of the mark" in result
    assert "Close: the spelling is Bamako." in result  # the feedback of the answer given
    assert "Bamako is the capital." in result


def test_numerical_page_accepts_a_decimal_comma(client_in, course, bank):
    question = bank["Range"]
    sitting, url = sitting_for(client_in, course, question)
    html = client_in.get(url).content.decode()
    assert 'inputmode="decimal"' in html
    bad = client_in.post(url, {"question": question.pk, "response": "douze"})
    assert bad.status_code == 400 and "Type a number" in bad.content.decode()
    client_in.post(url, {"question": question.pk, "response": "12,5"})
    result = client_in.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()
    assert "12 ± 2" in result and "Correct" in result


def test_matching_page_has_one_drop_down_per_item(client_in, course, bank):
    question = bank["Services"]
    sitting, url = sitting_for(client_in, course, question)
    html = client_in.get(url).content.decode()
    assert html.count("<select") == 3
    assert html.count(">Police station</option>") == 3  # the distractor is in every list
    items = {a.text_en: a.pk for a in question.answers.all() if a.text_en}
    data = {"question": question.pk, f"match_{items['Medical care']}": "Health centre",
            f"match_{items['Legal advice']}": "Legal clinic",
            f"match_{items['Shelter']}": "Police station"}
    assert client_in.post(url, data).status_code == 302
    result = client_in.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()
    assert "Partly right: 67 % of the mark" in result and "Transit centre" in result


def test_missing_word_page_shows_the_blank(client_in, course, bank):
    question = bank["Missing word"]
    _sitting, url = sitting_for(client_in, course, question)
    html = client_in.get(url).content.decode()
    assert "obtain the person&#x27;s _____ in writing." in html
    assert html.count('type="radio"') == 3


def test_html_question_is_rendered_and_sanitised(client_in, course, bank):
    question = bank["Consent"]
    _sitting, url = sitting_for(client_in, course, question, answers_at_end=False)
    html = client_in.get(url).content.decode()
    assert "<strong>obtain</strong>" in html and "&lt;p&gt;" not in html
    assert "alert(1)" not in html and "<script>alert" not in html
    wrong = next(a.pk for a in question.answers.all() if "police" in a.text_en)
    response = client_in.post(url, {"question": question.pk, "choice": str(wrong)})
    feedback = client_in.get(response.url).content.decode()
    assert "No: the police are not a referral gate." in feedback  # the chosen answer's
    assert "Right: consent comes first." not in feedback  # not another answer's
    assert "<em>informed</em>" in feedback


def test_markdown_question_is_rendered(client_in, course, bank):
    _sitting, url = sitting_for(client_in, course, bank["Principles"])
    html = client_in.get(url).content.decode()
    assert "<strong>protection principles</strong>" in html and "**" not in html
    assert html.count('type="checkbox"') == 3


def test_answer_feedback_waits_for_the_end_when_the_quiz_says_so(client_in, course, bank):
    question = bank["Partial"]
    quiz = make_quiz(course=course, questions=[question, bank["Capital"]])
    response = client_in.post(reverse("quizzes:start", kwargs={"slug": quiz.slug}))
    sitting = Sitting.objects.get(pk=int(response.url.rstrip("/").split("/")[-1]))
    focal = next(a.pk for a in question.answers.all() if "focal" in a.text_en)
    url = reverse("quizzes:question", kwargs={"pk": sitting.pk})
    first = sitting.question_ids[0]
    data = ({"choice": str(focal)} if first == question.pk else {"response": "Bamako"})
    page = client_in.post(url, {"question": first, **data}, follow=True).content.decode()
    assert "Half right: the focal point opens it." not in page
    assert "Bamako is the capital." not in page


def test_preview_and_marking_pages_show_every_type(client, course, bank, trainee, roles_ready):
    quiz = make_quiz(course=course, questions=list(bank.values()), title_en="Every type")
    editor = UserFactory(roles=["Facilitators"])
    request = RequestFactory().get("/")
    request.user = editor
    preview = quiz.serve_preview(request, quiz.default_preview_mode).render().content.decode()
    assert "Health centre" in preview and "12 ± 2" in preview and "Bamako" in preview
    assert "<strong>protection principles</strong>" in preview
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=sitting, question_id=bank["Capital"].pk,
                            response_text="bamaco")
    services.sitting_answer(sitting=sitting, question_id=bank["Range"].pk, response_text="13,5")
    items = {a.text_en: a for a in bank["Services"].answers.all() if a.text_en}
    services.sitting_answer(sitting=sitting, question_id=bank["Services"].pk, pairs={
        str(items["Medical care"].pk): "Health centre",
        str(items["Legal advice"].pk): "Police station",
        str(items["Shelter"].pk): "Transit centre"})
    blank = bank["Missing word"]
    services.sitting_answer(sitting=sitting, question_id=blank.pk, choice_ids=[
        next(a.pk for a in blank.answers.all() if a.text_en == "passport")])
    services.sitting_answer(sitting=sitting, question_id=bank["Validated"].pk, boolean=False)
    services.sitting_finish(sitting=sitting)
    client.force_login(UserFactory(roles=["National coordinators"]))
    page = client.get(reverse("quizzes:marking_detail", kwargs={"pk": sitting.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    assert "bamaco" in html and "Partly right: 50 % of the mark" in html
    assert "13,5" in html and "12 ± 2" in html  # the number typed, the accepted range
    assert "your choice: Police station" in html  # each pair as matched
    assert "Partly right: 67 % of the mark" in html
    assert "passport <strong>(your choice)</strong>" in html
    assert WRONG in html and RIGHT not in html  # the true/false feedback this answer earned


WRONG, RIGHT = "No: it was validated in January 2021.", "Right: January 2021."


def _answer_true_false(client, course, question, value: str, **options) -> str:
    sitting, url = sitting_for(client, course, question, **options)
    client.post(url, {"question": question.pk, "boolean": value})
    return client.get(reverse("quizzes:result", kwargs={"pk": sitting.pk})).content.decode()


def test_true_false_feedback_of_the_answer_given(client_in, course, bank):
    wrong = _answer_true_false(client_in, course, bank["Validated"], "false")
    assert WRONG in wrong and RIGHT not in wrong and "Incorrect" in wrong
    right = _answer_true_false(client_in, course, bank["Validated"], "true")
    assert RIGHT in right and WRONG not in right


def test_true_false_feedback_hidden_like_the_right_answer(client_in, course, bank):
    hidden = _answer_true_false(client_in, course, bank["Validated"], "false",
                                show_answers=False)
    assert "Right answer not shown yet." in hidden
    assert WRONG not in hidden and RIGHT not in hidden
    post_test = _answer_true_false(client_in, course, bank["Validated"], "false",
                                   purpose="post_test", max_attempts=3)
    assert "Right answer not shown yet." in post_test and WRONG not in post_test


def test_true_false_feedbacks_both_in_the_preview(course, bank, roles_ready):
    quiz = make_quiz(course=course, questions=[bank["Validated"]])
    request = RequestFactory().get("/")
    request.user = UserFactory(roles=["Facilitators"])
    preview = quiz.serve_preview(request, quiz.default_preview_mode).render().content.decode()
    assert WRONG in preview and RIGHT in preview
