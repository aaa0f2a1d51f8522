"""Who may write and who may publish the curriculum.

Facilitators draft and edit course pages and submit them; Curriculum editors review, approve
and publish them. Wagtail enforces it: page permissions on each catalogue (no publish for
facilitators), and the "Curriculum review" workflow, whose one task waits for a Curriculum
editor's approval. `ensure_curriculum_workflow()` is idempotent: a data migration runs it (so
`migrate` alone gives the workflow), and so do the admin when a catalogue is created, the demo
loader and tests.
"""

from django.apps import apps as global_apps
from django.db import transaction
from django.utils.translation import gettext_noop

from lms.accounts.roles import CURRICULUM_EDITOR, FACILITATOR

# Stored in English; shown in the reader's language (see curriculum/wagtail_hooks.py).
WORKFLOW_NAME = gettext_noop("Curriculum review")
TASK_NAME = gettext_noop("Approval by a curriculum editor")

# Wagtail page permission codenames (wagtail.models.PAGE_PERMISSION_TYPES), granted on each
# catalogue page and inherited by every course and module below it.
PAGE_PERMISSIONS = {
    FACILITATOR: ["add_page", "change_page", "lock_page"],
    CURRICULUM_EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Permissions on the root collection, so images and documents anywhere can be used.
# Wagtail lets "add" edit and delete one's own uploads; "change" (editors) covers everyone's.
COLLECTION_PERMISSIONS = {
    FACILITATOR: [
        ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
    ],
    CURRICULUM_EDITOR: [
        ("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"), ("wagtailimages", "delete_image"),
        ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"), ("wagtaildocs", "delete_document"),
    ],
}


def _permission(apps, app_label: str, codename: str):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_curriculum_workflow(*, apps=global_apps):
    """Create (or repair) the groups' permissions and the review workflow on every catalogue.
    `apps` is a migration's historical registry when the data migration calls it (so only
    plain model managers are used here)."""
    group_model = apps.get_model("auth", "Group")
    groups = {name: group_model.objects.get_or_create(name=name)[0]
              for name in (FACILITATOR, CURRICULUM_EDITOR)}
    catalogues = list(apps.get_model("curriculum", "CataloguePage").objects.all())
    root_collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    group_collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            permission = _permission(apps, "wagtailcore", codename)
            for catalogue in catalogues:
                group_page_permission.objects.get_or_create(
                    group=groups[name], page_id=catalogue.pk, permission=permission
                )
    for name, perms in COLLECTION_PERMISSIONS.items():
        wanted = [_permission(apps, app_label, codename) for app_label, codename in perms]
        for permission in wanted:
            group_collection_permission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=permission
            )
        group_collection_permission.objects.filter(  # drop what an older setup granted
            group=groups[name], collection=root_collection,
            permission__content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        ).exclude(permission__in=wanted).delete()

    workflow, _created = apps.get_model("wagtailcore", "Workflow").objects.get_or_create(
        name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task_type = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask")[0]
    task, _created = apps.get_model("wagtailcore", "GroupApprovalTask").objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type})
    task.groups.add(groups[CURRICULUM_EDITOR])
    apps.get_model("wagtailcore", "WorkflowTask").objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0})
    workflow_page = apps.get_model("wagtailcore", "WorkflowPage")
    for catalogue in catalogues:
        workflow_page.objects.update_or_create(page_id=catalogue.pk,
                                               defaults={"workflow": workflow})
    return workflow
