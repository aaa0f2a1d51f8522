"""The indicator report (sections disaggregated by sex, age band, region, organisation type,
cascade level and disability), the reactions page, the dashboard's reaction panel and the
API's reaction figures: scoped per role, counted in the database, printable."""

import re

import pytest

from lms.accounts.models import User
from lms.evaluations import selectors as evaluation_selectors
from lms.evaluations import services as evaluation_services
from lms.reporting import indicators
from lms.reporting.filters import Filters
from lms.reporting.services import api_token_create
from tests.evaluations.conftest import answers_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reacted(dataset):
    """k1 (F, 1990) signs 5s, k2 (M, 1970, a lot of difficulty walking) answers 3s
    anonymously, m1 (F, Mopti) signs 4s."""
    e = dataset["enrollments"]
    User.objects.filter(username="k1").update(birth_year=1990)
    User.objects.filter(username="k2").update(birth_year=1970, wg_walking=3, wg_seeing=1)
    for key, score, anonymous in (("k1", 5, False), ("k2", 3, True), ("m1", 4, False)):
        enrollment = e[key]
        enrollment.refresh_from_db()
        enrollment.trainee.refresh_from_db()
        evaluation_services.response_submit(
            enrollment=enrollment, by=enrollment.trainee, anonymous=anonymous,
            answers=answers_for(evaluation_selectors.question_set_for(cohort=enrollment.cohort),
                                score=score),
            today=enrollment.cohort.end_date)
    return dataset


def _section(sections, key):
    return next(section for section in sections if section.key == key)


def test_sections_total_and_disaggregate(reacted):
    sections = indicators.indicator_report(user=reacted["national"], filters=Filters())
    assert [s.key for s in sections] == ["reach", "learning", "reaction", "followups",
                                         "practices"]
    reach = _section(sections, "reach")
    assert (reach.total["people"], reach.total["certified"]) == (7, 2)
    assert {r["label"]: r["people"] for r in reach.rows["age_band"]} == {
        "25 to 34": 1, "45 to 54": 1, "Not recorded": 5}
    assert {r["label"]: r["people"] for r in reach.rows["disability"]}["With a disability"] == 1
    learning = _section(sections, "learning")
    assert learning.total["gain"] == pytest.approx(25)
    assert {r["value"]: r["gain"] for r in learning.rows["sex"]}["F"] == pytest.approx(40)
    reaction = _section(sections, "reaction")
    assert reaction.total["responses"] == 3
    assert reaction.total["score"] == pytest.approx(4)
    assert reaction.total["satisfied"] == pytest.approx(200 / 3)
    by_sex = {r["label"]: r["responses"] for r in reaction.rows["sex"]}
    assert by_sex == {"Female": 2, "Not recorded": 1}  # the anonymous answer has no person
    by_region = {r["label"]: r["score"] for r in reaction.rows["region"]}
    assert by_region == {"Kayes": pytest.approx(4), "Mopti": pytest.approx(4)}
    by_disability = {r["label"]: r["responses"] for r in reaction.rows["disability"]}
    assert "With a disability" not in by_disability  # k2 answered anonymously


def test_the_report_is_scoped_like_the_dashboard(client, reacted):
    coordinator = reacted["kayes_coord"]
    sections = indicators.indicator_report(user=coordinator, filters=Filters())
    assert _section(sections, "reach").total["people"] == 3
    assert _section(sections, "reaction").total["responses"] == 2
    client.force_login(coordinator)
    page = client.get("/en/dashboard/indicators/").content.decode()
    assert "Kayes" in page and "Mopti" not in page
    for who in (reacted["master"], reacted["trainee"]):
        client.force_login(who)
        assert client.get("/en/dashboard/indicators/").status_code == 403
        assert client.get("/en/dashboard/reactions/").status_code == 403


def test_the_period_filters_the_report(reacted):
    import datetime

    filters = Filters(date_from=datetime.date(2024, 4, 1), date_to=datetime.date(2024, 4, 30))
    sections = indicators.indicator_report(user=reacted["national"], filters=filters)
    assert _section(sections, "reach").total["people"] == 2  # Mopti only
    assert _section(sections, "reaction").total["responses"] == 1


def test_report_page_in_french_prints_on_a4(client, reacted, django_assert_max_num_queries):
    client.force_login(reacted["national"])
    client.get("/fr/dashboard/indicators/")  # warm the per-process caches
    with django_assert_max_num_queries(40):
        page = client.get("/fr/dashboard/indicators/?date_from=2024-01-01&date_to=2024-12-31")
    html = page.content.decode()
    assert "Rapport d\u2019indicateurs" in html and "Tranche d\u2019âge" in html
    assert "Cohortes commençant du" in html
    assert "indicators.css" in html
    from django.contrib.staticfiles import finders

    with open(finders.find("reporting/indicators.css")) as stylesheet:
        css = stylesheet.read()
    assert "@page{size:A4" in css and "@media print" in css and ".report-filters" in css


def test_query_count_does_not_grow_with_the_data(client, reacted, django_assert_max_num_queries):
    """One more cohort with more people and answers costs no query more."""
    client.force_login(reacted["national"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/dashboard/indicators/")
    with CaptureQueriesContext(connection) as before:
        client.get("/en/dashboard/indicators/")
    from tests.factories import enroll, make_cohort

    cohort = make_cohort(course=reacted["course"], region_name="Gao")
    enroll(cohort, *[UserFactory(birth_year=1980 + n) for n in range(5)])
    with CaptureQueriesContext(connection) as after:
        client.get("/en/dashboard/indicators/")
    assert len(after) == len(before)


def test_dashboard_reaction_panel_in_at_most_two_queries(client, reacted,
                                                          django_assert_max_num_queries):
    from django.core.cache import cache

    user = reacted["national"]
    indicators.reaction_panel(user=user, filters=Filters())  # warm the permission caches
    cache.clear()
    with django_assert_max_num_queries(2):
        panel = indicators.reaction_panel(user=user, filters=Filters())
    assert (panel["responses"], panel["anonymous"]) == (3, 1)
    with django_assert_max_num_queries(0):  # cached until the next answer
        indicators.reaction_panel(user=user, filters=Filters())
    enrollment = reacted["enrollments"]["m2"]
    evaluation_services.response_submit(
        enrollment=enrollment, by=enrollment.trainee, anonymous=True,
        answers=answers_for(evaluation_selectors.question_set_for(cohort=enrollment.cohort)),
        today=enrollment.cohort.end_date)
    assert indicators.reaction_panel(user=user, filters=Filters())["responses"] == 4
    client.force_login(user)
    page = client.get("/fr/dashboard/").content.decode()
    assert 'data-figure="reaction-score">4<' in page
    assert 'data-figure="reaction-satisfied">75' in page  # 3 of 4 satisfied


def test_reactions_page_charts_never_localise_numbers(client, reacted):
    client.force_login(reacted["national"])
    html = client.get("/fr/dashboard/reactions/").content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 5  # topics, course, facilitator, region, level
    for svg in svgs:
        for _name, value in re.findall(r'\s(x|y|width|height|viewBox)="([^"]*)"', svg):
            for number in value.split():
                float(number)  # "71,4" would fail
    assert "T1 Test" in html  # the Kayes session's facilitator, credited with its answers
    assert "AWA Test" not in html  # her workshop has no answers


def test_api_indicators_carry_reaction_scores(client, reacted):
    key = api_token_create(owner=reacted["national"], name="M&E")[1]
    answer = client.get("/api/indicators", headers={"Authorization": f"Bearer {key}"}).json()
    reaction = answer["reaction"]
    assert reaction["responses"] == 3 and reaction["score"] == 4.0
    assert {row["value"]: row["responses"] for row in reaction["by_age_band"]} == {
        "25_34": 1, "": 2}
    coordinator_key = api_token_create(owner=reacted["kayes_coord"], name="K")[1]
    scoped = client.get("/api/indicators",
                        headers={"Authorization": f"Bearer {coordinator_key}"}).json()
    assert scoped["reaction"]["responses"] == 2
