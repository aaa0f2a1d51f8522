import io

import pytest
from openpyxl import Workbook, load_workbook

from lms.accounts.models import User
from lms.cohorts.importers import (
    RosterFileError,
    RosterRejected,
    normalise_phone,
    read_roster,
    roster_check,
    roster_import,
    roster_template_csv,
    roster_template_xlsx,
)
from lms.cohorts.models import Enrollment
from tests.factories import OrganisationFactory, UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db
HEADER = "first_name,last_name,sex,function,organisation,region,phone,email"
CLEAN = "\n".join([
    HEADER,
    "Aminata,Traoré,F,social_worker,Croix-Rouge malienne,Kayes,+223 76 12 34 56,",
    "Seydou,Keïta,M,Technicien,CRM,Kayes,66123457,seydou@example.org",
    "Oumou,Sangaré,Femme,service provider,,Mopti,,",
])


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


def _xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def cohort(course):
    OrganisationFactory(name="Croix-Rouge malienne", acronym="CRM")
    return make_cohort(course=course, capacity=30)


def _errors(preview) -> dict[int, list[str]]:
    return {row.number: row.errors for row in preview.rows if row.errors}


@pytest.mark.parametrize("raw, expected", [
    ("+223 76 12 34 56", "+22376123456"), ("0022376123456", "+22376123456"),
    ("76-12-34-56", "+22376123456"), ("7612345", None), ("+22176123456", None), ("abc", None),
])
def test_phone_normalisation(raw, expected):
    assert normalise_phone(raw) == expected


def test_clean_csv_imports_everyone_and_creates_accounts_without_email(cohort, by):
    rows = read_roster(name="roster.csv", data=_csv(CLEAN))
    preview = roster_import(cohort=cohort, raw_rows=rows, by=by)
    assert preview.ok and preview.created == 3
    aminata = User.objects.get(phone="+22376123456")
    assert (aminata.username, aminata.email, aminata.sex, aminata.function) == (
        "22376123456", "", "F", "social_worker")
    assert aminata.organisation.acronym == "CRM"
    assert not aminata.has_usable_password()
    assert aminata.groups.filter(name="Trainees").exists()
    oumou = User.objects.get(last_name="Sangaré")
    assert oumou.username == "oumou.sangare" and oumou.region.name == "Mopti"
    assert User.objects.get(phone="+22366123457").function == "technician"  # French label
    assert Enrollment.objects.filter(cohort=cohort).count() == 3


def test_xlsx_with_french_headers_and_numeric_phone(cohort, by):
    data = _xlsx([["Prénom", "Nom", "Sexe", "Fonction", "Organisation", "Région", "Téléphone"],
                  ["Awa", "Diallo", "F", "Travailleur social", "CRM", "Ségou", 76000001.0],
                  [None, None, None, None, None, None, None]])
    rows = read_roster(name="ROSTER.XLSX", data=data)
    assert len(rows) == 1
    preview = roster_import(cohort=cohort, raw_rows=rows, by=by)
    assert preview.rows[0].person.phone == "+22376000001"


def test_every_error_is_reported_with_its_row_and_nothing_is_written(cohort, by):
    existing = UserFactory(first_name="Issa", last_name="Cissé", phone="+22370000000")
    enroll(cohort, existing)
    UserFactory(first_name="Hawa", last_name="Sidibé", phone="+22371111111")
    text = "\n".join([
        HEADER,
        "Aminata,Traoré,F,,,Kayes,+22376123456,",      # 2 fine
        "Awa,Touré,F,,,Atlantis,,",                    # 3 unknown region
        "Bakary,Doumbia,M,,,Kayes,1234,",              # 4 bad phone
        ",Diarra,M,,,Kayes,,",                          # 5 missing first name
        "Aminata,Traoré,F,,,Kayes,76 12 34 56,",       # 6 duplicate of row 2 (same phone)
        "Issa,Cissé,M,,,Kayes,70000000,",              # 7 already enrolled
        "Kadia,Sow,X,,,Kayes,,",                        # 8 bad sex
        "Lassana,Ballo,M,astronaut,,Kayes,,",           # 9 function kept as "other"
        "Modibo,Bah,M,,Unknown NGO,Kayes,,",            # 10 new organisation, proposed
        "Nana,Koné,F,,,Kayes,,not-an-email",            # 11 bad email
        "Someone,Else,F,,,Kayes,71111111,",             # 12 phone of another person
    ])
    rows = read_roster(name="roster.csv", data=_csv(text))
    users_before = User.objects.count()
    with pytest.raises(RosterRejected) as rejected:
        roster_import(cohort=cohort, raw_rows=rows, by=by)
    errors = _errors(rejected.value.preview)
    assert sorted(errors) == [3, 4, 5, 6, 7, 8, 11, 12]
    assert "Unknown region" in errors[3][0]
    assert "phone" in errors[4][0]
    assert "required" in errors[5][0]
    assert "row 2" in errors[6][0]
    assert "Already enrolled" in errors[7][0]
    assert "F or M" in errors[8][0]
    assert [new.name for new in rejected.value.preview.new_organisations] == ["Unknown NGO"]
    assert "e-mail" in errors[11][0]
    assert "another person" in errors[12][0]
    assert User.objects.count() == users_before
    assert Enrollment.objects.filter(cohort=cohort).count() == 1


def test_duplicate_without_phone_matches_name_and_organisation(cohort, by):
    text = "\n".join([HEADER, "Awa,Touré,F,,CRM,Kayes,,",
                      "awa,TOURE,F,,Croix-Rouge malienne,Kayes,,"])
    preview = roster_check(cohort=cohort, raw_rows=read_roster(name="r.csv", data=_csv(text)),
                           by=by)
    assert _errors(preview) == {3: ["Same person as row 2."]}


def test_reimport_same_file_creates_no_duplicates(cohort, course, by):
    rows = read_roster(name="roster.csv", data=_csv(CLEAN))
    roster_import(cohort=cohort, raw_rows=rows, by=by)
    users = User.objects.count()
    # into the same cohort: rejected row by row, nothing changes
    with pytest.raises(RosterRejected) as rejected:
        roster_import(cohort=cohort, raw_rows=rows, by=by)
    assert len(rejected.value.preview.error_rows) == 3
    # into another cohort: the same people (matched by phone, or name + organisation) are enrolled
    other = make_cohort(course=course)
    preview = roster_import(cohort=other, raw_rows=rows, by=by)
    assert preview.created == 0
    assert User.objects.count() == users
    assert Enrollment.objects.filter(cohort=other).count() == 3


def test_failure_half_way_rolls_back_everything(cohort, monkeypatch, by):
    rows = read_roster(name="roster.csv", data=_csv(CLEAN))

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Enrollment.objects, "bulk_create", broken)
    users = User.objects.count()
    with pytest.raises(RuntimeError):
        roster_import(cohort=cohort, raw_rows=rows, by=by)
    assert User.objects.count() == users


def test_capacity_is_a_file_error(course, by):
    OrganisationFactory(name="Croix-Rouge malienne", acronym="CRM")
    small = make_cohort(course=course, capacity=2)
    preview = roster_check(cohort=small, raw_rows=read_roster(name="r.csv", data=_csv(CLEAN)),
                           by=by)
    assert not preview.ok and preview.file_errors


@pytest.mark.parametrize("name, data, message", [
    ("roster.pdf", b"%PDF", ".csv or .xlsx"),
    ("roster.csv", b"", "empty"),
    ("roster.csv", b"name,phone\nA,1", "Missing column"),
    ("roster.csv", HEADER.encode(), "no trainees"),
    ("roster.xlsx", b"not a zip", "XLSX"),
])
def test_unreadable_files_are_rejected_as_a_whole(name, data, message):
    with pytest.raises(RosterFileError, match=message):
        read_roster(name=name, data=data)


def test_csv_in_windows_encoding_with_semicolons(cohort):
    text = "prenom;nom;region\nAïssata;Maïga;Gao\n"
    rows = read_roster(name="r.csv", data=text.encode("cp1252"))
    assert rows[0].values["first_name"] == "Aïssata" and rows[0].values["region"] == "Gao"


def test_templates_have_the_columns_and_a_help_sheet(cohort):
    labels = ("First name,Last name,Sex,Function,Organisation,Region,Phone,E-mail,"
              "Year of birth,Difficulty seeing,Difficulty hearing,Difficulty walking,"
              "Difficulty remembering,Difficulty with self-care,Difficulty communicating")
    assert roster_template_csv().decode("utf-8-sig").strip() == labels
    workbook = load_workbook(io.BytesIO(roster_template_xlsx()))
    first = workbook.worksheets[0]
    assert [c.value for c in first[1]] == labels.split(",")
    help_values = [row[0] for row in workbook.worksheets[1].iter_rows(values_only=True)]
    assert "Region" in help_values and "Function" in help_values
    # the template itself reads back as "no trainees", not as an error about columns
    with pytest.raises(RosterFileError, match="no trainees"):
        read_roster(name="t.xlsx", data=roster_template_xlsx())
