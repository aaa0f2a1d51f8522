"""The switcher keeps the visitor on the same page, in the other language."""

import re

import pytest

from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from tests.curriculum.factories import add_module, translate_tree
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def switch_targets(response) -> dict[str, str]:
    html = response.content.decode()
    pairs = re.findall(
        r'name="next" value="([^"]+)"><input type="hidden" name="language" value="(\w+)"', html
    )
    return {code: url for url, code in pairs}


def test_page_switches_to_its_translation(client, site_tree):
    fr = translate_tree(site_tree)
    response = client.get(site_tree["course"].url)
    assert switch_targets(response) == {"fr": fr["course"].url}
    response = client.get(fr["modules"][1].url)
    assert switch_targets(response) == {"en": site_tree["modules"][1].url}


def test_untranslated_page_falls_back_to_nearest_translated_ancestor(client, site_tree):
    fr = translate_tree(site_tree)
    extra = add_module(site_tree["course"], title="English only", slug="english-only")
    assert switch_targets(client.get(extra.url)) == {"fr": fr["course"].url}


def test_app_view_switches_with_translate_url(client, site_tree):
    client.force_login(UserFactory())
    response = client.get("/en/my-learning/")
    assert switch_targets(response) == {"fr": "/fr/my-learning/"}
    assert 'aria-current="true"' in response.content.decode()


def test_set_language_follows_the_switcher_target(client, site_tree):
    fr = translate_tree(site_tree)
    response = client.post(reverse("set_language"),
                           {"language": "fr", "next": fr["course"].url})
    assert response["Location"] == fr["course"].url
    assert response.cookies["django_language"].value == "fr"


def test_optional_include_renders_nothing_when_absent_and_the_slot_when_present(settings,
                                                                              tmp_path):
    template = Template('{% load cascade_tags %}[{% optional_include name %}]')
    request = RequestFactory().get("/")
    assert template.render(Context({"name": "nowhere/missing.html",
                                     "request": request})) == "[]"
    (tmp_path / "slot.html").write_text("slot for {{ who }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    assert Template('{% load cascade_tags %}[{% optional_include "slot.html" %}]').render(
        Context({"who": "Awa", "request": request})) == "[slot for Awa]"
