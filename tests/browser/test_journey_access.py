"""Journey: giving trainees access, in French. A regional coordinator signs in (and lands on
their cohorts), prints the log-in slips of a Kayes cohort; a trainee signs in on a phone with
the username and one-time code of their slip, must choose a password, and lands on "Mon
apprentissage"; the code no longer works afterwards."""

import json
import re

import pytest
from playwright.sync_api import expect

from .steps import site_login

pytestmark = pytest.mark.browser

# A Kayes cohort and one of its trainees who never signed in (imported, no password).
FIND_TRAINEE = """
import json
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from lms.cohorts.models import Enrollment
e = (Enrollment.objects.filter(cohort__region__name="Kayes", status="enrolled",
                               trainee__password__startswith=UNUSABLE_PASSWORD_PREFIX,
                               trainee__groups__name="Trainees")
     .select_related("cohort", "trainee").order_by("cohort__start_date", "pk").last())
print(json.dumps({"pk": e.cohort.pk, "name": e.cohort.name, "username": e.trainee.username}))
"""
NEW_PASSWORD = "Kayes-Fiche-2026"


def test_coordinator_prints_slips_and_a_trainee_signs_in_with_one(live_site, desktop,
                                                                   new_page, shot):
    target = json.loads(live_site.python(FIND_TRAINEE).strip().splitlines()[-1])
    page = desktop
    site_login(page, "coord.kayes", language="fr")
    expect(page).to_have_url(re.compile(r"/fr/cohorts/$"))  # not an empty "Mon apprentissage"
    expect(page.get_by_role("heading", level=1)).to_have_text("Cohortes")
    shot(page, "coordinator lands on cohorts")

    page.goto(f"/fr/cohorts/{target['pk']}/")
    page.get_by_role("link", name="Fiches de connexion").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fiches de connexion")
    expect(page.get_by_role("main")).to_contain_text(target["username"])
    shot(page, "who gets a slip")
    page.get_by_role("button", name="Imprimer leurs fiches de connexion").click()
    slip = page.locator("section.slip").filter(has_text=target["username"])
    expect(slip).to_contain_text("Code à usage unique")
    code = slip.locator("[data-code]").inner_text().strip()
    assert re.fullmatch(r"[a-z2-9]{8}", code), code
    shot(page, "printed slips")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    shot(page, "slips as printed")

    trainee = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    trainee.goto("/fr/accounts/login/")
    trainee.get_by_label(re.compile(r"Nom d.utilisateur", re.I)).fill(target["username"])
    trainee.get_by_label(re.compile(r"Mot de passe", re.I)).fill(code)
    trainee.get_by_role("main").get_by_role("button", name=re.compile("connecter|Connexion",
                                                                      re.I)).click()
    expect(trainee.get_by_role("heading", level=1)).to_have_text("Choisissez votre mot de passe")
    shot(trainee, "trainee must choose a password")
    trainee.goto("/fr/my-learning/")  # nothing else opens before a password is chosen
    expect(trainee.get_by_role("heading", level=1)).to_have_text("Choisissez votre mot de passe")
    trainee.get_by_label(re.compile(r"^Nouveau mot de passe\s*:?$")).fill(NEW_PASSWORD)
    trainee.get_by_label(re.compile(r"^Confirmation du nouveau mot de passe")).fill(NEW_PASSWORD)
    trainee.get_by_role("button", name="Enregistrer mon mot de passe").click()
    expect(trainee.get_by_role("heading", level=1)).to_have_text("Mon apprentissage")
    expect(trainee.get_by_role("status")).to_contain_text("mot de passe est enregistré")
    shot(trainee, "trainee lands on my learning")

    # the slip's code is used up; the chosen password works
    trainee.get_by_role("button", name=re.compile("déconnecter|Déconnexion", re.I)).click()
    trainee.goto("/fr/accounts/login/")
    trainee.get_by_label(re.compile(r"Nom d.utilisateur", re.I)).fill(target["username"])
    trainee.get_by_label(re.compile(r"Mot de passe", re.I)).fill(code)
    trainee.get_by_role("main").get_by_role("button", name=re.compile("connecter|Connexion",
                                                                      re.I)).click()
    expect(trainee.get_by_role("main")).to_contain_text(re.compile("incorrect|saisissez", re.I))
    site_login(trainee, target["username"], language="fr", password=NEW_PASSWORD)
    expect(trainee.get_by_role("heading", level=1)).to_have_text("Mon apprentissage")
