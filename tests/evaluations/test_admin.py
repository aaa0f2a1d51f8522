"""Question sets in the Wagtail admin go through `services.question_set_save`."""

import pytest

from lms.evaluations.models import QuestionSet

pytestmark = pytest.mark.django_db


def _form_data(name: str, *, default: bool = False) -> dict:
    data = {
        "name_en": name, "name_fr": f"{name} (fr)", "intro_en": "", "intro_fr": "",
        "items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-kind": "likert", "items-0-topic": "content", "items-0-required": "on",
        "items-0-text_en": "Clear content", "items-0-text_fr": "Contenu clair",
        "items-0-ORDER": "1", "items-0-id": "",
    }
    if default:
        data["is_default"] = "on"
    return data


def test_a_facilitator_creates_a_set_in_the_admin(client, world):
    facilitator = world["people"]["facilitator_kayes"]
    client.force_login(facilitator)
    answer = client.post("/admin/snippets/evaluations/questionset/add/", _form_data("Mine"))
    assert answer.status_code == 302, answer.content.decode()[:2000]
    created = QuestionSet.objects.get(name_en="Mine")
    assert created.created_by == facilitator
    assert [i.text_fr for i in created.items.all()] == ["Contenu clair"]


def test_a_facilitator_cannot_make_a_set_the_default_in_the_admin(client, world):
    client.force_login(world["people"]["facilitator_kayes"])
    answer = client.post("/admin/snippets/evaluations/questionset/add/",
                         _form_data("Takeover", default=True))
    assert answer.status_code == 200
    assert not QuestionSet.objects.filter(name_en="Takeover").exists()
    assert QuestionSet.objects.get(is_default=True).name_en == "End-of-training evaluation"


def test_a_facilitator_cannot_edit_the_default_set_in_the_admin(client, world):
    default = QuestionSet.objects.get(is_default=True)
    client.force_login(world["people"]["facilitator_kayes"])
    url = f"/admin/snippets/evaluations/questionset/edit/{default.pk}/"
    for answer in (client.get(url), client.post(url, _form_data("Renamed"))):
        assert (answer.status_code, answer.url) == (302, "/admin/")  # Wagtail's "denied"
    default.refresh_from_db()
    assert default.name_en == "End-of-training evaluation"


def test_an_answered_or_default_set_is_never_deleted(client, world):
    from lms.evaluations import selectors, services

    from .conftest import answers_for

    default = QuestionSet.objects.get(is_default=True)
    client.force_login(world["people"]["national"])
    url = f"/admin/snippets/evaluations/questionset/delete/{default.pk}/"
    assert (client.post(url).status_code, QuestionSet.objects.filter(pk=default.pk).exists()) \
        == (302, True)
    other = QuestionSet(name_en="Other")
    from lms.evaluations.models import Item

    other.items.add(Item(kind="likert", topic="overall", text_en="Fine."))
    services.question_set_save(question_set=other, by=world["people"]["national"])
    cohort = world["cohorts"]["kayes"]
    services.cohort_question_set_choose(cohort=cohort, question_set=other,
                                        by=world["people"]["national"])
    enrollment = world["enrollments"]["kayes"][0]
    services.response_submit(enrollment=enrollment, by=enrollment.trainee, anonymous=True,
                             answers=answers_for(selectors.question_set_for(cohort=cohort)))
    client.post(f"/admin/snippets/evaluations/questionset/delete/{other.pk}/")
    assert QuestionSet.objects.filter(pk=other.pk).exists()
    unused = QuestionSet(name_en="Unused")
    unused.items.add(Item(kind="open", topic="other", text_en="Anything?"))
    services.question_set_save(question_set=unused, by=world["people"]["national"])
    client.post(f"/admin/snippets/evaluations/questionset/delete/{unused.pk}/")
    assert not QuestionSet.objects.filter(pk=unused.pk).exists()
