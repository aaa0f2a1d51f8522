"""Exports people open in a spreadsheet: labels in their language, codes only on request, and
no cell a spreadsheet would run as a formula (names are typed by anyone importing a roster)."""

import csv
import io

import pytest
from openpyxl import load_workbook

from django.urls import reverse
from django.utils import translation

from lms.accounts.models import User
from lms.cohorts.importers import roster_template_xlsx
from lms.reporting import services
from lms.reporting.filters import Filters
from lms.reporting.models import Export
from lms.reporting.tables import TABLES
from tests.curriculum.factories import translate_tree

EVIL = ["=HYPERLINK(\"http://evil.example/\",\"x\")", "+cmd|' /C calc'!A0", "-1+1",
        "@SUM(A1:A9)"]
FORMULA_START = ("=", "+", "-", "@")


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def _xlsx(content: bytes) -> list[list]:
    sheets = load_workbook(io.BytesIO(content)).worksheets
    return [list(row) for sheet in sheets for row in sheet.iter_rows()]


def _assert_no_formula_csv(rows: list[list[str]]) -> None:
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START) and c.lstrip("+-").strip()
                and not c.lstrip("+-")[0].isdigit()]
    assert any(c.startswith("'=HYPERLINK") for c in cells)


def _assert_no_formula_xlsx(rows: list[list]) -> None:
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(FORMULA_START) and not t.lstrip("+-")[:1]
                .isdigit()]


@pytest.fixture
def evil_names(dataset):
    for user, name in zip(User.objects.filter(username__in=["k1", "k2", "k3", "t1"])
                          .order_by("username"), EVIL, strict=True):
        user.first_name = name
        user.last_name = name
        user.save()
    dataset["ngo"].name = "=1+2"
    dataset["ngo"].save()
    return dataset


def test_every_reporting_export_neutralises_formulas(client, evil_names):
    client.force_login(evil_names["national"])
    for table in TABLES:
        csv_rows = _csv(client.get(reverse("reporting:export", args=[table, "csv"])))
        xlsx_rows = _xlsx(client.get(reverse("reporting:export", args=[table, "xlsx"])).content)
        if table == "trainees":
            _assert_no_formula_csv(csv_rows)
        _assert_no_formula_xlsx(xlsx_rows)
        assert not [c for row in csv_rows for c in row if c.startswith(("=", "@"))], table


def test_background_export_neutralises_formulas(evil_names):
    for fmt in ("csv", "xlsx"):
        export = Export.objects.create(owner=evil_names["national"], table="trainees",
                                       format=fmt, filters={})
        services.export_build(export=export)
        content = export.file.open("rb").read()
        if fmt == "csv":
            _assert_no_formula_csv(list(csv.reader(io.StringIO(content.decode("utf-8-sig")))))
        else:
            _assert_no_formula_xlsx(_xlsx(content))


def test_roster_export_and_template_neutralise_formulas(client, evil_names):
    client.force_login(evil_names["national"])
    rows = _csv(client.get(reverse("cohorts:roster_export", args=[evil_names["kayes"].pk])))
    _assert_no_formula_csv(rows)
    assert "'=1+2" in [cell for row in rows for cell in row]
    template = _xlsx(roster_template_xlsx())
    _assert_no_formula_xlsx(template)
    assert "'=1+2" in [c.value for row in template for c in row]


def test_french_exports_give_people_labels_and_programs_codes(client, dataset):
    translate_tree({"home": dataset["course"].get_parent().get_parent(),
                    "catalogue": dataset["course"].get_parent(), "course": dataset["course"],
                    "modules": []})
    User.objects.filter(username="k1").update(function=User.Function.SERVICE_PROVIDER)
    client.force_login(dataset["national"])
    with translation.override("fr"):
        url = reverse("reporting:export", args=["trainees", "csv"])
        attendance_url = reverse("reporting:export", args=["attendance", "csv"])
    header, *rows = _csv(client.get(url, {"region": "kayes"}))
    assert header[:5] == ["Nom d\u2019utilisateur", "Prénom", "Nom", "Sexe", "Fonction"]
    k1 = next(row for row in rows if row[0] == "k1")
    assert k1[3] == "Femme" and k1[4] == "Prestataire de services"
    assert k1[6] == "Non gouvernementale" and k1[11] == "Terminé"
    assert k1[8] == "Mécanisme national de référencement"
    cells = {cell for row in rows for cell in row}
    assert "service_provider" not in cells and "completed" not in cells
    statuses = {row[3] for row in _csv(client.get(attendance_url))[1:]}
    assert statuses == {"Présent", "Absent", "Excusé"}
    # The same table for a program: column keys and codes.
    header, *rows = _csv(client.get(url, {"region": "kayes", "codes": "1"}))
    assert header[:5] == ["username", "first_name", "last_name", "sex", "function"]
    k1 = next(row for row in rows if row[0] == "k1")
    assert (k1[3], k1[4], k1[8], k1[11]) == ("F", "service_provider", "nrm", "completed")


def test_background_export_is_written_in_the_asking_language(dataset):
    with translation.override("fr"):
        export = services.export_create(owner=dataset["national"], table="attendance",
                                        fmt="csv", filters=Filters())
    services.export_build(export=export)
    rows = list(csv.reader(io.StringIO(export.file.open("rb").read().decode("utf-8-sig"))))
    assert rows[0] == ["Cohorte", "Nom d\u2019utilisateur", "Date", "Statut"]
    assert {row[3] for row in rows[1:]} == {"Présent", "Absent", "Excusé"}
