"""The installable app: manifest, service worker at the root, offline notices, and which pages
the service worker may keep (never a quiz)."""

import json

import pytest

from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_from_the_root_with_a_versioned_cache(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    source = response.content.decode()
    assert "__VERSION__" not in source and "__PRECACHE__" not in source
    assert '"/static/css/site.css"' in source and '"/fr/offline/quiz/"' in source
    assert 'const ASSETS = "cascade-assets-" + VERSION' in source


def test_the_manifest_names_the_app_in_the_pages_language(client):
    response = client.get("/fr/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Cascade — formation de formateurs"
    assert data["start_url"] == "/fr/" and data["display"] == "standalone"
    for icon in data["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/"))
    assert {icon["sizes"] for icon in data["icons"]} == {"192x192", "512x512"}


def test_every_page_links_the_manifest_and_loads_the_script_from_a_file(client, site_tree):
    html = client.get("/en/offline/").content.decode()
    assert '<link rel="manifest" href="/en/manifest.webmanifest">' in html
    assert 'src="/static/fieldsync/offline.js"' in html
    assert "<script>" not in html  # the CSP allows no inline script


def test_the_quiz_notice_says_quizzes_stay_online_in_french(client):
    html = client.get("/fr/offline/quiz/").content.decode()
    assert "Les quiz demandent une connexion" in html
    assert "corrigées sur le serveur" in html


def test_module_and_course_pages_are_marked_for_offline_reading(client, site_tree):
    module = site_tree["modules"][0]
    response = client.get(module.url)
    assert response.status_code == 200
    assert response["X-Cascade-Offline"] == "keep"
    assert client.get(site_tree["course"].url)["X-Cascade-Offline"] == "keep"
    assert "X-Cascade-Offline" not in client.get("/en/offline/")


def test_the_offline_mark_complete_form_carries_the_module(client, site_tree, roles_ready):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    module = site_tree["modules"][0]
    html = client.get(module.url).content.decode()
    assert f'data-offline-kind="module_complete" data-module="{module.pk}"' in html


def test_a_module_completed_offline_is_applied_once(client, site_tree, roles_ready):
    import uuid

    from curriculum.models import ModuleCompletion
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    module = site_tree["modules"][1]
    change = {"id": str(uuid.uuid4()), "kind": "module_complete", "module": module.pk,
              "at": "2024-03-04T10:00:00Z"}
    for replayed in (False, True):
        response = client.post("/en/offline/sync/", {"changes": [change]},
                               content_type="application/json")
        assert response.json()["results"][0] == {
            "id": change["id"], "outcome": "applied", "reason": "", "replayed": replayed}
    assert ModuleCompletion.objects.filter(user=user).count() == 1


def test_the_field_roster_uses_the_attendance_pages_check(client, world):
    cohort = world["cohorts"]["kayes"]
    client.force_login(world["people"]["facilitator"])
    response = client.get(f"/fr/offline/cohorts/{cohort.pk}/")
    assert response.status_code == 200 and response["X-Cascade-Offline"] == "keep"
    assert "Liste de terrain" in response.content.decode()
    client.force_login(world["people"]["coord_mopti"])
    assert client.get(f"/fr/offline/cohorts/{cohort.pk}/").status_code == 404
    client.force_login(world["people"]["trainee"])
    assert client.get(f"/fr/offline/cohorts/{cohort.pk}/").status_code == 403


def test_quiz_pages_carry_the_quizzes_need_a_connection_banner(client, roles_ready):
    from lms.accounts import roles
    from tests.factories import UserFactory

    client.force_login(UserFactory(roles=[roles.TRAINEE]))
    html = client.get("/fr/quizzes/progress/").content.decode()
    banner = html[html.index('id="offline-banner"'):]
    assert banner.split("</p>")[0].count("Les quiz demandent une connexion") == 1
    assert 'id="offline-banner" class="offline-banner" role="status" hidden' in html
    other = client.get("/fr/my-learning/").content.decode()
    assert "Les quiz demandent" not in other and "Vous êtes hors ligne" in other
