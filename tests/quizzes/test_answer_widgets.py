"""The question page's answer widgets, rendered once per question, language and change of
the bank (`forms._AnswerField`, `bank_cache.answer_widget`): the same HTML as rendered afresh,
and a form sent back with an error renders the trainee's choice as before."""

import pytest

from django.core.cache import cache
from django.forms.boundfield import BoundField
from django.utils import translation

from lms.quizzes.forms import AnswerForm
from lms.quizzes.models import Question

from .factories import mc_question, tf_question

pytestmark = pytest.mark.django_db


def _fresh_html(form: AnswerForm) -> list[str]:
    return [BoundField.as_widget(form[name]) for name in form.fields]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_kept_html_is_the_html_rendered_afresh(bank, language):
    cache.clear()
    with translation.override(language):
        for key in ("single", "multi", "tf", "essay"):
            question = Question.objects.prefetch_related("answers").get(pk=bank[key].pk)
            first = [str(field) for field in AnswerForm(question=question)]
            again = [str(field) for field in AnswerForm(question=question)]
            assert first == again == _fresh_html(AnswerForm(question=question))


def test_each_language_its_own_labels():
    cache.clear()
    question = tf_question()
    with translation.override("en"):
        english = str(AnswerForm(question=question)["boolean"])
    with translation.override("fr"):
        french = str(AnswerForm(question=question)["boolean"])
    assert "True" in english and "Vrai" in french


def test_an_option_edited_shows_at_once():
    cache.clear()
    question = mc_question(right=("Before",), wrong=("Other",))
    assert "Before" in str(AnswerForm(question=question)["choice"])
    option = question.answers.get(text_en="Before")
    option.text_en = "After"
    option.save()
    question = Question.objects.prefetch_related("answers").get(pk=question.pk)
    html = str(AnswerForm(question=question)["choice"])
    assert "After" in html and "Before" not in html


def test_a_form_sent_back_keeps_the_trainee_choice():
    question = mc_question(right=("Yes",), wrong=("No",))
    str(AnswerForm(question=question)["choice"])  # kept, unchecked
    chosen = question.answers.get(text_en="No").pk
    form = AnswerForm({"choice": str(chosen)}, question=question)
    html = str(form["choice"])
    assert html == BoundField.as_widget(form["choice"])
    assert "checked" in html
