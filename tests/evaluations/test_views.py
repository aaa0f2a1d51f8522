"""The trainee's form on the site, and who reads and changes what (every role, read and
write)."""

import pytest

from django.urls import reverse

from lms.evaluations import selectors, services
from lms.evaluations.models import CohortQuestionSet, Item, QuestionSet, Receipt, Response

from .conftest import answers_for

pytestmark = pytest.mark.django_db


def _post_data(enrollment, **kwargs) -> dict:
    question_set = selectors.question_set_for(cohort=enrollment.cohort)
    return {key: str(value) for key, value in answers_for(question_set, **kwargs).items()}


def test_trainee_fills_the_form_in_french_once(client, world):
    enrollment = world["enrollments"]["kayes"][0]
    client.force_login(enrollment.trainee)
    page = client.get("/fr/my-learning/")
    assert "Évaluer cette formation" in page.content.decode()
    url = reverse("evaluations:form", args=[enrollment.pk]).replace("/en/", "/fr/")
    form = client.get(url)
    html = form.content.decode()
    assert "Le contenu de la formation était clair et utile." in html
    assert "Tout à fait d\u2019accord" in html and "Répondre de façon anonyme" in html
    answer = client.post(url, {**_post_data(enrollment), "anonymous": "on"})
    assert answer.status_code == 302
    assert Response.objects.get().trainee is None
    again = client.get(url)
    assert "déjà évalué" in again.content.decode()
    client.post(url, _post_data(enrollment))
    assert Response.objects.count() == 1


def test_missing_answers_come_back_as_field_errors(client, world):
    enrollment = world["enrollments"]["kayes"][0]
    client.force_login(enrollment.trainee)
    data = _post_data(enrollment)
    first_likert = next(i for i in selectors.question_set_for(
        cohort=enrollment.cohort).items.all() if i.is_likert)
    data.pop(services.field_name(first_likert))
    page = client.post(f"/fr/evaluations/{enrollment.pk}/", data)
    assert page.status_code == 200
    assert "Choisissez une réponse." in page.content.decode()
    assert not Receipt.objects.exists()


@pytest.mark.parametrize("who", ["other_trainee", "facilitator_kayes", "national"])
def test_nobody_opens_or_posts_someone_elses_form(client, world, who):
    enrollment = world["enrollments"]["kayes"][0]
    actor = (world["trainees"]["kayes"][1] if who == "other_trainee"
             else world["people"][who])
    client.force_login(actor)
    url = f"/en/evaluations/{enrollment.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, _post_data(enrollment)).status_code == 404
    assert not Response.objects.exists() and not Receipt.objects.exists()


READS = {
    # who: (sees Kayes, sees Mopti)
    "facilitator_kayes": (True, False),
    "facilitator_mopti": (False, True),
    "coord_kayes": (True, False),
    "coord_mopti": (False, True),
    "national": (True, True),
}


@pytest.mark.parametrize("who", READS)
def test_answers_are_read_per_role(client, world, who):
    for key in ("kayes", "mopti"):
        enrollment = world["enrollments"][key][0]
        services.response_submit(enrollment=enrollment, by=enrollment.trainee,
                                 answers=answers_for(selectors.question_set_for(
                                     cohort=enrollment.cohort), apply=f"apply in {key}"),
                                 anonymous=False)
    client.force_login(world["people"][who])
    listing = client.get("/en/evaluations/cohorts/").content.decode()
    for key, visible in zip(("kayes", "mopti"), READS[who], strict=True):
        cohort = world["cohorts"][key]
        page = client.get(f"/en/evaluations/cohorts/{cohort.pk}/")
        assert page.status_code == (200 if visible else 404)
        assert (cohort.name in listing) is visible
        if visible:
            assert f"apply in {key}" in page.content.decode()


def test_trainees_read_no_answers_not_even_their_own(client, world):
    enrollment = world["enrollments"]["kayes"][0]
    client.force_login(enrollment.trainee)
    assert client.get("/en/evaluations/cohorts/").status_code == 404
    assert client.get(f"/en/evaluations/cohorts/{enrollment.cohort_id}/").status_code == 404


@pytest.mark.parametrize("who,allowed", [
    ("facilitator_kayes", True), ("coord_kayes", True), ("national", True),
    ("facilitator_mopti", False), ("coord_mopti", False),
])
def test_choosing_a_cohorts_set_is_a_write_in_scope(client, world, who, allowed):
    own = QuestionSet(name_en="Short")
    own.items.add(Item(kind="likert", topic="overall", text_en="Good overall."))
    services.question_set_save(question_set=own, by=world["people"]["national"])
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"][who])
    answer = client.post(f"/en/evaluations/cohorts/{cohort.pk}/question-set/",
                         {"question_set": own.pk})
    assert answer.status_code == (302 if allowed else 404)
    assert CohortQuestionSet.objects.filter(cohort=cohort).exists() is allowed


def test_facilitators_may_not_change_the_default_set_national_staff_may(world):
    from django.core.exceptions import PermissionDenied, ValidationError

    default = selectors.default_question_set()
    default.name_en = "Changed"
    for who in ("facilitator_kayes", "coord_kayes"):
        with pytest.raises(PermissionDenied):
            services.question_set_save(question_set=default, by=world["people"][who])
    own = QuestionSet(name_en="Mine", is_default=True)
    own.items.add(Item(kind="open", topic="other", text_en="Anything else?"))
    with pytest.raises(ValidationError):
        services.question_set_save(question_set=own, by=world["people"]["facilitator_kayes"])
    own.is_default = False
    services.question_set_save(question_set=own, by=world["people"]["facilitator_kayes"])
    own.name_en = "Taken over"
    with pytest.raises(PermissionDenied):
        services.question_set_save(question_set=own, by=world["people"]["facilitator_mopti"])
    own.is_default = True
    services.question_set_save(question_set=own, by=world["people"]["national"])
    assert list(QuestionSet.objects.filter(is_default=True)) == [own]
    assert QuestionSet.objects.get(pk=default.pk).name_en != "Changed"


def test_an_answered_question_cannot_be_removed(world):
    from django.core.exceptions import ValidationError

    enrollment = world["enrollments"]["kayes"][0]
    default = selectors.default_question_set()
    services.response_submit(enrollment=enrollment, by=enrollment.trainee,
                             answers=answers_for(default), anonymous=True)
    first = default.items.all()[0]
    default.items.remove(first)
    with pytest.raises(ValidationError):
        services.question_set_save(question_set=default, by=world["people"]["national"])
