"""Grading of Moodle's types from an imported file: weights, short answer, numerical,
matching, missing word; "all or nothing" as the quiz's choice."""

from decimal import Decimal
from pathlib import Path

import pytest

from lms.quizzes import services
from lms.quizzes.gift.importer import gift_import
from lms.quizzes.models import Question
from lms.quizzes.selectors import category_success_rates

from .factories import make_quiz

pytestmark = pytest.mark.django_db

MOODLE = (Path(__file__).parent / "data" / "moodle_export.gift").read_text(encoding="utf-8")


@pytest.fixture
def bank(db):
    return {q.title: q for q in gift_import(source=MOODLE)}


def one_question_sitting(course, trainee, question, **quiz_options):
    quiz = make_quiz(course=course, questions=[question], **quiz_options)
    return services.sitting_start(user=trainee, quiz=quiz)


def answer(course, trainee, question, **given):
    sitting = one_question_sitting(course, trainee, question)
    return services.sitting_answer(sitting=sitting, question_id=question.pk, **given)


def option(question: Question, text: str) -> int:
    return next(a.pk for a in question.answers.all() if text in a.text_en)


@pytest.mark.parametrize("chosen, credit", [
    ("The case manager", "1"), ("The focal point", "0.5"), ("The police", "0")])
def test_single_choice_partial_credit_and_penalty_floors_at_zero(course, trainee, bank, chosen,
                                                                 credit):
    question = bank["Partial"]
    given = answer(course, trainee, question, choice_ids=[option(question, chosen)])
    assert given.credit == Decimal(credit)
    assert given.is_correct is (credit == "1")
    given.sitting.refresh_from_db()
    assert given.sitting.score_percent == Decimal(credit) * 100


@pytest.mark.parametrize("chosen, credit", [
    (("Confidentiality", "Do no harm"), "1"), (("Confidentiality",), "0.5"),
    (("Confidentiality", "Publicity"), "0"), (("Confidentiality", "Do no harm", "Publicity"), "0")])
def test_several_answers_add_their_weights(course, trainee, bank, chosen, credit):
    question = bank["Principles"]
    given = answer(course, trainee, question, choice_ids=[option(question, t) for t in chosen])
    assert given.credit == Decimal(credit)


def test_all_or_nothing_quiz_gives_no_partial_credit(course, trainee, bank):
    question = bank["Partial"]
    sitting = one_question_sitting(course, trainee, question, all_or_nothing=True)
    given = services.sitting_answer(sitting=sitting, question_id=question.pk,
                                    choice_ids=[option(question, "The focal point")])
    assert given.credit == 0
    sitting.refresh_from_db()
    assert sitting.score_percent == 0


@pytest.mark.parametrize("typed, credit", [
    ("Bamako", "1"), ("  bamako ", "1"), ("BAMAKO", "1"), ("Bamaco", "0.5"), ("Dakar", "0")])
def test_short_answer_ignores_case_and_spaces(course, trainee, bank, typed, credit):
    given = answer(course, trainee, bank["Capital"], response_text=typed)
    assert given.credit == Decimal(credit) and given.response_text == typed.strip()


def test_short_answer_accents_optional_or_required(course, trainee):
    question = gift_import(source="Où apprend-on ?{=École}")[0]
    assert answer(course, trainee, question, response_text="ecole").credit == 1
    other = gift_import(source="Où apprend-on ?{=École}")[0]
    other.accents_optional = False
    other.save()
    assert answer(course, trainee, other, response_text="ecole").credit == 0


@pytest.mark.parametrize("title, typed, credit", [
    ("Age", "18", "1"), ("Age", "17", "0"), ("Range", "10", "1"), ("Range", "14,0", "1"),
    ("Range", "14.5", "0"), ("Several numbers", "2021", "1"), ("Several numbers", "2022", "0.5"),
    ("Several numbers", "2 021", "1"), ("Several numbers", "2019", "0")])
def test_numerical_values_tolerances_and_ranges(course, trainee, bank, title, typed, credit):
    assert answer(course, trainee, bank[title], response_text=typed).credit == Decimal(credit)


def test_numerical_refuses_what_is_not_a_number(course, trainee, bank):
    sitting = one_question_sitting(course, trainee, bank["Age"])
    with pytest.raises(services.QuizError, match="number"):
        services.sitting_answer(sitting=sitting, question_id=bank["Age"].pk,
                                response_text="eighteen")
    assert not sitting.answers.exists()


def test_matching_scores_each_pair(course, trainee, bank):
    question = bank["Services"]
    items = {a.text_en: a for a in question.answers.all() if a.text_en}
    pairs = {str(items["Medical care"].pk): "Health centre",
             str(items["Legal advice"].pk): "Police station",
             str(items["Shelter"].pk): "Transit centre"}
    given = answer(course, trainee, question, pairs=pairs)
    assert given.credit == Decimal("0.6667") and given.is_correct is False


def test_matching_needs_every_item_and_offered_choices(course, trainee, bank):
    question = bank["Services"]
    sitting = one_question_sitting(course, trainee, question)
    first = next(a for a in question.answers.all() if a.text_en)
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=question.pk,
                                pairs={str(first.pk): "Health centre"})
    everything = {str(a.pk): "Made up" for a in question.answers.all() if a.text_en}
    with pytest.raises(services.QuizError):
        services.sitting_answer(sitting=sitting, question_id=question.pk, pairs=everything)


def test_missing_word_is_graded_as_a_choice(course, trainee, bank):
    question = bank["Missing word"]
    assert answer(course, trainee, question,
                  choice_ids=[option(question, "consent")]).credit == 1


def test_score_sums_partial_credits(course, trainee, bank):
    quiz = make_quiz(course=course, questions=[bank["Partial"], bank["Capital"]], pass_mark=70)
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=sitting, question_id=bank["Partial"].pk,
                            choice_ids=[option(bank["Partial"], "The focal point")])
    services.sitting_answer(sitting=sitting, question_id=bank["Capital"].pk,
                            response_text="Bamako")
    sitting.refresh_from_db()
    assert sitting.score_percent == Decimal("75.00") and sitting.passed


def test_attempt_is_graded_with_the_weights_and_setting_it_started_with(course, trainee, bank):
    question = bank["Partial"]
    quiz = make_quiz(course=course, questions=[question])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    question.answers.filter(text_en="The focal point").update(weight=0)
    quiz.all_or_nothing = True
    quiz.save()
    given = services.sitting_answer(sitting=sitting, question_id=question.pk,
                                    choice_ids=[option(question, "The focal point")])
    assert given.credit == Decimal("0.5")


def test_progress_by_category_counts_partial_credit(course, trainee, bank):
    quiz = make_quiz(course=course, questions=[bank["Partial"], bank["Capital"]])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    services.sitting_answer(sitting=sitting, question_id=bank["Partial"].pk,
                            choice_ids=[option(bank["Partial"], "The focal point")])
    services.sitting_answer(sitting=sitting, question_id=bank["Capital"].pk,
                            response_text="Bamako")
    rows = {row["category"].name_en: row for row in category_success_rates(user=trainee)}
    assert (rows["Principles"]["correct"], rows["Principles"]["percent"]) == (0, 50)
    assert (rows["Case management"]["correct"], rows["Case management"]["percent"]) == (1, 100)
