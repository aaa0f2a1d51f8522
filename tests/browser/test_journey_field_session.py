"""Journey in French on a 360x740 phone (issue #13, "a recorded trainer runs a downstream
session"): the demo trainee `trainer.kayes`, recorded as a trainer in the 2022 Kayes workshop,
signs in, creates a level-2 session, enrols three people, takes two days of attendance,
attaches the photo of the signed sheet and closes the session; the Kayes coordinator finds it
in "Sessions à valider" and validates it; the dashboard's level-2 reach and active trainers
move accordingly."""

import datetime
import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from .steps import site_login

pytestmark = pytest.mark.browser

SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
               "is_mobile": True, "has_touch": True}
PEOPLE = [("Oumou", "Sylla"), ("Bakary", "Niakaté"), ("Kadidia", "Doucouré")]
RESET = """
from lms.cohorts.models import Cohort
Cohort.objects.filter(facilitators__username="trainer.kayes").delete()
"""
TODAY = "from lms.cohorts.services import training_today; print(training_today().isoformat())"


def _figures(page) -> tuple[int, int]:
    """Level-2 people reached (the cascade table) and active trainers, as the page shows them."""
    page.goto("/fr/dashboard/")
    cascade = page.locator("section[aria-labelledby=cascade-heading] table").first
    row = cascade.locator("tbody tr").filter(has=page.locator("th", has_text=re.compile(r"^2$")))
    people = int(re.sub(r"\D", "", row.locator("td").nth(1).inner_text()))
    active = int(page.locator("[data-active-trainers]").get_attribute("data-active-trainers"))
    return people, active


def _sheet_photo(tmp_path) -> str:
    path = tmp_path / "feuille-signee.jpg"
    out = io.BytesIO()
    Image.new("RGB", (3000, 4000), (245, 245, 240)).save(out, "JPEG", quality=85)
    path.write_bytes(out.getvalue())
    return str(path)


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_trainer_runs_a_session_and_the_coordinator_validates_it(live_site, new_page, shot,
                                                                  tmp_path):
    live_site.python(RESET)
    today = datetime.date.fromisoformat(live_site.python(TODAY).strip().splitlines()[-1])
    yesterday = today - datetime.timedelta(days=1)
    coordinator = new_page(**SMALL_PHONE)
    site_login(coordinator, "coord.kayes", language="fr")
    reach_before, active_before = _figures(coordinator)

    page = new_page(**SMALL_PHONE)
    site_login(page, "trainer.kayes", language="fr")
    page.get_by_role("link", name="Mes sessions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes sessions")
    _fits(page)
    shot(page, "mes sessions")
    page.get_by_role("link", name="Nouvelle session").click()
    page.get_by_label("Formation").select_option(index=1)
    page.get_by_label("Premier jour").fill(yesterday.isoformat())
    page.get_by_label("Dernier jour").fill(today.isoformat())
    page.get_by_label("Lieu").fill("Salle de la mairie")
    page.get_by_label("Commune").fill("Diboli")
    _fits(page)
    shot(page, "nouvelle session")
    page.get_by_role("button", name="Créer la session").click()
    expect(page.get_by_text("Session créée.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Diboli")
    session_url = page.url

    for first, last in PEOPLE:
        page.get_by_role("link", name="Inscrire une personne").click()
        page.get_by_label("Prénom").fill(first)
        page.get_by_label(re.compile(r"^Nom\W*$")).fill(last)
        page.get_by_role("button", name="Inscrire", exact=True).click()
        expect(page.get_by_text("Inscrit.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("3 participants")
    shot(page, "trois inscrits")

    for day, status in ((yesterday, "Présent"), (today, "Absent")):
        page.get_by_role("link", name="Relever les présences").click()
        page.goto(page.url.rstrip("/") + f"/{day.isoformat()}/")
        page.get_by_role("group", name=re.compile(PEOPLE[0][0])).get_by_label(status).check()
        page.get_by_role("button", name=re.compile("autres présents", re.I)).click()
        expect(page.get_by_text("Présences enregistrées pour le")).to_be_visible()
        _fits(page)
        page.goto(session_url)
    expect(page.locator("main table")).to_contain_text("Oumou")
    shot(page, "appel fait")

    page.get_by_role("link", name="Clôturer la session").click()
    page.get_by_role("button", name="Clôturer et envoyer pour validation").click()
    expect(page.locator("main .errorlist")).to_contain_text("Joignez une photo")  # no file
    page.get_by_label(re.compile("^Photo ou scan de la feuille")).set_input_files(
        _sheet_photo(tmp_path))
    _fits(page)
    shot(page, "feuille jointe")
    page.get_by_role("button", name="Clôturer et envoyer pour validation").click()
    expect(page.get_by_text("Session clôturée et envoyée")).to_be_visible()
    expect(page.get_by_role("link", name="Inscrire une personne")).to_have_count(0)
    shot(page, "session cloturee")
    assert _figures(coordinator) == (reach_before, active_before)  # pending: not counted

    coordinator.goto("/fr/cohorts/sessions/to-validate/")
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Sessions à valider")
    row = coordinator.get_by_role("row").filter(has_text="Diboli")
    row.get_by_role("link", name="Examiner la session").click()
    with coordinator.expect_download() as download:
        coordinator.get_by_role("link", name="Ouvrir la feuille signée").click()
    with Image.open(download.value.path()) as image:
        assert max(image.size) == 2000  # the phone photo, resized
    _fits(coordinator)
    shot(coordinator, "examen")
    coordinator.get_by_role("button", name="Valider", exact=True).click()
    expect(coordinator.get_by_text("Session validée")).to_be_visible()

    reach_after, active_after = _figures(coordinator)
    shot(coordinator, "tableau de bord")
    assert reach_after == reach_before + 3
    assert active_after == active_before + 1
    page.get_by_role("link", name="Mes sessions").click()
    expect(page.locator("[data-trainer-active]")).to_have_text("Formateur actif")
