"""Journey in French on a 360x740 phone: on the last day of their training a trainee finds
"Évaluez votre formation" on "Mon apprentissage", forgets one answer (the page says which),
answers anonymously, is thanked, and cannot answer twice; their facilitator's page counts the
answer and names nobody."""

import json
import re

import pytest
from playwright.sync_api import expect

from .steps import site_login
from .test_journey_french_coordinator import SMALL_PHONE, SMALL_TARGETS

pytestmark = pytest.mark.browser
PASSWORD = "Reaction-2026!"

# A Sikasso trainee of 2022 in a new session of the same course that ends today (Bamako).
SETUP = """
import json
from lms.cohorts.models import Cohort, Enrollment
from lms.cohorts.services import training_today
from lms.accounts.models import User
e = (Enrollment.objects.filter(cohort__region__name="Sikasso", cohort__start_date__year=2022,
                               trainee__groups__name="Trainees")
     .select_related("cohort", "trainee").order_by("pk").first())
person = e.trainee
person.set_password(%(password)r); person.must_change_password = False; person.language = "fr"
person.save()
today = training_today()
cohort, _ = Cohort.objects.get_or_create(code="journey-reaction", defaults=dict(
    name="Session de restitution Koutiala", course=e.cohort.course, region=e.cohort.region,
    start_date=today, end_date=today, level=e.cohort.level, language="fr"))
cohort.facilitators.set(e.cohort.facilitators.all())
enrollment, _ = Enrollment.objects.get_or_create(cohort=cohort, trainee=person)
print(json.dumps({"username": person.username, "enrollment": enrollment.pk,
                  "cohort": cohort.pk, "last_name": person.last_name,
                  "facilitator": cohort.facilitators.order_by("pk").first().username}))
"""


def test_trainee_answers_the_reaction_form_in_french_on_a_phone(live_site, new_page, shot):
    target = json.loads(live_site.python(SETUP % {"password": PASSWORD})
                        .strip().splitlines()[-1])
    page = new_page(**SMALL_PHONE)
    site_login(page, target["username"], language="fr", password=PASSWORD)
    page.goto("/fr/my-learning/")
    section = page.get_by_role("region", name="Évaluez votre formation")
    expect(section).to_contain_text("Session de restitution Koutiala")
    shot(page, "my learning offers the evaluation")
    section.get_by_role("link", name="Évaluer cette formation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Évaluer la formation")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # the tap targets: each answer's whole row (its label holds the radio), the anonymous
    # box's label, the buttons and links
    small = page.evaluate(SMALL_TARGETS, "main button, .reaction .choices label, "
                                         ".reaction .anonymous label, header a")
    assert small == [], small

    groups = page.locator("fieldset")
    assert groups.count() == 4  # content, facilitation, relevance, venue
    for index in range(3):  # the venue question left out
        groups.nth(index).get_by_label("D\u2019accord", exact=True).check()
    page.get_by_label(re.compile("^Qu.allez-vous appliquer")).fill(
        "Orienter les personnes vulnérables par le MNR.")
    page.get_by_label("Répondre de façon anonyme").check()
    page.get_by_role("button", name="Envoyer mon évaluation").click()
    venue = page.locator("fieldset").nth(3)
    expect(venue.get_by_role("alert")).to_contain_text("Choisissez une réponse.")
    shot(page, "the forgotten answer is named")
    # what was ticked is kept; the anonymous box too
    agree = page.locator("fieldset").nth(0).get_by_label("D\u2019accord", exact=True)
    expect(agree).to_be_checked()
    expect(page.get_by_label("Répondre de façon anonyme")).to_be_checked()
    venue.get_by_label("Tout à fait d\u2019accord").check()
    page.get_by_role("button", name="Envoyer mon évaluation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Merci")
    expect(page.get_by_role("status")).to_contain_text("évaluation est enregistrée")
    shot(page, "thanks")

    page.goto(f"/fr/evaluations/{target['enrollment']}/")
    expect(page.get_by_role("main")).to_contain_text("déjà évalué cette formation")
    page.goto("/fr/my-learning/")
    expect(page.get_by_role("region", name="Évaluez votre formation")).to_have_count(0)

    checked = live_site.python(
        "from lms.evaluations.models import Response, Receipt\n"
        f"r = Response.objects.get(cohort_id={target['cohort']})\n"
        f"print(r.trainee_id, Receipt.objects.filter(enrollment_id={target['enrollment']})"
        ".count(), str(r.score))").strip().splitlines()[-1]
    assert checked == "None 1 4.25"

    facilitator = new_page()
    site_login(facilitator, target["facilitator"], language="fr")
    facilitator.goto(f"/fr/evaluations/cohorts/{target['cohort']}/")
    expect(facilitator.get_by_role("heading", level=1)).to_have_text(
        "Évaluations des participants")
    expect(facilitator.get_by_role("main")).to_contain_text(re.compile(r"1 participants? sur"))
    expect(facilitator.get_by_role("main")).not_to_contain_text(target["last_name"])
    shot(facilitator, "facilitator reads the answers")
