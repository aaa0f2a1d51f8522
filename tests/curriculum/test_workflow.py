"""Moderation: facilitators write and submit, curriculum editors approve and publish."""

import pytest

from django.urls import reverse

from wagtail.models import GroupPagePermission, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from curriculum.models import ModulePage
from curriculum.workflow import WORKFLOW_NAME, ensure_curriculum_workflow
from lms.accounts.roles import CURRICULUM_EDITOR, FACILITATOR, TRAINEE
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderated(site_tree, roles_ready):
    ensure_curriculum_workflow()
    return site_tree


def edit_data(module: ModulePage, *, title: str, action: str) -> dict:
    data = nested_form_data({
        "title": title, "slug": module.slug, "introduction": module.introduction,
        "duration_minutes": module.duration_minutes, "body": streamfield([]),
        "comments": inline_formset([]),
    })
    data[action] = "1"
    return data


def test_setup_is_idempotent_and_covers_each_catalogue(moderated):
    counts = (GroupPagePermission.objects.count(), Workflow.objects.count())
    workflow = ensure_curriculum_workflow()
    assert (GroupPagePermission.objects.count(), Workflow.objects.count()) == counts
    assert workflow.name == WORKFLOW_NAME and workflow.active
    catalogue = moderated["catalogue"]
    assert catalogue.get_workflow() == workflow
    assert moderated["modules"][0].get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [CURRICULUM_EDITOR]


def test_page_permissions_by_role(moderated):
    module = moderated["modules"][0]
    facilitator = UserFactory(roles=[FACILITATOR])
    editor = UserFactory(roles=[CURRICULUM_EDITOR])
    trainee = UserFactory(roles=[TRAINEE])
    assert module.permissions_for_user(facilitator).can_edit()
    assert moderated["course"].permissions_for_user(facilitator).can_add_subpage()
    assert not module.permissions_for_user(facilitator).can_publish()
    assert module.permissions_for_user(editor).can_publish()
    assert not module.permissions_for_user(trainee).can_edit()
    # Nothing outside the catalogues: the home page stays with administrators.
    assert not moderated["home"].permissions_for_user(facilitator).can_edit()


def test_facilitator_submits_but_cannot_publish(client, moderated):
    module = moderated["modules"][0]
    client.force_login(UserFactory(roles=[FACILITATOR]))
    url = reverse("wagtailadmin_pages:edit", args=[module.pk])
    assert client.get(url).status_code == 200

    client.post(url, edit_data(module, title="Module 1, revised", action="action-publish"))
    module.refresh_from_db()
    assert module.title == "Module 1"  # the live page is unchanged

    response = client.post(url, edit_data(module, title="Module 1, revised",
                                          action="action-submit"))
    assert response.status_code == 302
    module.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(module.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert module.title == "Module 1" and module.has_unpublished_changes
    client.logout()
    assert "Module 1, revised" not in client.get(module.url).content.decode()


def test_editor_approves_and_publishes(client, moderated):
    module = moderated["modules"][0]
    facilitator = UserFactory(roles=[FACILITATOR])
    editor = UserFactory(roles=[CURRICULUM_EDITOR])
    client.force_login(facilitator)
    client.post(reverse("wagtailadmin_pages:edit", args=[module.pk]),
                edit_data(module, title="Module 1, revised", action="action-submit"))
    state = WorkflowState.objects.get(object_id=str(module.pk))
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(module, facilitator) == []
    assert "approve" in [name for name, *_ in task.get_actions(module, editor)]

    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action",
                args=[module.pk, "approve", task_state.pk]),
        {"comment": "Clear and accurate."},
    )
    assert response.status_code in (200, 302)
    module.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert module.live and module.title == "Module 1, revised"
    assert not module.has_unpublished_changes


def test_editor_can_publish_directly(client, moderated):
    module = moderated["modules"][1]
    client.force_login(UserFactory(roles=[CURRICULUM_EDITOR]))
    client.post(reverse("wagtailadmin_pages:edit", args=[module.pk]),
                edit_data(module, title="Module 2, final", action="action-publish"))
    module.refresh_from_db()
    assert module.title == "Module 2, final"


def test_preview_of_module_shows_facilitator_notes(client, moderated):
    module = moderated["modules"][0]
    client.force_login(UserFactory(roles=[FACILITATOR]))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[module.pk])
    data = edit_data(module, title="Previewed module", action="unused")
    data.update(nested_form_data({"body": streamfield([
        ("group_activity", {"title": "Role play", "duration_minutes": 30,
                            "instructions": '{"blocks": [], "entityMap": {}}',
                            "facilitator_notes": '{"blocks": [{"key": "a", "text": "Secret tip",'
                            ' "type": "unstyled", "depth": 0, "inlineStyleRanges": [],'
                            ' "entityRanges": []}], "entityMap": {}}'}),
    ])}))
    assert client.post(url, data).json()["is_valid"] is True
    html = client.get(url).content.decode()
    assert "Previewed module" in html
    assert "Secret tip" in html



def test_collection_permissions_for_images_and_documents(moderated):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    from tests.curriculum.test_blocks import make_image

    facilitator = UserFactory(roles=[FACILITATOR])
    editor = UserFactory(roles=[CURRICULUM_EDITOR])
    trainee = UserFactory(roles=[TRAINEE])
    image = make_image()
    image.uploaded_by_user = editor
    image.save()
    document = get_document_model().objects.create(
        title="Guide", file=ContentFile(b"guide", "guide.pdf"), uploaded_by_user=editor)
    for model, item in ((get_image_model(), image), (get_document_model(), document)):
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(facilitator, "add")
        assert policy.user_has_permission(facilitator, "choose")
        assert not policy.user_has_permission(trainee, "add")
        assert not policy.user_has_permission_for_instance(facilitator, "delete", item)
        assert policy.user_has_permission_for_instance(editor, "delete", item)
        item.uploaded_by_user = facilitator
        assert policy.user_has_permission_for_instance(facilitator, "change", item)


def test_review_names_show_in_the_editors_language(client, moderated):
    from wagtail.users.models import UserProfile

    facilitator = UserFactory(roles=[FACILITATOR])
    profile = UserProfile.get_for_user(facilitator)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(facilitator)
    module = moderated["modules"][0]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content.decode()
    assert "Soumettre à Relecture pédagogique" in html
    assert "Curriculum review" not in html


def test_a_catalogue_created_in_the_admin_is_moderated(client, site_tree, roles_ready):
    from wagtail.test.utils.form_data import rich_text

    from curriculum.models import CataloguePage

    client.force_login(UserFactory(is_superuser=True))
    url = reverse("wagtailadmin_pages:add",
                  args=["curriculum", "cataloguepage", site_tree["home"].pk])
    data = nested_form_data({"title": "Autres cours", "slug": "autres-cours",
                             "intro": rich_text(""), "comments": inline_formset([])})
    assert client.post(url, data).status_code == 302
    catalogue = CataloguePage.objects.get(slug="autres-cours")
    assert catalogue.get_workflow().name == WORKFLOW_NAME
    assert catalogue.permissions_for_user(UserFactory(roles=[FACILITATOR])).can_add_subpage()


def test_dashboard_panels_name_the_review_in_the_readers_language(client, moderated):
    from wagtail.users.models import UserProfile

    module = moderated["modules"][0]
    facilitator = UserFactory(roles=[FACILITATOR])
    profile = UserProfile.get_for_user(facilitator)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(facilitator)
    client.post(reverse("wagtailadmin_pages:edit", args=[module.pk]),
                edit_data(module, title="Module 1, revised", action="action-submit"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Validation par un éditeur pédagogique" in html  # "Your pages in a workflow"
    assert "Approval by a curriculum editor" not in html
