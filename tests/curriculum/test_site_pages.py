"""The trainee site: what each page shows, to whom, in which language."""

import pytest

from django.urls import reverse

from curriculum import services
from tests.curriculum.factories import add_module, body_with_activity, translate_tree
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_home_links_to_catalogue_and_trainee_courses(client, site_tree):
    trainee = UserFactory()
    services.module_mark_complete(user=trainee, module=site_tree["modules"][0])
    client.force_login(trainee)
    html = client.get(site_tree["home"].url).content.decode()
    assert site_tree["catalogue"].url in html
    assert "Your courses" in html
    assert "1 of 2 modules completed (50%)" in html


def test_catalogue_lists_live_courses_with_duration_and_progress(client, site_tree):
    catalogue = site_tree["catalogue"]
    draft = catalogue.add_child(instance=type(site_tree["course"])(
        title="Unpublished course", slug="draft", code="draft", summary="Soon", live=False))
    trainee = UserFactory()
    client.force_login(trainee)
    html = client.get(catalogue.url).content.decode()
    assert "National Referral Mechanism" in html
    assert "24 hours" in html
    assert "0 of 2 modules completed (0%)" in html
    assert draft.title not in html


def test_catalogue_hides_progress_from_anonymous(client, site_tree):
    html = client.get(site_tree["catalogue"].url).content.decode()
    assert "modules completed" not in html
    assert "National Referral Mechanism" in html


def test_course_page_marks_done_modules_and_continue_link(client, site_tree):
    trainee = UserFactory()
    first, second = site_tree["modules"]
    services.module_mark_complete(user=trainee, module=first)
    client.force_login(trainee)
    response = client.get(site_tree["course"].url)
    html = response.content.decode()
    # The outline holds plain Page rows (what the page cache keeps): compare by id.
    assert [(m.pk, done, url) for m, done, url in response.context["module_rows"]] == [
        (first.pk, True, first.url), (second.pk, False, second.url)]
    assert response.context["next_module"].pk == second.pk
    assert "Continue" in html and second.url in html
    assert 'aria-valuenow="50"' in html
    assert "1 of 2 modules completed (50%)" in html


def test_course_page_start_link_for_new_trainee(client, site_tree):
    client.force_login(UserFactory())
    response = client.get(site_tree["course"].url)
    assert response.context["next_module"].pk == site_tree["modules"][0].pk
    assert "Start the course" in response.content.decode()


def test_draft_module_is_404_and_not_listed(client, site_tree):
    draft = add_module(site_tree["course"], title="Draft module", slug="draft-module",
                       live=False)
    client.force_login(UserFactory())
    assert client.get(draft.url or "/en/courses/nrm/draft-module/").status_code == 404
    html = client.get(site_tree["course"].url).content.decode()
    assert "Draft module" not in html


def test_module_page_previous_next_and_completion_form(client, site_tree):
    first, second = site_tree["modules"]
    client.force_login(UserFactory())
    response = client.get(second.url)
    assert response.context["previous_module"].pk == first.pk
    assert response.context["next_module"] is None
    assert "Mark complete" in response.content.decode()


def test_module_page_asks_anonymous_to_log_in(client, site_tree):
    html = client.get(site_tree["modules"][0].url).content.decode()
    assert "Mark complete" not in html
    assert reverse("accounts:login") in html


def test_video_is_a_link_not_an_embed(client, site_tree, monkeypatch):
    module = site_tree["modules"][0]
    module.body = body_with_activity()
    module.save_revision().publish()

    def no_network(*args, **kwargs):
        raise AssertionError("oEmbed fetched during page render")

    monkeypatch.setattr("wagtail.embeds.embeds.get_embed", no_network)
    html = client.get(module.url).content.decode()
    assert 'href="https://www.youtube.com/watch?v=abc123"' in html
    assert "<iframe" not in html
    assert "A social worker explains the referral steps." in html


def test_french_pages_serve_french_content(client, site_tree):
    fr = translate_tree(site_tree)
    response = client.get(fr["course"].url)
    assert fr["course"].url.startswith("/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "Mécanisme national de référencement" in html
    assert "Module 1 (fr)" in html
    assert "National Referral Mechanism" not in html


def test_untranslated_draft_french_module_is_404(client, site_tree):
    from tests.curriculum.factories import translate

    fr = translate_tree(site_tree)
    hidden = add_module(site_tree["course"], title="Module 3", slug="module-3")
    draft_fr = translate(hidden, title="Module 3 (fr)", live=False)
    client.force_login(UserFactory(language="fr"))
    assert client.get(f"{fr['course'].url}module-3/").status_code == 404
    assert "Module 3 (fr)" not in client.get(fr["course"].url).content.decode()
    assert not draft_fr.live
