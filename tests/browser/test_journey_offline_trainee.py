"""Offline journey (a): a trainee on a 360x740 phone, in French, opens two modules online,
loses the connection, reads both with their images, taps "Marquer comme terminé"; back online
the completion reaches the database once, and replaying the queue changes nothing.

The pages offline must come from the service worker's cache: the dev server's log is checked
for no request of them while offline. A quiz page opened offline shows the notice that quizzes
need a connection, never a quiz form.
"""

import json
import re

import pytest
from playwright.sync_api import expect

from .steps import site_login, wait_for

pytestmark = pytest.mark.browser

SETUP = """
import json
from django.contrib.auth.models import Group
from curriculum.models import ModulePage
from lms.accounts.models import User
from lms.accounts.roles import TRAINEE
from lms.quizzes.models import Quiz
from wagtail.models import Locale

user, created = User.objects.get_or_create(username="hors.ligne", defaults={
    "first_name": "Oumou", "last_name": "Sangaré", "language": "fr"})
user.set_password("cascade-demo")
user.save()
user.groups.add(Group.objects.get(name=TRAINEE))
fr = Locale.objects.get(language_code="fr")
modules = [m for m in ModulePage.objects.live().filter(locale=fr).order_by("path")
           if any(block.block_type == "figure" for block in m.body)][:2]
quiz = Quiz.objects.filter(live=True).first()
print(json.dumps({"user": user.pk, "modules": [[m.pk, m.url, m.title] for m in modules],
                  "quiz": quiz.slug}))
"""
PHONE_360 = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2,
             "is_mobile": True, "has_touch": True, "locale": "fr-FR"}
IMAGES_LOADED = """() => {
  const images = [...document.querySelectorAll('.module-body img')];
  return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
}"""


def completions(live_site, user_id: int, module_id: int) -> int:
    return int(live_site.python(
        "from curriculum.models import ModuleCompletion, ModulePage\n"
        f"key = ModulePage.objects.get(pk={module_id}).translation_key\n"
        f"print(ModuleCompletion.objects.filter(user_id={user_id}, module_key=key).count())"
    ).strip().splitlines()[-1])


def test_a_trainee_reads_two_modules_offline_and_the_completion_arrives_once(
        live_site, new_page, shot):
    data = json.loads(live_site.python(SETUP).strip().splitlines()[-1])
    (first_id, first_url, first_title), (second_id, second_url, second_title) = data["modules"]
    page = new_page(**PHONE_360)
    context = page.context
    site_login(page, "hors.ligne", language="fr")
    page.goto("/fr/my-learning/")
    wait_for(page, "() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)")

    for url in (first_url, second_url):  # online, once
        page.goto(url)
        wait_for(page, IMAGES_LOADED)
    shot(page, "online module")

    served_before = live_site.log.read_text()
    context.set_offline(True)
    for url, title in ((first_url, first_title), (second_url, second_title)):
        response = page.goto(url)
        assert response.from_service_worker
        expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
        wait_for(page, IMAGES_LOADED)
        expect(page.get_by_role("status").filter(has_text="Vous êtes hors ligne")).to_be_visible()
    shot(page, "offline module with its figure")
    served_offline = live_site.log.read_text()[len(served_before):]
    for url in (first_url, second_url):
        assert f"GET {url} " not in served_offline, "the page came from the network"

    page.get_by_role("button", name="Marquer comme terminé").click()
    expect(page.get_by_text("Marqué comme terminé sur ce téléphone")).to_be_visible()
    shot(page, "completion kept on the phone")
    assert completions(live_site, data["user"], second_id) == 0
    queue_key = f"cascade.queue.{data['user']}"
    kept = page.evaluate("(key) => localStorage.getItem(key)", queue_key)
    assert len(json.loads(kept)) == 1

    page.goto(f"/fr/quizzes/{data['quiz']}/")  # quizzes stay online
    expect(page.get_by_role("heading", name="Les quiz demandent une connexion")).to_be_visible()
    expect(page.locator("form[action*='/start/']")).to_have_count(0)
    shot(page, "quiz offline notice")

    page.goto(second_url)
    context.set_offline(False)
    wait_for(page, "() => Boolean(window.CascadeQueue.pending().length === 0)")
    assert completions(live_site, data["user"], second_id) == 1
    assert completions(live_site, data["user"], first_id) == 0

    # The same queue sent again: answered from the log, nothing doubles.
    result = page.evaluate("""(args) => {
        localStorage.setItem(args[0], args[1]);
        return window.CascadeQueue.send();
    }""", [queue_key, kept])
    assert [r["replayed"] for r in result["results"]] == [True]
    assert completions(live_site, data["user"], second_id) == 1
    page.reload()
    expect(page.get_by_text(re.compile("Terminé ✓"))).to_be_visible()
    shot(page, "back online completed")
    assert not page.js_errors
