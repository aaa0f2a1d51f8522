"""In French: the trainee reads what is left for their certificate on "Mon parcours", the
national coordinator creates an API token (the key shown once, on the page) and revokes it,
the API documentation renders under the site's Content-Security-Policy, and the facilitator
guide downloads for the facilitator only."""

import re

import pytest
from playwright.sync_api import expect

from .steps import site_login

pytestmark = pytest.mark.browser

TRAINEE = """
from django.contrib.auth.models import Group
from lms.accounts.models import User
from lms.accounts.roles import TRAINEE
from lms.cohorts.models import Enrollment

demo = Enrollment.objects.select_related("cohort").filter(
    trainee__username="trainee", cohort__course__code="nrm").order_by("-cohort__start_date")[0]
user, created = User.objects.get_or_create(username="journey.checklist", defaults={
    "first_name": "Fanta", "last_name": "Keïta", "language": "fr"})
user.set_password("cascade-demo")
user.save()
user.groups.add(Group.objects.get(name=TRAINEE))
Enrollment.objects.get_or_create(cohort=demo.cohort, trainee=user)
print("ok")
"""

GUIDE = """
from wagtail.documents import get_document_model
guide = get_document_model().objects.get(collection__name="Facilitator material",
                                         title__startswith="Facilitator guide")
print(guide.url)
"""


def test_trainee_sees_what_is_left_for_the_certificate_in_french(live_site, phone, shot):
    live_site.python(TRAINEE)  # a trainee of their own, enrolled in the ongoing NRM cohort
    page = phone
    site_login(page, "journey.checklist", language="fr")
    page.goto("/fr/my-learning/")
    checklist = page.locator("section.checklist").first
    expect(checklist.get_by_role("heading")).to_contain_text(
        "Ce qui reste pour obtenir votre certificat")
    expect(checklist.locator('[data-part="attendance"]')).to_contain_text("Présence jusqu")
    expect(checklist.locator('[data-part="modules"]')).to_contain_text(
        re.compile(r"Modules? : \d+ sur \d+ termin"))
    expect(checklist.locator('[data-part="post-test"]')).to_contain_text("Post-test")
    shot(page, "ce qui reste pour le certificat")
    assert page.js_errors == []


def test_national_coordinator_creates_and_revokes_an_api_token(live_site, desktop, shot):
    page = desktop
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    site_login(page, "national", language="fr")
    page.goto("/fr/dashboard/")
    page.get_by_role("link", name=re.compile(r"^Jetons d.API pour les systèmes")).click()
    page.get_by_label("À quoi sert le jeton").fill("Import DHIS2")
    page.get_by_role("button", name="Créer le jeton").click()
    key = page.locator("code[data-key]").inner_text()
    assert len(key) > 30
    shot(page, "clé affichée une fois")
    answer = page.request.get("/api/cohorts", headers={"Authorization": f"Bearer {key}"})
    assert answer.status == 200

    page.goto("/fr/dashboard/api-tokens/")
    assert key not in page.content()
    page.get_by_role("button", name="Révoquer").first.click()
    expect(page.get_by_role("status").first).to_contain_text("révoqué")
    assert page.request.get("/api/cohorts",
                            headers={"Authorization": f"Bearer {key}"}).status == 401

    page.goto("/api/docs")
    expect(page.get_by_text("/api/certificates").first).to_be_visible()
    shot(page, "documentation de l'API")
    assert violations == [] and page.js_errors == []


def test_facilitator_guide_downloads_for_the_facilitator_only(live_site, new_page):
    url = live_site.python(GUIDE).strip().splitlines()[-1]
    anonymous = new_page()
    response = anonymous.request.get(url, max_redirects=0)
    assert response.status == 302 and "login" in response.headers["location"]

    trainee = new_page()
    site_login(trainee, "trainee", language="fr")
    assert trainee.request.get(url, max_redirects=0).status == 302

    facilitator = new_page()
    site_login(facilitator, "facilitator", language="fr")
    response = facilitator.request.get(url)
    assert response.status == 200 and response.body()[:4] == b"%PDF"
