"""The follow-up indicators on the dashboard (a compact panel), their page and the API, within
what each viewer may see."""

import pytest

from django.urls import reverse

from lms.reporting import followups
from lms.reporting.filters import Filters
from lms.reporting.services import api_token_create

pytestmark = pytest.mark.django_db


def _api(client, key, **params):
    return client.get("/api/indicators/follow-ups", params,
                      headers={"Authorization": f"Bearer {key}"})


def test_the_dashboard_panel_costs_two_queries(world, answered, django_assert_num_queries):
    with django_assert_num_queries(2):
        panel = followups.followups_panel(user=world["people"]["national"], filters=Filters())
    assert panel["done"]["done_share"] == 50.0
    assert panel["retention"]["retention"] == 82.9


def test_the_api_answers_within_the_owners_regions(client, world, answered):
    _token, national = api_token_create(owner=world["people"]["national"], name="M&E")
    _token, kayes = api_token_create(owner=world["people"]["coord_kayes"], name="Kayes")
    everything = _api(client, national).json()
    assert everything["done"]["done_share"] == 50.0
    assert {row["value"] for row in everything["done_by_region"]} == {"Kayes", "Mopti"}
    assert everything["retention"]["retention"] == 82.9
    referral = next(r for r in everything["practices"] if r["practice"] == "nrm-referral")
    assert referral["share"] == 66.7
    by_level = everything["retention_by_level"]
    assert [(row["value"], row["pairs"]) for row in by_level] == [(1, 2)]
    mine = _api(client, kayes).json()
    # Kayes only: the staff trainee's follow-ups count too (due, not answered).
    assert {row["value"] for row in mine["done_by_region"]} == {"Kayes"}
    assert mine["retention"]["pairs"] == 1
    assert _api(client, national, region="mopti").json()["done"]["done"] == 0
    assert client.get("/api/indicators/follow-ups").status_code == 401


def test_the_dashboard_and_the_indicators_page_in_french(client, world, answered):
    client.force_login(world["people"]["coord_kayes"])
    dashboard = client.get("/fr/dashboard/").content.decode()
    assert "Suivi après la formation" in dashboard
    page = client.get("/fr/dashboard/follow-ups/", {"by": "region"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Orienté un migrant vulnérable via le MNR" in html
    assert "Mopti" not in html
    client.force_login(world["people"]["trainee_kayes"])
    assert client.get(reverse("reporting:followups")).status_code == 403


def test_the_indicator_report_has_the_follow_up_sections(client, world, answered):
    from lms.reporting import indicators

    sections = {s.key: s for s in indicators.indicator_report(
        user=world["people"]["coord_kayes"], filters=Filters())}
    done = sections["followups"]
    # Kayes only: Kadia (2 of 2), Adama (1 of 2).
    assert (done.total["due"], done.total["done"], done.total["retention"]) == (4, 3, 75.0)
    assert {r["label"]: r["done"] for r in done.rows["sex"]} == {"Female": 2, "Male": 1}
    assert set(done.rows) == set(indicators.DIMENSIONS)
    practices = sections["practices"]
    assert practices.total["nrm-referral"] == pytest.approx(66.7, abs=0.05)
    assert {r["value"]: r["nrm-referral"] for r in practices.rows["sex"]} == {"F": 100.0,
                                                                               "M": 0.0}
    assert {r["value"]: r["done"] for r in done.rows["level"]} == {1: 3}
    client.force_login(world["people"]["coord_kayes"])
    page = client.get("/fr/dashboard/indicators/").content.decode()
    assert "Pratiques appliquées" in page and "Orienté un migrant vulnérable via le MNR" in page
