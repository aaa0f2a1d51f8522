"""The course overview (title, facts, module list, progress, the way on) is rendered once per
revision, language and reader's progress and kept: each reader still sees their own modules
done, and a publication shows on the next request."""

import pytest

from django.utils import translation

from curriculum import services
from tests.curriculum.factories import translate_tree
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_each_reader_sees_their_own_progress(client, site_tree):
    course, modules = site_tree["course"], site_tree["modules"]
    first, second = UserFactory(roles=["Trainees"]), UserFactory(roles=["Trainees"])
    services.module_mark_complete(user=first, module=modules[0])

    client.force_login(first)
    html = _page(client, course.url)
    assert "1 of 2 modules completed" in html and "Continue" in html

    client.force_login(second)
    html = _page(client, course.url)
    assert "0 of 2 modules completed" in html and "Start the course" in html
    assert "✓ Completed" not in html

    client.logout()
    html = _page(client, course.url)
    assert "modules completed" not in html and "Not completed yet" not in html

    services.module_mark_complete(user=second, module=modules[1])
    client.force_login(second)
    html = _page(client, course.url)
    assert "1 of 2 modules completed" in html
    assert f"Continue: {modules[0].title}" in html  # the first module not done is next


def test_a_publication_shows_on_the_next_visit(client, site_tree):
    course, modules = site_tree["course"], site_tree["modules"]
    client.force_login(UserFactory(roles=["Trainees"]))
    assert "Module 1" in _page(client, course.url)

    modules[0].title = "Identifying a victim"
    modules[0].save_revision().publish()
    course.refresh_from_db()
    course.summary = "Who refers whom, and how."
    course.save_revision().publish()
    html = _page(client, course.url)
    assert "Identifying a victim" in html and "Who refers whom, and how." in html


def test_french_readers_get_the_french_overview(client, site_tree):
    fr = translate_tree(site_tree)
    client.force_login(UserFactory(roles=["Trainees"]))
    _page(client, site_tree["course"].url)  # the English one is kept first
    with translation.override("fr"):
        html = _page(client, fr["course"].url)
    assert "0 module terminé sur 2 (0 %)" in html
    assert "Modules</h2>" in html and "Commencer la formation" in html
    assert "modules completed" not in html
