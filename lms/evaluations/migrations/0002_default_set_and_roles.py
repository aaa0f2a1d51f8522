"""The default reaction question set, so a fresh site has a form, and the roles' new
permissions on question sets (`accounts.roles.EVALUATION_BUILDER_PERMISSIONS`)."""

from django.db import migrations

from lms.accounts import roles
from lms.evaluations.defaults import default_set_ensure


def forwards(apps, schema_editor) -> None:
    default_set_ensure(question_set_model=apps.get_model("evaluations", "QuestionSet"),
                       item_model=apps.get_model("evaluations", "Item"))
    roles.permissions_create(apps=apps)
    roles.ensure_roles(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ("evaluations", "0001_initial"),
        ("accounts", "0005_account_events"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False),
    ]
