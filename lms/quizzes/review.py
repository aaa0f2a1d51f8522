"""Quizzes and questions change under review, like the curriculum's pages.

Both are Wagtail snippets with drafts, revisions, locking and workflows. Facilitators edit and
submit; Curriculum editors approve (which publishes) or publish directly. The "Curriculum
review" workflow is assigned to both models' content types. `ensure_quiz_review()` is
idempotent: the data migration `0005_quiz_review_workflow` runs it (so `migrate` alone gives
the review), and so do the demo loader and tests.
"""

from django.apps import apps as global_apps
from django.db import transaction

from curriculum.workflow import ensure_curriculum_workflow
from lms.accounts import roles

REVIEWED_MODELS = ("quiz", "question")
# Wagtail's extra snippet permissions (wagtail.snippets.models.create_extra_permissions makes
# them after `migrate`; the data migration needs them before granting).
EXTRA_ACTIONS = {"publish": "Can publish", "lock": "Can lock", "unlock": "Can unlock"}


@transaction.atomic
def ensure_quiz_review(*, apps=global_apps):
    """Create the publish/lock/unlock permissions, grant them as `roles` declares, and assign
    the Curriculum review workflow to quizzes and questions. `apps` is a migration's
    historical registry when the data migration calls it."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_types = {}
    for model in REVIEWED_MODELS:
        content_types[model] = content_type_model.objects.get_or_create(
            app_label="quizzes", model=model)[0]
        for action, name in EXTRA_ACTIONS.items():
            permission_model.objects.get_or_create(
                content_type=content_types[model], codename=f"{action}_{model}",
                defaults={"name": f"{name} {model}"})
    roles.ensure_roles(apps=apps)
    workflow = ensure_curriculum_workflow(apps=apps)
    workflow_content_type = apps.get_model("wagtailcore", "WorkflowContentType")
    for content_type in content_types.values():
        workflow_content_type.objects.update_or_create(
            content_type_id=content_type.pk, defaults={"workflow_id": workflow.pk})
    return workflow
