"""The roles and their permissions, so that `migrate` alone gives a working, secure site.

Runs the current `roles.ensure_roles` (idempotent, it only adds) with this migration's models.
When the roles' declared permissions change, add a migration like this one.
"""

from django.db import migrations

from lms.accounts import roles


def roles_ensure(apps, schema_editor) -> None:
    roles.permissions_create(apps=apps)
    roles.ensure_roles(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_capability"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("certificates", "0001_initial"),
        ("cohorts", "0003_dashboard_indexes"),
        ("organisations", "0001_initial"),
        ("quizzes", "0002_sitting_user_quiz_index"),
        ("regions", "0002_load_regions"),
    ]

    operations = [
        migrations.RunPython(roles_ensure, migrations.RunPython.noop, elidable=False),
    ]
