"""Journey 3: a regional coordinator takes attendance, sees the dashboard change, and
downloads an export."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .steps import site_login

pytestmark = pytest.mark.browser

# The smallest past Kayes cohort with a day on which people were present.
FIND_DAY = """
import json
from django.db.models import Count, Q
from lms.cohorts.models import Attendance, Cohort
cohort = (Cohort.objects.filter(region__name="Kayes", enrollments__attendances__status="present")
          .annotate(size=Count("enrollments", distinct=True)).order_by("size", "pk").first())
day = (Attendance.objects.filter(enrollment__cohort=cohort, status="present")
       .order_by("date").values_list("date", flat=True).first())
present = Attendance.objects.filter(enrollment__cohort=cohort, date=day, status="present").count()
print(json.dumps({"pk": cohort.pk, "name": cohort.name, "code": cohort.code,
                  "day": day.isoformat(),
                  "present": present}))
"""
COUNT_PRESENT = """
from lms.cohorts.models import Attendance
print(Attendance.objects.filter(enrollment__cohort_id={pk}, date="{day}", status="present").count())
"""


def _attendance_figure(page) -> str:
    page.goto("/en/dashboard/")
    figure = page.locator('[data-figure="attendance"]')
    expect(figure).to_have_text(re.compile(r"\d"))
    return figure.inner_text()


def test_coordinator_attendance_changes_the_dashboard_and_exports(live_site, desktop, shot):
    target = json.loads(live_site.python(FIND_DAY).strip().splitlines()[-1])
    assert target["present"] > 0
    page = desktop
    site_login(page, "coord.kayes")

    before = _attendance_figure(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dashboard")
    shot(page, "dashboard before")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cohorts").click()
    page.get_by_role("link", name=target["name"]).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(target["name"])
    shot(page, "cohort")
    page.goto(f"/en/cohorts/{target['pk']}/attendance/{target['day']}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Day")
    for radio in page.get_by_role("radio", name="Absent").all():
        radio.check()
    shot(page, "everyone marked absent")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_role("status")).to_be_visible()
    shot(page, "attendance saved")
    assert live_site.python(COUNT_PRESENT.format(**target)).strip().splitlines()[-1] == "0"

    after = _attendance_figure(page)
    shot(page, "dashboard after")
    assert after != before, f"the attendance rate stayed at {before}"

    exports = page.get_by_role("region", name="Exports")
    row = exports.get_by_role("listitem").filter(has_text=re.compile("attendance", re.I))
    with page.expect_download() as download_info:
        row.get_by_role("link", name="CSV").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = [cell.lower() for cell in rows[0]]
    cohort_col, date_col, status_col = (header.index(name) for name in ("cohort", "date", "status"))
    that_day = [line for line in rows[1:]
                if line[cohort_col] == target["code"] and line[date_col] == target["day"]]
    assert that_day, "the export holds the day just taken"
    assert {line[status_col] for line in that_day} == {"Absent"}  # labelled for people
    assert not page.js_errors
