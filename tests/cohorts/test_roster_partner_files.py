"""Rosters as partners really send them: French Excel with a title row, free-text
organisations and functions, UTF-16 "Unicode text", an XLSX renamed .csv, broken formulas."""

import io

import pytest
from openpyxl import load_workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from lms.accounts.models import User
from lms.cohorts.importers import (
    RosterFileError,
    read_roster,
    roster_check,
    roster_import,
    roster_template_csv,
    roster_template_xlsx,
)
from lms.cohorts.importers.organisations import OrganisationMatcher
from lms.cohorts.models import Enrollment
from lms.organisations.models import Organisation
from tests.cohorts.roster_files import (
    FRENCH_HEADER,
    french_excel_roster,
    with_cached_formula_errors,
    xlsx,
)
from tests.factories import OrganisationFactory, make_cohort

pytestmark = pytest.mark.django_db

PARTNERS = [
    ["Aïssata", "Maïga", "F", "Travailleuse sociale", "drds", "Kayes", 22376426359, None],
    ["Boubacar", "Cissé", "H", "Chauffeur", "D.R.D.S.", "KAYES", "+223 66 12 34 57", None],
    ["Fanta", "Konaté", "F", "agent de santé", "croix rouge malienne", "Kayes", None, None],
    ["Ousmane", "Sidibé", "H", "Animateur", "Association Jeunesse Active de Kayes", "Kayes",
     "70 11 22 33", "ousmane@example.org"],
    ["Rokia", "Diarra", "F", "Autre", "ASSOCIATION JEUNESSE ACTIVE DE KAYES", "Kayes", None, None],
]


@pytest.fixture
def partners():
    return {
        "drds": OrganisationFactory(name="Direction régionale du développement social"),
        "crm": OrganisationFactory(name="Croix-Rouge malienne", acronym="CRM"),
    }


@pytest.fixture
def cohort(course, partners):
    return make_cohort(course=course, capacity=30)


def test_french_excel_roster_with_title_row_and_new_organisation(cohort, partners, by):
    rows = read_roster(name="Liste participants.xlsx", data=french_excel_roster(PARTNERS))
    assert [row.number for row in rows] == [4, 5, 6, 7, 8]  # title, blank line, header
    preview = roster_check(cohort=cohort, raw_rows=rows, by=by)
    assert preview.ok, [row.errors for row in preview.rows]
    assert [(new.name, new.rows) for new in preview.new_organisations] == [
        ("Association Jeunesse Active de Kayes", [7, 8])]
    assert not Organisation.objects.filter(name__icontains="jeunesse").exists()  # only proposed

    roster_import(cohort=cohort, raw_rows=rows, by=by)
    aissata = User.objects.get(last_name="Maïga")
    assert aissata.phone == "+22376426359"  # Excel's 22376426359
    assert aissata.organisation == partners["drds"]  # initials of its name
    assert aissata.function == "social_worker"
    boubacar = User.objects.get(last_name="Cissé")
    assert (boubacar.sex, boubacar.function, boubacar.function_other) == (
        "M", "other", "Chauffeur")
    assert boubacar.organisation == partners["drds"]
    assert User.objects.get(last_name="Konaté").organisation == partners["crm"]
    new = Organisation.objects.get(name="Association Jeunesse Active de Kayes")
    assert new.region == cohort.region and new.kind == Organisation.Kind.NON_GOVERNMENTAL
    assert set(new.members.values_list("last_name", flat=True)) == {"Sidibé", "Diarra"}
    assert User.objects.get(last_name="Diarra").function_other == ""  # "Autre" is in the list
    assert Enrollment.objects.filter(cohort=cohort).count() == 5


def test_preview_offers_to_create_or_map_new_organisations(client, world, partners):
    kayes = world["cohorts"]["kayes"]
    client.force_login(world["people"]["coord_kayes"])
    data = french_excel_roster([
        ["Awa", "Traoré", "F", "", "Direction regionale du developement social", "Kayes", "",
         ""],
        ["Issa", "Ba", "H", "", "Tous pour Kita", "Kayes", "", ""],
    ])
    with translation.override("fr"):
        url = reverse("cohorts:roster_import", args=[kayes.pk])
        body = client.post(url, {"file": SimpleUploadedFile("l.xlsx", data)}).content.decode()
    assert "Nouvelles organisations" in body and "Tous pour Kita" in body
    assert "Nouvelle organisation : Tous pour Kita" in body
    drds = partners["drds"]
    assert f'value="use:{drds.pk}"' in body  # the misspelt one is suggested, not assumed
    assert 'name="org-directionregionaledudevelopementsocial"' in body
    client.post(reverse("cohorts:roster_confirm", args=[kayes.pk]), {
        "org-directionregionaledudevelopementsocial": f"use:{drds.pk}",
        "org-touspourkita": "create:community_based"})
    assert User.objects.get(last_name="Traoré").organisation == drds
    created = Organisation.objects.get(name="Tous pour Kita")
    assert (created.kind, created.region) == ("community_based", kayes.region)
    assert not Organisation.objects.filter(name__icontains="developement").exists()


def test_organisation_matching_is_lenient_but_never_guesses_between_two():
    drds = Organisation(pk=1, name="Direction régionale du développement social")
    drs = Organisation(pk=2, name="Direction régionale de la santé", acronym="DRS")
    dr_sport = Organisation(pk=3, name="Direction régionale des sports")
    matcher = OrganisationMatcher([drds, drs, dr_sport])
    for text in ("DRDS", "d.r.d.s", "direction regionale du developpement social",
                 "Direction Régionale du Développement Social (DRDS)"):
        assert matcher.match(text) is drds, text
    assert matcher.match("drs") is None  # the acronym of one, the initials of the other
    assert set(matcher.suggest("DRS")) >= {drs, dr_sport}
    assert matcher.match("ONG Inconnue") is None


def test_utf16_unicode_text_from_excel(cohort):
    text = "\t".join(FRENCH_HEADER) + "\r\nAwa\tKeïta\tF\t\tCRM\tSégou\t+223 76 00 00 01\t\r\n"
    data = text.encode("utf-16")  # Excel's "Unicode text": UTF-16 with its mark, tabs
    rows = read_roster(name="liste.txt", data=data)
    assert rows[0].values["last_name"] == "Keïta" and rows[0].values["region"] == "Ségou"
    assert read_roster(name="liste.csv", data=data)[0].values["phone"] == "+223 76 00 00 01"


def test_xlsx_renamed_csv_is_read_as_xlsx(cohort):
    data = xlsx([FRENCH_HEADER, ["Awa", "Keïta", "F", "", "", "Ségou", "", ""]])
    assert read_roster(name="liste.csv", data=data)[0].values["first_name"] == "Awa"


@pytest.mark.parametrize("name, data, message", [
    ("liste.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "neither a spreadsheet"),
    ("liste.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "old Excel"),
    ("liste.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "old Excel"),
    ("liste.xlsx", b"Prenom,Nom", "not a readable XLSX"),
])
def test_other_content_gets_a_clear_message(name, data, message):
    with pytest.raises(RosterFileError, match=message):
        read_roster(name=name, data=data)


@pytest.mark.parametrize("data", [
    "Prénom\tNom\tRégion\r\nAwa\tKeïta\tKayes\r\n".encode("utf-16"),
    xlsx([["Prénom", "Nom", "Région"], ["Awa", "Keïta", "Kayes"]]),
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00",
])
def test_upload_never_answers_500(client, world, data):
    client.force_login(world["people"]["facilitator_kayes"])
    response = client.post(reverse("cohorts:roster_import", args=[world["cohorts"]["kayes"].pk]),
                           {"file": SimpleUploadedFile("liste.csv", data)})
    assert response.status_code == 200


def test_broken_formula_cells_are_refused_by_column_name(cohort, by):
    data = with_cached_formula_errors(french_excel_roster([
        ["=Feuil2!#REF!", "Traoré", "F", "", "", "Kayes", "", ""],
        ["Awa", "Keïta", "F", "", "", "Kayes", "", ""],
    ]))
    rows = read_roster(name="liste.xlsx", data=data)
    assert rows[0].values["first_name"] == "#REF!"  # the cached value, as Excel left it
    with translation.override("fr"):
        preview = roster_check(cohort=cohort, raw_rows=rows, by=by)
    errors = {row.number: row.errors for row in preview.rows if row.errors}
    assert list(errors) == [4]
    assert "« Prénom »" in errors[4][0] or "“Prénom”" in errors[4][0]
    assert "#REF!" in errors[4][0]


def test_missing_columns_are_named_as_the_template_names_them():
    data = "Nom;Téléphone\nKeïta;76000001\n".encode()
    with translation.override("fr"), pytest.raises(RosterFileError) as error:
        read_roster(name="liste.csv", data=data)
    assert "Prénom" in str(error.value) and "Région" in str(error.value)
    assert "first_name" not in str(error.value)


def test_capacity_alone_says_exactly_what_is_wrong(client, world, course):
    small = world["cohorts"]["kayes"]
    small.capacity = 2
    small.save(update_fields=["capacity"])
    client.force_login(world["people"]["facilitator_kayes"])
    data = b"first_name,last_name,region\nAwa,Ba,Kayes\nIssa,Ba,Kayes\n"
    body = client.post(reverse("cohorts:roster_import", args=[small.pk]),
                       {"file": SimpleUploadedFile("r.csv", data)}).content.decode()
    assert "it holds 2, 1 are already enrolled and the file adds 2. Remove 1 row," in body
    assert "0 rows have errors" not in body and "Every row is correct" in body


def test_french_template_reads_back_and_lists_allowed_values_in_french(cohort):
    with translation.override("fr"):
        workbook = load_workbook(io.BytesIO(roster_template_xlsx()))
        csv_header = roster_template_csv().decode("utf-8-sig").strip()
    assert [cell.value for cell in workbook.worksheets[0][1]] == FRENCH_HEADER
    assert csv_header == ",".join(FRENCH_HEADER)
    help_rows = {row[0]: row[1] for row in workbook.worksheets[1].iter_rows(values_only=True)
                 if row and row[0]}
    assert "Travailleur social" in help_rows["Fonction"]
    assert "social_worker" not in help_rows["Fonction"]
    assert "H (homme)" in help_rows["Sexe"]
    with pytest.raises(RosterFileError, match="no trainees"):
        read_roster(name="modele.xlsx", data=roster_template_xlsx())

