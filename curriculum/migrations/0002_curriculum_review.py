"""The "Curriculum review" workflow and the groups' page and collection permissions, so that
`migrate` alone gives a moderated curriculum. Idempotent: runs `ensure_curriculum_workflow`
with this migration's models (catalogues created later get it from the admin hook or the
content loader)."""

from django.db import migrations

from curriculum.workflow import ensure_curriculum_workflow
from lms.accounts import roles


def workflow_ensure(apps, schema_editor) -> None:
    roles.permissions_create(apps=apps)
    ensure_curriculum_workflow(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ("curriculum", "0001_initial"),
        ("accounts", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(workflow_ensure, migrations.RunPython.noop, elidable=False),
    ]
