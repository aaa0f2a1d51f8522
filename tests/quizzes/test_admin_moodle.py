"""The question form in the Wagtail admin for Moodle's types: a matching distractor (no left
side) saves, weights stay within -100..100."""

import pytest

from django.urls import reverse

from lms.quizzes.models import Question
from tests.factories import UserFactory

from .factories import CategoryFactory
from .test_admin import question_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def facilitator(client, roles_ready):
    user = UserFactory(roles=["Facilitators"])
    client.force_login(user)
    return user


def test_matching_question_with_a_distractor_saves(client, facilitator):
    data = question_post(CategoryFactory(), kind="match",
                         answers=(("Care", True), ("Advice", True), ("", False)))
    data.update({"answers-0-match_en": "Health centre", "answers-1-match_en": "Legal clinic",
                 "answers-2-match_en": "Police station"})
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get()
    assert list(question.answers.values_list("text_en", "match_en")) == [
        ("Care", "Health centre"), ("Advice", "Legal clinic"), ("", "Police station")]


def test_weight_outside_the_range_is_refused(client, facilitator):
    data = question_post(CategoryFactory(), answers=(("Consent", True), ("Speed", False)))
    data["answers-1-weight"] = "-150"
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"), data)
    assert response.status_code == 200 and "from -100 to 100" in response.content.decode()
    assert not Question.objects.exists()


def test_true_false_feedbacks_are_edited_in_the_admin(client, facilitator):
    data = question_post(CategoryFactory(), kind="tf", answers=(), true_false_answer="true",
                         feedback_right_en="Yes.", feedback_wrong_en="No.",
                         feedback_wrong_fr="Non.")
    response = client.post(reverse("wagtailsnippets_quizzes_question:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get()
    assert (question.feedback_right_en, question.feedback_wrong_en, question.feedback_wrong_fr) \
        == ("Yes.", "No.", "Non.")
