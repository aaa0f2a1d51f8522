"""Journey in French, on a 360x740 phone and on a desktop: a national coordinator reads a
correct French dashboard (every SVG number parses, figures in French notation, no userbar),
downloads a labelled French table; a trainee marks a module complete and sees the
confirmation, a visible Undo and the next module."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .steps import site_login

pytestmark = pytest.mark.browser

SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
               "is_mobile": True, "has_touch": True}

# Every number written in the charts' and map's markup, as the browser parsed the page.
SVG_NUMBERS = """() => {
  const names = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height"];
  const out = [];
  for (const svg of document.querySelectorAll("svg.report-chart, svg.report-map")) {
    out.push(...svg.getAttribute("viewBox").split(" "));
    for (const el of svg.querySelectorAll("*")) {
      for (const name of names) { if (el.hasAttribute(name)) out.push(el.getAttribute(name)); }
      if (el.hasAttribute("points")) out.push(...el.getAttribute("points").split(/[ ,]/));
    }
  }
  return out;
}"""

# Controls smaller than 44 px in either direction (inline links in running text excepted).
SMALL_TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.offsetParent !== null)
  .map(el => { const r = el.getBoundingClientRect();
               return {text: (el.innerText || el.value || el.name || "").trim().slice(0, 40),
                       w: Math.round(r.width), h: Math.round(r.height)}; })
  .filter(box => box.w < 44 || box.h < 44)"""

TARGETS = ("header a, header button, main button, main .button, main input[type=radio], "
           "main input[type=checkbox], .pager a, .completion a")

MODULES = """
import json
from curriculum.models import ModulePage
from lms.cohorts.models import Enrollment
from wagtail.models import Locale
enrollment = Enrollment.objects.select_related("cohort__course").filter(
    trainee__username="trainee").order_by("-cohort__start_date")[0]
course = enrollment.cohort.course.get_translation(Locale.objects.get(language_code="fr"))
modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
print(json.dumps({"first": modules[0].url, "second_title": modules[1].title}))
"""

UNDO_ALL = """
from curriculum.models import ModuleCompletion
ModuleCompletion.objects.filter(user__username="trainee").delete()
"""


def _small(page, selector: str = TARGETS) -> list:
    return page.evaluate(SMALL_TARGETS, selector)


def test_french_dashboard_on_a_phone_then_a_labelled_export(live_site, new_page, shot):
    page = new_page(**SMALL_PHONE)
    site_login(page, "national", language="fr")
    page.goto("/fr/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord")
    shot(page, "tableau de bord")

    numbers = page.evaluate(SVG_NUMBERS)
    assert len(numbers) > 100
    assert [n for n in numbers if not re.fullmatch(r"-?\d+(\.\d+)?", n)] == []
    # Figures people read, in French notation: "92,7 %", "+31,7 points".
    attendance = page.locator('[data-figure="attendance"]').inner_text()
    assert re.fullmatch(r"\d{1,3}(,\d)?\s%", attendance), attendance
    gain = page.locator('[data-figure="gain"]').inner_text()
    assert re.fullmatch(r"[+-]\d+(,\d)?\spoints", gain), gain
    body = page.locator("main").inner_text()
    assert not re.search(r"\d[.,]\d{3,}", body.replace("\u202f", "").replace("\xa0", ""))
    # Map labels: one number per region, written at one position each.
    labels = page.locator("svg.report-map text").all_text_contents()
    assert labels and all(re.fullmatch(r"\d[\d\s\u202f\xa0]*", label) for label in labels)
    # The staff page carries no Wagtail userbar, and its controls are finger-sized.
    assert page.locator("wagtail-userbar").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert _small(page, "header a, header button, main button") == []

    desktop = new_page()
    site_login(desktop, "national", language="fr")
    desktop.goto("/fr/dashboard/")
    exports = desktop.get_by_role("region", name="Exports")
    row = exports.get_by_role("listitem").filter(has_text=re.compile("^Participants"))
    with desktop.expect_download() as download_info:
        row.get_by_role("link", name="CSV", exact=True).click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert header[:5] == ["Nom d\u2019utilisateur", "Prénom", "Nom", "Sexe", "Fonction"]
    cells = {cell for row in rows for cell in row}
    assert {"Femme", "Homme"} <= cells and "Terminé" in cells
    assert not cells & {"service_provider", "social_worker", "completed", "enrolled", "F", "M"}
    shot(desktop, "export telecharge")


def test_trainee_marks_a_module_complete_on_a_phone(live_site, new_page, shot):
    live_site.python(UNDO_ALL)
    plan = json.loads(live_site.python(MODULES).strip().splitlines()[-1])
    page = new_page(**SMALL_PHONE)
    site_login(page, "trainee", language="fr")
    page.goto(plan["first"])
    assert page.locator("wagtail-userbar").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert _small(page) == []
    page.get_by_role("button", name="Marquer comme terminé").click()
    page.wait_for_load_state()
    shot(page, "module termine")

    status = page.locator("#completion").get_by_role("status")
    expect(status).to_contain_text("le module est marqué comme terminé")
    expect(status).to_be_in_viewport()
    undo = page.locator("#completion").get_by_role("button", name="Annuler")
    expect(undo).to_be_in_viewport()
    colour, background = undo.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    assert colour != background and colour not in ("rgb(255, 255, 255)",), (colour, background)
    following = page.locator("#completion").get_by_role(
        "link", name=re.compile("^Module suivant : " + re.escape(plan["second_title"])))
    expect(following).to_be_in_viewport()
    assert _small(page) == []
    following.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(plan["second_title"])
    assert not page.js_errors


KAYES_COHORT = """
from lms.cohorts.models import Cohort
print(Cohort.objects.filter(region__name="Kayes").order_by("-start_date").first().pk)
"""
ROSTER = ("prénom,nom,sexe,fonction,organisation,région,téléphone,email\n"
          "Aminata,Traoré,F,social_worker,,Kayes,+223 76 12 34 56,\n"
          "Oumar,Keïta,X,social_worker,,Kayes,12345,pas-une-adresse\n")


def test_roster_preview_errors_stay_on_a_phone_screen(live_site, new_page, shot, tmp_path):
    cohort = live_site.python(KAYES_COHORT).strip().splitlines()[-1]
    roster = tmp_path / "liste.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    page = new_page(**SMALL_PHONE)
    site_login(page, "coord.kayes", language="fr")
    page.goto(f"/fr/cohorts/{cohort}/import/")
    page.locator('input[type="file"]').set_input_files(str(roster))
    page.get_by_role("button", name="Vérifier le fichier").click()
    page.wait_for_load_state()
    shot(page, "apercu avec erreurs")
    errors = page.locator(".row-errors ul li")
    expect(errors.first).to_be_visible()
    for box in [error.bounding_box() for error in errors.all()]:
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
