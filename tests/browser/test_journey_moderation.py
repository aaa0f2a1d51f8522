"""Journey 1: a facilitator edits a module in the Wagtail admin and submits it, a curriculum
editor approves it, and the trainee site shows the change (only then)."""

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

from .steps import admin_login, open_action_menu, site_login

pytestmark = pytest.mark.browser

FIND_MODULE = """
import json
from curriculum.models import ModulePage
module = (ModulePage.objects.live().filter(locale__language_code="en")
          .select_related().order_by("path").first())
print(json.dumps({"id": module.pk, "url": module.url, "title": module.title}))
"""


def test_facilitator_edit_is_published_only_after_editor_approval(
    live_site, desktop, new_page, shot
):
    module = json.loads(live_site.python(FIND_MODULE).strip().splitlines()[-1])
    marker = f"Updated by the facilitator {uuid.uuid4().hex[:8]}"
    edit_url = f"/admin/pages/{module['id']}/edit/"

    facilitator = desktop
    admin_login(facilitator, "facilitator")
    shot(facilitator, "facilitator admin home")
    facilitator.goto(edit_url)
    introduction = facilitator.get_by_role("textbox", name="Introduction")
    introduction.fill(marker)
    shot(facilitator, "facilitator edits the introduction")
    # Facilitators may not publish: the editor offers no Publish action at all.
    open_action_menu(facilitator)
    expect(facilitator.get_by_role("button", name=re.compile(r"^Publish$"))).to_have_count(0)
    facilitator.get_by_role("button", name=re.compile(r"^Submit to Curriculum review")).click()
    expect(facilitator.get_by_text(re.compile(r"submitted for moderation", re.I))
           ).to_be_visible()
    shot(facilitator, "submitted for review")

    trainee = new_page()
    site_login(trainee, "trainee", language="en")
    trainee.goto(module["url"])
    expect(trainee.get_by_role("heading", level=1)).to_have_text(module["title"])
    expect(trainee.get_by_text(marker)).to_have_count(0)
    shot(trainee, "trainee still sees the published version")

    editor = new_page()
    admin_login(editor, "editor")
    shot(editor, "editor dashboard with the page awaiting review")
    editor.goto(edit_url)
    expect(editor.get_by_role("textbox", name="Introduction")).to_have_value(marker)
    open_action_menu(editor)
    editor.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    ).click()
    approved = re.compile(r"has been (approved|updated|published)", re.I)
    expect(editor.get_by_text(approved).first).to_be_visible()
    shot(editor, "editor approved and published")

    trainee.goto(module["url"])
    expect(trainee.get_by_text(marker)).to_be_visible()
    shot(trainee, "trainee sees the change")
    assert not trainee.js_errors
