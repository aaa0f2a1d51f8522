"""French pages: numbers inside markup are never localised (an SVG coordinate "71,4" is two
coordinates), numbers people read are, rounded to what makes sense."""

import csv
import io
import re
from decimal import Decimal

from bs4 import BeautifulSoup

from django.urls import reverse
from django.utils import translation

from lms.quizzes.models import Quiz, Sitting
from lms.reporting.rollups import totals_rebuild
from tests.reporting.conftest import sit

NUMERIC = {"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height",
           "stroke-width", "font-size", "data-value"}


def _svg_numbers(html: str) -> list[str]:
    """Every number written in an attribute of the page's charts and map."""
    soup = BeautifulSoup(html, "html.parser")
    numbers = []
    svgs = soup.select("svg.report-chart, svg.report-map")
    assert svgs
    for svg in svgs:
        for element in [svg, *svg.find_all(True)]:
            for name, value in element.attrs.items():
                if name in NUMERIC and value != "":
                    numbers.append(value)
                elif name == "viewbox":
                    numbers += value.split()
                elif name == "points":
                    numbers += [n for pair in value.split() for n in pair.split(",")]
                elif name == "d":
                    numbers += [n for pair in re.split(r"[MLZ]", value) if pair
                                for n in pair.split(",")]
                elif name == "transform":
                    numbers += re.findall(r"[-\d.,]+", value.split("(", 1)[1])[0].split()
    return numbers


def _fr_dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get("/fr/dashboard/")
    assert response.status_code == 200
    return response.content.decode()


def test_every_svg_number_on_the_french_dashboard_parses(client, dataset):
    html = _fr_dashboard(client, dataset["national"])
    numbers = _svg_numbers(html)
    assert len(numbers) > 100
    bad = [n for n in numbers if not re.fullmatch(r"-?\d+(\.\d+)?", n)]
    assert bad == []
    # Kayes (3 people) is labelled 3 on the map: a single number at a single position.
    kayes = re.search(r'<text x="([^"]+)" y="([^"]+)"[^>]*>3</text>', html)
    assert kayes and float(kayes[1]) > 0


def test_people_read_french_numbers_rounded(client, dataset):
    m1 = dataset["enrollments"]["m1"].trainee
    sit(m1, Quiz.objects.get(slug="pre"), dataset["mopti"], 0)
    post = sit(m1, Quiz.objects.get(slug="post"), dataset["mopti"], 0)
    # A score with decimals, as a quiz of three questions gives.
    Sitting.objects.filter(pk=post.pk).update(score_percent=Decimal("66.67"))
    totals_rebuild()  # written past the services
    html = _fr_dashboard(client, dataset["national"])
    # Gains: k1 +40, k2 +10, m1 +66.67 → 38.9 (one decimal, French comma, explicit sign).
    assert re.search(r'data-figure="gain">\+38,9&nbsp;points<', html)
    assert re.search(r'data-figure="attendance">75&nbsp;%<', html)
    assert "Score moyen au pré-test 30 %, score moyen au post-test 68,9 %" in html
    cohort = client.get(reverse("reporting:cohort", args=[dataset["mopti"].pk])).content.decode()
    assert "<td>66,7</td>" in cohort and "66,67" not in cohort and "6700" not in cohort


def test_exports_round_scores_and_drop_microseconds(client, dataset):
    m1 = dataset["enrollments"]["m1"].trainee
    post = sit(m1, Quiz.objects.get(slug="post"), dataset["mopti"], 0)
    Sitting.objects.filter(pk=post.pk).update(score_percent=Decimal("66.67"))
    client.force_login(dataset["national"])
    for table in ["results", "trainees", "certificates"]:
        body = b"".join(client.get(reverse("reporting:export", args=[table, "csv"]))
                        .streaming_content).decode("utf-8-sig")
        assert not re.search(r"\d\.\d{3,}", body), (table, body)  # no 66.6700000 nor .123456
        rows = list(csv.reader(io.StringIO(body)))
        if table == "results":
            assert next(row for row in rows if row[1] == "m1")[3] == "66.7"
        if table == "trainees":
            done = next(row for row in rows if row[0] == "k1")[12]
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", done)


def test_attendance_counts_agree_in_number_in_french(client, dataset):
    client.force_login(dataset["national"])
    with translation.override("fr"):
        url = reverse("cohorts:attendance", args=[dataset["kayes"].pk])
    html = client.get(url).content.decode()
    # Day 2: k1 present, k2 absent.
    assert "1 présent, 1 absent, 0 excusé" in html
    assert "absents" not in html


def test_french_pages_name_the_course_in_french(client, dataset):
    from tests.curriculum.factories import translate_tree

    course = dataset["course"]
    translate_tree({"home": course.get_parent().get_parent(), "catalogue": course.get_parent(),
                    "course": course, "modules": []})
    french, english = "Mécanisme national de référencement", "National Referral Mechanism"
    client.force_login(dataset["national"])
    kayes = dataset["kayes"].pk
    with translation.override("fr"):
        urls = [reverse("cohorts:list"), reverse("cohorts:detail", args=[kayes]),
                reverse("cohorts:sheet", args=[kayes]), reverse("cohorts:edit", args=[kayes]),
                reverse("reporting:cohorts"), reverse("reporting:cohort", args=[kayes]),
                reverse("reporting:dashboard")]
    for url in urls:
        html = client.get(url).content.decode()
        assert french in html, url
        assert english not in html, url
    with translation.override("en"):
        assert english in client.get(reverse("cohorts:list")).content.decode()
