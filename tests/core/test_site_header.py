"""The site header is rendered once and kept (`cascade_tags.site_header`): what decides its
links is read for every request, so a role, a name or a publication shows on the next page,
and each request's forms carry that request's own CSRF token."""

import re

import pytest

from django.test import Client
from django.urls import reverse

from lms.accounts import roles
from tests.curriculum.factories import translate_tree
from tests.factories import UserFactory, role_groups

from .test_language_switcher import switch_targets

pytestmark = pytest.mark.django_db

MY_LEARNING = "/en/my-learning/"
TOKEN = re.compile(r'action="/en/accounts/logout/"[^>]*>\s*<input type="hidden" '
                   r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _header(client: Client, path: str = MY_LEARNING) -> str:
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<header class="site-header">'):html.index("</header>")]


def test_a_role_given_or_taken_shows_on_the_next_page(client):
    person = UserFactory(roles=[roles.TRAINEE])
    client.force_login(person)
    dashboard = reverse("reporting:dashboard")
    assert dashboard not in _header(client)
    assert dashboard not in _header(client)  # kept

    person.groups.add(*role_groups(roles.REGIONAL_COORDINATOR))
    assert dashboard in _header(client)
    person.groups.remove(*role_groups(roles.REGIONAL_COORDINATOR))
    assert dashboard not in _header(client)


def test_people_with_the_same_links_each_see_their_own_name(client):
    first = UserFactory(roles=[roles.TRAINEE], first_name="Awa", last_name="Traoré")
    second = UserFactory(roles=[roles.TRAINEE], first_name="Moussa", last_name="Keïta")
    client.force_login(first)
    assert "Awa Traoré" in _header(client)
    client.force_login(second)
    header = _header(client)
    assert "Moussa Keïta" in header and "Awa" not in header

    second.first_name = "Oumar"
    second.save()
    assert "Oumar Keïta" in _header(client)


def test_each_request_gets_its_own_csrf_token_and_logging_out_works():
    person = UserFactory(roles=[roles.TRAINEE])
    tokens = []
    for _visit in range(2):  # the second visit is served from the kept header
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(person)
        _header(browser)  # sets the CSRF cookie
        token = TOKEN.search(_header(browser)).group(1)
        assert "csrf-token-of-this-request" not in token
        tokens.append(token)
        response = browser.post("/en/accounts/logout/", {"csrfmiddlewaretoken": token})
        assert response.status_code == 302  # accepted: a 403 would mean a foreign token
        assert "_auth_user_id" not in browser.session
    assert tokens[0] != tokens[1]


def test_the_switcher_follows_a_publication(client, site_tree):
    course = site_tree["course"]
    assert switch_targets(client.get(course.url)) == {"fr": "/fr/"}
    fr = translate_tree(site_tree)  # publishes the French pages
    assert switch_targets(client.get(course.url)) == {"fr": fr["course"].url}


def test_a_query_string_is_rendered_not_kept(client, site_tree):
    client.force_login(UserFactory(roles=[roles.TRAINEE]))
    targets = switch_targets(client.get(f"{MY_LEARNING}?tab=done"))
    assert targets == {"fr": "/fr/my-learning/?tab=done"}
    assert switch_targets(client.get(MY_LEARNING)) == {"fr": "/fr/my-learning/"}
