import csv
import io

from openpyxl import load_workbook

from django.urls import reverse

from lms.reporting.models import Export
from tests.factories import UserFactory


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def _xlsx(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_numbers_equal_the_page(client, dataset):
    client.force_login(dataset["national"])
    page = client.get(reverse("reporting:dashboard"))
    regions_on_page = {row["label"]: (row["people"], row["certified"])
                       for item in page.context["breakdowns"] if item["key"] == "region"
                       for row in item["rows"]}
    response = client.get(reverse("reporting:export", args=["by_region", "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    header, *rows = _xlsx(response.content)
    assert header == ("Region", "People reached", "Certified")
    assert {name: (people, certified) for name, people, certified in rows} == regions_on_page
    assert sum(people for _, people, _ in rows) == page.context["headline"]["people"]


def test_trainees_csv_follows_filters_and_scope(client, dataset):
    client.force_login(dataset["kayes_coord"])
    rows = _csv(client.get(reverse("reporting:export", args=["trainees", "csv"])))
    assert rows[0][0] == "Username"
    assert sorted(row[0] for row in rows[1:]) == ["k1", "k2", "k3"]
    rows = _csv(client.get(reverse("reporting:export", args=["trainees", "csv"]),
                           {"org_kind": "governmental"}))
    assert [row[0] for row in rows[1:]] == ["k2"]


def test_every_table_exports_in_both_formats(client, dataset):
    client.force_login(dataset["national"])
    for table in ["trainees", "cohorts", "attendance", "results", "certificates"]:
        rows = _csv(client.get(reverse("reporting:export", args=[table, "csv"])))
        assert len(rows) > 1, table
        xlsx = _xlsx(client.get(reverse("reporting:export", args=[table, "xlsx"])).content)
        assert len(xlsx) == len(rows), table
    attendance = _csv(client.get(reverse("reporting:export", args=["attendance", "csv"])))
    assert len(attendance) == 1 + 5
    results = _csv(client.get(reverse("reporting:export", args=["results", "csv"])))
    k1 = next(row for row in results if row[1] == "k1")
    assert [float(v) for v in k1[2:5]] == [40.0, 80.0, 40.0]


def test_unknown_table_or_format_is_404(client, dataset):
    client.force_login(dataset["national"])
    assert client.get("/en/dashboard/export/passwords.csv").status_code == 404
    assert client.get("/en/dashboard/export/trainees.pdf").status_code == 404


def test_large_export_goes_through_the_task(client, dataset, settings,
                                            django_capture_on_commit_callbacks):
    settings.REPORTING_EXPORT_SYNC_MAX_ROWS = 2
    client.force_login(dataset["kayes_coord"])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.get(reverse("reporting:export", args=["trainees", "xlsx"]),
                              {"region": "kayes"})
    export = Export.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:export_detail", args=[export.uuid])
    waiting = client.get(response["Location"]).content.decode()
    assert "Waiting" in waiting and 'http-equiv="refresh"' in waiting
    assert len(queued) == 1
    queued[0]()  # the task (eager in tests)
    export.refresh_from_db()
    assert export.status == Export.Status.DONE and export.progress == 100
    assert export.row_count == 3 and export.filters == {"region": "kayes", "_language": "en"}
    page = client.get(response["Location"]).content.decode()
    download = reverse("reporting:export_download", args=[export.uuid])
    assert download in page
    rows = _xlsx(b"".join(client.get(download).streaming_content))
    assert sorted(row[0] for row in rows[1:]) == ["k1", "k2", "k3"]

    other = UserFactory(username="other-coord")
    client.force_login(other)
    assert client.get(download).status_code == 404
    assert client.get(response["Location"]).status_code == 404


def test_background_export_is_idempotent_and_holds_the_owners_scope(dataset):
    from lms.reporting.filters import Filters
    from lms.reporting.services import export_build

    export = Export.objects.create(owner=dataset["kayes_coord"], table="trainees",
                                   format="csv", filters=Filters(region="mopti").as_query())
    export_build(export=export)
    export.refresh_from_db()
    assert export.row_count == 0  # Mopti is outside a Kayes coordinator's scope
    name = export.file.name
    export_build(export=export)
    export.refresh_from_db()
    assert export.file.name == name


def test_background_export_reports_progress(dataset, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lms.reporting import services

    monkeypatch.setattr(services, "EXPORT_BATCH", 1)
    for fmt in ("xlsx", "csv"):
        export = Export.objects.create(owner=dataset["national"], table="trainees",
                                       format=fmt, filters={"region": "kayes"})
        with CaptureQueriesContext(connection) as queries:
            services.export_build(export=export)
        updates = [q["sql"] for q in queries.captured_queries
                   if q["sql"].startswith('UPDATE "reporting_export" SET "progress"')]
        assert [sql.split("= ", 1)[1].split(" ")[0] for sql in updates] == ["33", "66", "99"]
        export.refresh_from_db()
        assert (export.status, export.progress, export.row_count) == ("done", 100, 3)
