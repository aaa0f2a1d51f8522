"""Who may write and who may publish the curriculum.

Facilitators draft and edit course pages and submit them; Curriculum editors review, approve
and publish them. Wagtail enforces it: page permissions on each catalogue (no publish for
facilitators), and the "Curriculum review" workflow, whose one task waits for a Curriculum
editor's approval. `ensure_curriculum_workflow()` is idempotent: the demo loader and tests call it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from lms.accounts.roles import CURRICULUM_EDITOR, FACILITATOR

from .models import CataloguePage

WORKFLOW_NAME = "Curriculum review"
TASK_NAME = "Approval by a curriculum editor"

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


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_curriculum_workflow() -> Workflow:
    """Create (or repair) the groups' permissions and the review workflow on every catalogue."""
    groups = {name: Group.objects.get_or_create(name=name)[0]
              for name in (FACILITATOR, CURRICULUM_EDITOR)}
    catalogues = list(CataloguePage.objects.all())
    root_collection = Collection.get_first_root_node()

    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            permission = _permission("wagtailcore", codename)
            for catalogue in catalogues:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=catalogue, permission=permission
                )
    for name, perms in COLLECTION_PERMISSIONS.items():
        wanted = [_permission(app_label, codename) for app_label, codename in perms]
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=permission
            )
        GroupCollectionPermission.objects.filter(  # drop what an older setup granted
            group=groups[name], collection=root_collection,
            permission__content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        ).exclude(permission__in=wanted).delete()

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task, _created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(groups[CURRICULUM_EDITOR])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task,
                                       defaults={"sort_order": 0})
    for catalogue in catalogues:
        WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})
    return workflow
