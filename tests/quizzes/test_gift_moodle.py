"""A Moodle-style export with every question type: what is parsed, stored and written back."""

from decimal import Decimal
from pathlib import Path

import pytest

from lms.quizzes.gift import GiftError, parse_gift, write_gift
from lms.quizzes.gift.importer import gift_import
from lms.quizzes.models import Category, Question

from .factories import make_quiz

MOODLE = (Path(__file__).parent / "data" / "moodle_export.gift").read_text(encoding="utf-8")


def by_title(questions):
    return {q.title: q for q in questions}


def test_every_moodle_type_is_read():
    questions = by_title(parse_gift(MOODLE))
    assert {t: q.kind for t, q in questions.items()} == {
        "Consent": "mc", "Principles": "mc", "Partial": "mc", "Validated": "tf", "Arrow": "mc",
        "Capital": "short", "Age": "num", "Range": "num", "Several numbers": "num",
        "Services": "match", "Missing word": "mc", "Essay": "essay"}


def test_moodle_category_prefix_and_top_are_dropped():
    questions = by_title(parse_gift(MOODLE))
    assert questions["Consent"].category == ["Default for NRM training", "Principles"]
    assert questions["Capital"].category == ["Default for NRM training", "Case management"]


def test_comment_line_inside_a_question_does_not_split_it():
    arrow = by_title(parse_gift(MOODLE))["Arrow"]
    assert [a.text for a in arrow.answers] == ["Referral -> the next service", "Nothing at all"]
    assert parse_gift("Q {\n=a\n// note\n~b\n}")[0].answers[1].text == "b"


def test_arrow_in_multiple_choice_is_text_not_matching():
    arrow = by_title(parse_gift(MOODLE))["Arrow"]
    assert arrow.kind == "mc" and arrow.answers[0].correct


def test_last_general_feedback_wins_and_answer_feedback_is_kept():
    consent = by_title(parse_gift(MOODLE))["Consent"]
    assert consent.explanation == ("<p>Referral always starts with the person's "
                                   "<em>informed</em> consent.</p>")
    assert [a.feedback for a in consent.answers] == [
        "<p>Right: consent comes first.</p>", "<p>No: the police are not a referral gate.</p>",
        "Never keep documents."]
    assert consent.text_format == "html"


def test_weights_are_read():
    questions = by_title(parse_gift(MOODLE))
    assert [a.weight for a in questions["Partial"].answers] == [100, 50, -25]
    assert [a.weight for a in questions["Principles"].answers] == [50, 50, -100]
    assert [(a.text, a.weight) for a in questions["Capital"].answers] == [
        ("Bamako", 100), ("Bamaco", 50)]


def test_numbers_ranges_and_matching_pairs():
    questions = by_title(parse_gift(MOODLE))
    assert [(a.number, a.tolerance) for a in questions["Age"].answers] == [(18, 0)]
    assert [(a.number, a.tolerance) for a in questions["Range"].answers] == [(12, 2)]
    assert [(a.number, a.tolerance, a.weight) for a in questions["Several numbers"].answers] == [
        (2021, 0, 100), (2021, 1, 50)]
    assert [(a.text, a.match) for a in questions["Services"].answers] == [
        ("Medical care", "Health centre"), ("Legal advice", "Legal clinic"),
        ("Shelter", "Transit centre"), ("", "Police station")]
    assert by_title(parse_gift(MOODLE))["Missing word"].text == (
        "Before any referral, obtain the person's _____ in writing.")


@pytest.mark.django_db
def test_import_stores_everything(course):
    quiz = make_quiz(course=course)
    created = gift_import(source=MOODLE, quiz=quiz)
    assert len(created) == 12 and quiz.questions.count() == 12
    assert not Category.objects.filter(name_en="top").exists()
    assert Category.objects.get(name_en="Principles").parent.name_en == "Default for NRM training"
    consent = Question.objects.get(title="Consent")
    assert consent.text_format == "html"
    assert list(consent.answers.values_list("feedback_en", "weight")) == [
        ("<p>Right: consent comes first.</p>", Decimal(100)),
        ("<p>No: the police are not a referral gate.</p>", Decimal(0)),
        ("Never keep documents.", Decimal(-25))]
    services = Question.objects.get(title="Services")
    assert services.kind == "match"
    assert list(services.answers.values_list("text_en", "match_en")) == [
        ("Medical care", "Health centre"), ("Legal advice", "Legal clinic"),
        ("Shelter", "Transit centre"), ("", "Police station")]
    age = Question.objects.get(title="Several numbers")
    assert list(age.answers.values_list("number", "tolerance", "weight")) == [
        (2021.0, 0.0, Decimal(100)), (2021.0, 1.0, Decimal(50))]


@pytest.mark.django_db
def test_long_title_and_answers_are_stored_whole():
    title, answer = "T" * 450, "A very long answer, " * 60
    gift_import(source=f"::{title}::Which?{{={answer} ~short}}")
    question = Question.objects.get()
    assert question.title == title
    assert question.answers.first().text_en == answer.strip()


@pytest.mark.django_db
def test_french_import_fills_english_fallbacks_too():
    question = gift_import(source="Qui?{=Moi#Bien.\n~Toi#Non.\n####Parce que.}",
                           language="fr")[0]
    assert question.explanation_fr == question.explanation_en == "Parce que."
    first = question.answers.order_by("sort_order").first()
    assert first.feedback_fr == first.feedback_en == "Bien."


def test_true_false_feedbacks_are_read():
    """Moodle's `{T#feedback if wrong#feedback if right}`, also on FALSE and with `####`."""
    validated = by_title(parse_gift(MOODLE))["Validated"]
    assert (validated.true_false, validated.feedback_wrong, validated.feedback_right) == (
        True, "No: it was validated in January 2021.", "Right: January 2021.")
    false = parse_gift("Mali is an island."
                       "{FALSE#[html]<p>No.</p>#Indeed\\: it is not.####Sahel.}")[0]
    assert (false.true_false, false.feedback_wrong, false.feedback_right, false.explanation) == (
        False, "<p>No.</p>", "Indeed: it is not.", "Sahel.")
    only_right = parse_gift("Q?{T##Yes.}")[0]
    assert (only_right.feedback_wrong, only_right.feedback_right) == ("", "Yes.")
    with pytest.raises(GiftError) as caught:
        parse_gift("\nQ?{T#a#b#c}")
    assert caught.value.errors[0][0] == 2


@pytest.mark.django_db
def test_true_false_feedbacks_are_stored_in_the_file_language():
    gift_import(source=MOODLE)
    validated = Question.objects.get(title="Validated")
    assert (validated.feedback_wrong_en, validated.feedback_right_en) == (
        "No: it was validated in January 2021.", "Right: January 2021.")
    french = gift_import(source="Vrai?{F#Non.#Oui.}", language="fr")[0]
    assert (french.feedback_wrong_fr, french.feedback_right_fr) == ("Non.", "Oui.")
    assert (french.feedback_wrong_en, french.feedback_right_en) == ("Non.", "Oui.")


@pytest.mark.django_db
def test_true_false_feedbacks_are_written_back():
    question = gift_import(source="Q?{FALSE##Right: false.}")[0]
    assert "{FALSE##Right\\: false.}" in write_gift([question])
    question.feedback_wrong_en = "Wrong # really"
    assert parse_gift(write_gift([question]))[0].feedback_wrong == "Wrong # really"


def _shape(questions):
    return [(q.kind, q.title, q.text, q.category, q.true_false, q.feedback_wrong,
             q.feedback_right, q.explanation, q.text_format,
             [(a.text, a.correct, a.weight, a.feedback, a.match, a.number, a.tolerance)
              for a in q.answers]) for q in questions]


@pytest.mark.django_db
def test_export_round_trips_every_type():
    created = gift_import(source=MOODLE)
    text = write_gift(Question.objects.filter(pk__in=[q.pk for q in created]).order_by("pk")
                      .select_related("category").prefetch_related("answers"))
    again = _shape(parse_gift(text))
    first = _shape(parse_gift(MOODLE))
    # Categories come back as stored (below the file's root, without Moodle's prefix).
    assert again == first


def test_format_markers_on_answers_and_feedback_are_not_text():
    """Moodle marks an answer whose format differs from the question's (`=[moodle]...`)."""
    question = parse_gift("[html]<p>Q?</p>{=[moodle]Yes#[html]<p>Right.</p> "
                          "~%-50%[moodle]No ####[html]<p>Because.</p>}")[0]
    assert [(a.text, a.feedback, a.weight) for a in question.answers] == [
        ("Yes", "<p>Right.</p>", 100), ("No", "", -50)]
    assert question.explanation == "<p>Because.</p>"
