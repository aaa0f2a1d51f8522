"""The "My sessions" link is read from the cache (`lms/cohorts/navigation.py`): no query on
a warm page, and a trainer record added or removed shows on the next request."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.cohorts import services
from lms.cohorts.models import Trainer

from .sessions_fixtures import field  # noqa: F401

pytestmark = pytest.mark.django_db


def _page(client) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("curriculum:my_learning"))
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def test_a_trainer_record_shows_on_the_next_request(client, field):  # noqa: F811
    sessions_url = reverse("cohorts:my_sessions")
    trainer = field["trainer"]
    client.force_login(trainer)
    html, _sql = _page(client)
    assert sessions_url in html
    html, sql = _page(client)
    assert sessions_url in html
    assert not any("cohorts_trainer" in query for query in sql)  # warm: from the cache

    Trainer.objects.filter(user=trainer).delete()
    html, _sql = _page(client)
    assert sessions_url not in html

    services.trainer_record(user=trainer, cohort=field["tot"], by=field["coord_kayes"])
    html, _sql = _page(client)
    assert sessions_url in html


def test_a_person_without_record_never_sees_the_link(client, field):  # noqa: F811
    client.force_login(field["trainer"])
    _page(client)  # another person's answer is cached
    assert not Trainer.objects.filter(user=field["trainee_kayes"]).exists()
    client.force_login(field["trainee_kayes"])
    html, _sql = _page(client)
    assert reverse("cohorts:my_sessions") not in html
