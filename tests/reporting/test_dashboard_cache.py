"""The dashboard's body is rendered once per change of what it shows (`dashboard_cache`): every
change through the services shows on the next visit, viewers of different scopes, roles or
languages never share a body, and what reaches the database past the services shows once the
entry expires. The last test runs a second web process on PostgreSQL and Redis, as a second
machine would."""

import os
import re
import time

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.accounts import roles
from lms.cohorts import services as cohort_services
from lms.cohorts.models import Cohort
from lms.regions.models import Region
from lms.reporting.dashboard_cache import DASHBOARD
from tests import processes
from tests.conftest import redis_url
from tests.factories import UserFactory, enroll, make_cohort
from tests.web import Browser, web_process

URL = "/en/dashboard/"


def _people(html: str) -> int:
    return int(re.search(r'data-figure="people">([\d,]+)<', html).group(1).replace(",", ""))


def _visit(client, url: str = URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_change_through_the_services_shows_on_the_next_visit(
        client, dataset, django_assert_max_num_queries):
    client.force_login(dataset["national"])
    before = _people(_visit(client))
    with django_assert_max_num_queries(3):  # kept: session, account, permissions
        assert _people(_visit(client)) == before
    cohort_services.enrollment_create(cohort=dataset["mopti"], trainee=UserFactory(),
                                      by=dataset["national"])
    assert _people(_visit(client)) == before + 1
    # Attendance, the other everyday change: Kayes' rate moves.
    enrollment = dataset["enrollments"]["k3"]
    rate = re.search(r'data-figure="attendance">([^<]+)<', _visit(client)).group(1)
    cohort_services.attendance_record(cohort=dataset["kayes"], date=dataset["kayes"].end_date,
                                      statuses={enrollment.pk: "present"},
                                      by=dataset["national"])
    assert re.search(r'data-figure="attendance">([^<]+)<', _visit(client)).group(1) != rate


def test_a_renamed_cohort_and_a_renamed_region_show_on_the_next_visit(client, dataset):
    client.force_login(dataset["national"])
    assert "Session Mopti" in _visit(client)
    cohort_services.cohort_update(cohort=dataset["mopti"], name="Atelier de Mopti")
    html = _visit(client)
    assert "Atelier de Mopti" in html and "Session Mopti" not in html
    region = Region.objects.get(pk=dataset["mopti"].region_id)
    region.name = "Mopti (old name)"
    region.save()
    assert "Mopti (old name)" in _visit(client)


def test_viewers_of_other_scopes_never_share_a_body(client, dataset,
                                                    django_assert_max_num_queries):
    client.force_login(dataset["national"])
    assert "Session Mopti" in _visit(client)
    client.force_login(dataset["kayes_coord"])
    html = _visit(client)
    assert "Session Kayes" in html and "Session Mopti" not in html
    # Another national coordinator sees the same as the first: the body is shared.
    client.force_login(UserFactory(roles=[roles.NATIONAL_COORDINATOR]))
    with django_assert_max_num_queries(3):
        assert "Session Mopti" in _visit(client)


def test_a_coordinator_given_a_region_sees_it_on_the_next_visit(client, dataset):
    coordinator = dataset["kayes_coord"]
    client.force_login(coordinator)
    assert "Session Mopti" not in _visit(client)
    coordinator.coordinated_regions.add(dataset["mopti"].region)
    assert "Session Mopti" in _visit(client)


def test_a_role_change_changes_the_body(client, dataset):
    """A regional coordinator made national sees every region at once: the permissions are
    part of the key, so no signal is needed for a change of groups."""
    coordinator = dataset["kayes_coord"]
    client.force_login(coordinator)
    assert "Session Mopti" not in _visit(client)
    coordinator.groups.add(Group.objects.get(name=roles.NATIONAL_COORDINATOR))
    assert "Session Mopti" in _visit(client)


def test_each_language_has_its_own_body_with_the_time_it_was_computed(client, dataset):
    client.force_login(dataset["national"])
    english = _visit(client)
    french = _visit(client, "/fr/dashboard/")
    assert "Figures as of" in english and "Chiffres arrêtés à" in french
    assert "The cascade" in english and "La cascade" in french


def test_a_change_past_the_services_shows_once_the_body_expires(client, dataset, settings):
    settings.DASHBOARD_CACHE_SECONDS = 1
    client.force_login(dataset["national"])
    assert "Session Mopti" in _visit(client)
    Cohort.objects.filter(pk=dataset["mopti"].pk).update(name="Renamed in SQL")  # no signal
    assert "Renamed in SQL" not in _visit(client)  # still the kept body
    time.sleep(1.2)
    assert "Renamed in SQL" in _visit(client)


def test_no_cache_when_switched_off(client, dataset, settings):
    settings.DASHBOARD_CACHE_SECONDS = 0
    client.force_login(dataset["national"])
    _visit(client)
    with CaptureQueriesContext(connection) as queries:
        _visit(client)
    assert len(queries) > 10


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_made_on_one_machine_shows_on_another(site_tree, settings, tmp_path):
    """Two processes sharing only PostgreSQL and Redis, as two machines would: web process B
    keeps the dashboard in the shared cache; an enrolment made here (machine A: the same
    services, the same cache) is on B's next answer."""
    cache_url = redis_url(12)  # this test's own Redis database
    settings.CACHES = {"default": {"BACKEND": "lms.core.cache.ResilientRedisCache",
                                   "LOCATION": cache_url}}
    cache.clear()
    cohort = make_cohort(course=site_tree["course"], name="Session Ségou")
    enroll(cohort, UserFactory())
    UserFactory(username="two.machines", roles=[roles.NATIONAL_COORDINATOR])
    port = processes.free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": processes.database_url(connection.settings_dict),
           "CACHE_URL": cache_url, "AXES_ENABLED": "0"}
    with web_process(port, env, tmp_path / "b.log", "web B"):
        browser = Browser(base)
        browser.login("two.machines")
        assert _people(browser.get(f"{base}{URL}").text) == 1
        token = DASHBOARD.token()  # the token B keyed its body with, read from Redis
        assert cache.get(DASHBOARD.key) == token
        enroll(cohort, UserFactory())  # through the services' seam, here on "machine A"
        assert DASHBOARD.token() != token
        assert _people(browser.get(f"{base}{URL}").text) == 2
