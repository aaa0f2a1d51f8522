"""A request without an address (the test client's force_login, a unix socket) logs in: axes
records no address rather than "unknown", which PostgreSQL's inet column refuses."""

import pytest

from django.test import Client

from tests.factories import UserFactory


@pytest.mark.django_db
def test_force_login_without_an_address_is_logged_with_none():
    from axes.models import AccessLog

    Client().force_login(UserFactory())
    assert AccessLog.objects.get().ip_address is None
