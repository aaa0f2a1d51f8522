"""Light pages for slow connections, and the accessibility basics on every trainee page."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.curriculum.factories import body_with_activity
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BUDGET = 200 * 1024


class Audit(HTMLParser):
    """Counts h1s, collects stylesheet/script/img URLs, and checks every field has a label."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.assets: list[str] = []
        self.labels: set[str] = set()
        self.fields: list[tuple[str, dict]] = []
        self.html_lang = None
        self.images_without_alt = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])
            if tag == "img" and "alt" not in attrs:
                self.images_without_alt += 1
        elif tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        elif tag in ("input", "select", "textarea") and attrs.get("type") not in (
            "hidden", "submit"
        ):
            self.fields.append((tag, attrs))

    def unlabelled(self) -> list:
        return [attrs for _tag, attrs in self.fields
                if attrs.get("id") not in self.labels and not attrs.get("aria-label")]


def audit(client, url: str) -> tuple[str, Audit]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    parser = Audit()
    parser.feed(html)
    return html, parser


def static_size(url: str) -> int:
    found = finders.find(url.removeprefix(settings.STATIC_URL))  # the project's or an app's
    if found is None:
        raise AssertionError(f"{url} is not a local static file")
    return Path(found).stat().st_size


def test_course_page_with_assets_is_under_200_kb(client, site_tree):
    course = site_tree["course"]
    for n in range(3, 13):
        course.add_child(instance=type(site_tree["modules"][0])(
            title=f"Module {n}: a long and descriptive title", slug=f"module-{n}",
            body=body_with_activity()))
    client.force_login(UserFactory())
    html, parsed = audit(client, course.url)
    total = len(html.encode()) + sum(static_size(url) for url in parsed.assets)
    print(f"course page: {len(html.encode())} B HTML, {total} B with assets")
    assert total < BUDGET


def test_module_page_with_blocks_is_under_200_kb(client, site_tree):
    module = site_tree["modules"][0]
    module.body = body_with_activity()
    module.save_revision().publish()
    html, parsed = audit(client, module.url)
    assert len(html.encode()) + sum(static_size(url) for url in parsed.assets) < BUDGET
    # Works without JavaScript: the one script is the optional offline support (a file).
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/fieldsync/offline.js" defer>']


@pytest.mark.parametrize("page_key", ["home", "catalogue", "course", "module"])
def test_pages_have_one_h1_a_language_and_labelled_fields(client, site_tree, page_key):
    client.force_login(UserFactory())
    page = site_tree["modules"][0] if page_key == "module" else site_tree[page_key]
    _html, parsed = audit(client, page.url)
    assert parsed.h1 == 1
    assert parsed.html_lang == "en"
    assert parsed.unlabelled() == []
    assert parsed.images_without_alt == 0


@pytest.mark.parametrize("name", ["accounts:login", "accounts:password_reset",
                                  "curriculum:my_learning", "accounts:password_change"])
def test_app_pages_have_one_h1_and_labelled_fields(client, site_tree, name):
    if name != "accounts:login":
        client.force_login(UserFactory())
    _html, parsed = audit(client, reverse(name))
    assert parsed.h1 == 1
    assert parsed.unlabelled() == []


def test_french_page_declares_french(client, site_tree):
    _html, parsed = audit(client, "/fr/accounts/login/")
    assert parsed.html_lang == "fr"


def test_phone_viewport_and_progress_text_equivalent(client, site_tree):
    client.force_login(UserFactory())
    html, _parsed = audit(client, site_tree["course"].url)
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert re.search(r'role="progressbar"[^>]*aria-valuenow="0"', html)
    assert "0 of 2 modules completed (0%)" in html
