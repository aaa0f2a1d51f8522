import re
from urllib.parse import urlencode

import pytest

from django.urls import reverse

from lms.accounts import roles
from lms.reporting.dashboard_cache import DASHBOARD
from tests.factories import UserFactory
from tests.reporting.factories import grow

URL = "/en/dashboard/"


def test_dashboard_url_and_login_required(client, db):
    assert reverse("reporting:dashboard").endswith("/dashboard/")
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/" in response["Location"]


@pytest.mark.parametrize("role", [roles.TRAINEE, roles.FACILITATOR])
def test_dashboard_refused_to_non_coordinators(client, roles_ready, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(URL).status_code == 403


def test_national_dashboard_shows_figures_map_tree_and_gain(client, dataset):
    client.force_login(dataset["national"])
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'data-figure="people">7<', html)
    assert re.search(r'data-figure="certified">2<', html)
    assert re.search(r'data-figure="attendance">75&nbsp;%<', html)
    assert "+25&nbsp;points" in html
    assert len(set(re.findall(r"data-region=\"(ML-[^\"]+)\"", html))) == 9
    assert "Session Kayes" in html and "Session Mopti" in html and "ToT Bamako" in html
    assert "Boundaries: OCHA / DNCT Mali (COD-AB) via HDX" in html


def test_map_shades_regions_by_people_reached(client, dataset):
    client.force_login(dataset["national"])
    html = client.get(URL).content.decode()
    fills = {code: fill for fill, code in re.findall(
        r'fill="(#[0-9a-f]{6})" stroke="[^"]+" stroke-width="[^"]+" data-region="([^"]+)"',
        html)}
    assert len(fills) == 9
    # Kayes (3 people) darker than Bamako (2), both shaded; Gao (0) in the "none" colour.
    assert fills["ML-1"] != fills["ML-7"] and fills["ML-BKO"] != fills["ML-7"]
    assert fills["ML-1"] != fills["ML-BKO"]
    assert '<title id="map-title">' in html and '<desc id="map-desc">' in html


def test_kayes_coordinator_sees_kayes_only(client, dataset):
    client.force_login(dataset["kayes_coord"])
    html = client.get(URL).content.decode()
    assert re.search(r'data-figure="people">3<', html)
    assert "Session Kayes" in html
    assert "Session Mopti" not in html and "ToT Bamako" not in html
    assert "outside your scope" in html
    # Another region's slug is not a valid choice for them: the form says so, figures stay.
    html = client.get(URL, {"region": "mopti"}).content.decode()
    assert "Select a valid choice" in html and "Session Mopti" not in html


def test_filters_round_trip_in_the_url(client, dataset):
    client.force_login(dataset["national"])
    query = {"region": "kayes", "date_from": "2024-01-01", "date_to": "2024-12-31",
             "course": "nrm", "org_kind": "non_governmental", "level": "2"}
    response = client.get(URL + "?" + urlencode(query))
    html = response.content.decode()
    form = response.context["form"]
    assert form.is_valid(), form.errors
    assert response.context["filters"].as_query() == query
    assert 'value="2024-01-01"' in html and '<option value="kayes" selected>' in html
    assert re.search(r'data-figure="people">2<', html)  # k1 and k3 from the NGO
    assert "/export/trainees.csv?" + urlencode(query).replace("&", "&amp;") in html


def test_bad_filter_input_shows_errors_and_keeps_the_page(client, dataset):
    client.force_login(dataset["national"])
    response = client.get(URL, {"date_from": "2024-05-01", "date_to": "2024-01-01",
                                "level": "x"})
    assert response.status_code == 200
    assert "The end of the period is before its start." in response.content.decode()
    assert response.context["filters"].level is None


def test_drill_down_region_cohort_trainee(client, dataset):
    client.force_login(dataset["kayes_coord"])
    cohort = dataset["kayes"]
    html = client.get(reverse("reporting:cohorts"), {"region": "kayes"}).content.decode()
    assert reverse("reporting:cohort", args=[cohort.pk]) in html
    html = client.get(reverse("reporting:cohort", args=[cohort.pk])).content.decode()
    k1 = dataset["enrollments"]["k1"].trainee
    assert reverse("reporting:trainee", args=[k1.pk]) in html
    assert "2/2" in html and "40" in html and "80" in html
    assert client.get(reverse("reporting:trainee", args=[k1.pk])).status_code == 200
    # Out of scope: Mopti's cohort and its trainee.
    assert client.get(reverse("reporting:cohort", args=[dataset["mopti"].pk])).status_code == 404
    m1 = dataset["enrollments"]["m1"].trainee
    assert client.get(reverse("reporting:trainee", args=[m1.pk])).status_code == 404


def test_dashboard_query_count_is_constant(client, dataset, django_assert_max_num_queries):
    client.force_login(dataset["national"])
    client.get(URL)  # warm caches (session, content types)
    # Issue #16's budget: at most 20 queries whatever the size of the data, when the body is
    # computed (a change of the figures forgets it)...
    DASHBOARD.invalidate()
    with django_assert_max_num_queries(20) as small:
        client.get(URL)
    grow(dataset, cohorts=6, trainees_per_cohort=5)
    DASHBOARD.invalidate()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(URL)
    # ... and only the viewer's session, account and permissions while it is kept.
    with django_assert_max_num_queries(3):
        assert client.get(URL).status_code == 200
