"""Staff pages on a phone connection: no Wagtail userbar on app views (it weighed 1.2 MB on the
dashboard, covered the attendance save button and printed on the A4 sheet), every page under
150 KB with its stylesheets, scripts and images."""

import re

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import UserFactory

BUDGET = 150 * 1024


def _assets(html: str) -> list[str]:
    return (re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
            + re.findall(r'<(?:script|img)[^>]+src="([^"]+)"', html))


def _weight(client, url: str) -> tuple[int, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    total = len(response.content)
    for asset in _assets(html):
        assert asset.startswith(settings.STATIC_URL), (url, asset)
        path = finders.find(asset.removeprefix(settings.STATIC_URL).split("?")[0])
        assert path, asset
        with open(path, "rb") as file:
            total += len(file.read())
    return total, html


@pytest.fixture
def staff_urls(dataset):
    kayes = dataset["kayes"]
    return [
        reverse("reporting:dashboard"), reverse("reporting:cohorts"),
        reverse("reporting:cohort", args=[kayes.pk]),
        reverse("reporting:trainee", args=[dataset["trainee"].pk]),
        reverse("cohorts:list"), reverse("cohorts:detail", args=[kayes.pk]),
        reverse("cohorts:attendance", args=[kayes.pk]),
        reverse("cohorts:attendance_day", args=[kayes.pk, kayes.start_date.isoformat()]),
        reverse("cohorts:sheet", args=[kayes.pk]),
        reverse("cohorts:roster_import", args=[kayes.pk]),
        reverse("certificates:index"), reverse("certificates:cohort", args=[kayes.pk]),
    ]


def test_staff_pages_have_no_userbar_and_stay_under_150_kb(client, dataset, staff_urls):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))  # sees every userbar
    for url in staff_urls:
        weight, html = _weight(client, url)
        assert "wagtail-userbar" not in html and "userbar" not in html, url
        assert weight < BUDGET, (url, weight)


def test_wagtail_pages_keep_the_userbar(client, site_tree):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(site_tree["course"].url).content.decode()
    assert "userbar" in html


def test_the_userbar_never_prints():
    with open(finders.find("css/site.css")) as file:
        css = file.read()
    assert re.search(r"@media print\{[^}]*wagtail-userbar[^}]*display:none", css)
