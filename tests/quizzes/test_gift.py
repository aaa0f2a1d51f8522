"""GIFT import/export: parsing, line-numbered errors, all-or-nothing, round trip, admin, CLI."""

import io

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from lms.quizzes.gift import GiftError, parse_gift, write_gift
from lms.quizzes.gift.importer import gift_import
from lms.quizzes.models import Answer, Category, Question
from tests.factories import UserFactory

from .factories import make_quiz

GOOD = """\
// Questions for the NRM course
$CATEGORY: NRM/Principles

::Consent::[html]Before referring a migrant, what must you obtain? {
    =Their informed consent#Right: consent comes first.
    ~A police report
    ~Their passport
####Referral always starts with the person's informed consent.
}

::Validated:: The NRM was validated in January 2021.{TRUE}

::Not a principle:: "Publicity" is a protection principle.{F}

$CATEGORY: NRM/Case management

Which ones are protection principles? {
    ~%50%Confidentiality
    ~%50%Do no harm
    ~%-100%Publicity
}

Describe how you would refer an unaccompanied child in Gao.{}

Escapes\\: 50\\% of 1\\=1 \\{ok\\} \\~tilde \\#hash {=yes ~no}
"""


def test_parse_every_supported_type():
    questions = parse_gift(GOOD)
    kinds = [q.kind for q in questions]
    assert kinds == ["mc", "tf", "tf", "mc", "essay", "mc"]
    consent = questions[0]
    assert consent.title == "Consent" and consent.category == ["NRM", "Principles"]
    assert consent.text == "Before referring a migrant, what must you obtain?"
    assert [(a.text, a.correct) for a in consent.answers] == [
        ("Their informed consent", True), ("A police report", False), ("Their passport", False)]
    assert consent.explanation == "Referral always starts with the person's informed consent."
    assert questions[1].true_false is True and questions[2].true_false is False
    multi = questions[3]
    assert multi.category == ["NRM", "Case management"]
    assert [a.correct for a in multi.answers] == [True, True, False]
    assert questions[5].text == "Escapes: 50\\% of 1=1 {ok} ~tilde #hash"
    assert questions[0].line == 4 and questions[4].line == 23


def test_bad_file_lists_errors_with_line_numbers():
    source = "\n".join([
        "::ok:: Fine question {=a ~b}",        # 1
        "",                                      # 2
        "Short answer {=Bamako}",               # 3 fine: short answer
        "",                                      # 4
        "No right answer {~a ~b}",              # 5
        "",                                      # 6
        "// comment",                            # 7
        "Missing block",                         # 8
        "",                                      # 9
        "Unclosed {=a",                          # 10
        "  ~b",                                  # 11
        "",                                      # 12
        "Match {=a -> 1 =b -> 2}",              # 13 fine: matching
        "",                                      # 14
        "Numeric {#3:1}",                        # 15 fine: numerical
        "",                                      # 16
        "Not a number {#three}",                 # 17
        "",                                      # 18
        "One pair {=a -> 1}",                    # 19
    ])
    with pytest.raises(GiftError) as caught:
        parse_gift(source)
    lines = [line for line, _message in caught.value.errors]
    assert lines == [5, 8, 10, 17, 19]
    assert "three" in caught.value.errors[3][1]


def test_answer_error_reports_the_answers_own_line():
    with pytest.raises(GiftError) as caught:
        parse_gift("Question {\n  =right\n  ~\n}")
    assert caught.value.errors == [(3, "empty answer")]


def test_empty_file_is_an_error():
    with pytest.raises(GiftError):
        parse_gift("// only a comment\n\n")


@pytest.mark.django_db
def test_import_good_file_creates_bank():
    created = gift_import(source=GOOD)
    assert len(created) == 6
    principles = Category.objects.get(name_en="Principles")
    assert principles.parent.name_en == "NRM"
    consent = Question.objects.get(title="Consent")
    assert consent.category == principles
    assert consent.explanation_en.startswith("Referral always")
    assert list(consent.answers.values_list("text_en", "is_correct")) == [
        ("Their informed consent", True), ("A police report", False), ("Their passport", False)]
    assert Question.objects.filter(kind="essay").count() == 1


@pytest.mark.django_db
def test_import_in_french_fills_french_and_english_fallback():
    question = gift_import(source="Le MNR a été validé en 2021.{T####Oui.}", language="fr")[0]
    assert question.text_fr == question.text_en == "Le MNR a été validé en 2021."
    assert question.explanation_fr == question.explanation_en == "Oui."


@pytest.mark.django_db
def test_bad_file_imports_nothing():
    broken = GOOD + "\n\nBroken question {~a ~b}\n"
    with pytest.raises(GiftError) as caught:
        gift_import(source=broken)
    assert caught.value.errors[0][0] == GOOD.count("\n") + 3
    assert not Question.objects.exists() and not Category.objects.exists()
    assert not Answer.objects.exists()


@pytest.mark.django_db
def test_export_round_trips():
    originals = gift_import(source=GOOD)
    text = write_gift(Question.objects.filter(pk__in=[q.pk for q in originals])
                      .order_by("pk").prefetch_related("answers"))
    again = parse_gift(text)
    first = parse_gift(GOOD)
    assert [(q.kind, q.title, q.text, q.category, q.true_false, q.explanation,
             [(a.text, a.correct) for a in q.answers]) for q in again] == [
        (q.kind, q.title, q.text, q.category, q.true_false, q.explanation,
         [(a.text, a.correct) for a in q.answers]) for q in first]


@pytest.mark.django_db
def test_export_of_multiline_text_and_specials():
    gift_import(source="Line one\\nline two: a {=b} c? {=x ~y}".replace("{=b} c? ", "b c? "))
    question = Question.objects.get()
    question.text_en = "Line one\nline two: {braces} = ~ #"
    question.save()
    parsed = parse_gift(write_gift([question]))
    assert parsed[0].text == "Line one\nline two: {braces} = ~ #"


@pytest.mark.django_db
def test_import_adds_to_quiz(course):
    quiz = make_quiz(course=course)
    gift_import(source=GOOD, quiz=quiz)
    assert quiz.questions.count() == 6


@pytest.mark.django_db
def test_admin_import_view(client, roles_ready):
    client.force_login(UserFactory(roles=["Facilitators"]))
    url = reverse("quizzes_gift_import")
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile("bank.gift", b"Fine {=a ~b}\n\nBad {~a ~b}\n")
    response = client.post(url, {"file": bad, "language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Line 3" in html and "Nothing was imported" in html
    assert not Question.objects.exists()
    good = SimpleUploadedFile("bank.gift", GOOD.encode())
    response = client.post(url, {"file": good, "language": "en"})
    assert response.status_code == 302
    assert Question.objects.count() == 6


@pytest.mark.django_db
def test_admin_import_refuses_non_utf8(client, roles_ready):
    client.force_login(UserFactory(roles=["Facilitators"]))
    upload = SimpleUploadedFile("bank.gift", "Qué {=sí ~no}".encode("latin-1"))
    response = client.post(reverse("quizzes_gift_import"), {"file": upload, "language": "en"})
    assert "not UTF-8" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.django_db
def test_admin_gift_views_need_permission(client, roles_ready):
    client.force_login(UserFactory(roles=["Regional coordinators"]))
    assert client.get(reverse("quizzes_gift_import")).status_code in (302, 403)
    client.force_login(UserFactory(roles=["Trainees"]))
    assert client.get(reverse("quizzes_gift_export")).status_code in (302, 403)


@pytest.mark.django_db
def test_admin_export_view(client, roles_ready):
    gift_import(source=GOOD)
    client.force_login(UserFactory(roles=["Curriculum editors"]))
    nrm = Category.objects.get(name_en="NRM")
    response = client.post(reverse("quizzes_gift_export"), {"category": nrm.pk,
                                                            "language": "en"})
    assert response["Content-Disposition"].startswith("attachment")
    assert len(parse_gift(response.content.decode())) == 6


@pytest.mark.django_db
def test_management_commands(tmp_path):
    source = tmp_path / "bank.gift"
    source.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command("gift_import", str(source), stdout=out)
    assert "6 questions imported" in out.getvalue()
    target = tmp_path / "export.gift"
    call_command("gift_export", "--output", str(target), stdout=io.StringIO())
    assert len(parse_gift(target.read_text())) == 6
    broken = tmp_path / "broken.gift"
    broken.write_text("Good {=a ~b}\n\nBad {~a ~b}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 3"):
        call_command("gift_import", str(broken))
    assert Question.objects.count() == 6
