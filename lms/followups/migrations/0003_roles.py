"""National staff keep the list of practices: grant the permissions declared in
`lms.accounts.roles` (FOLLOWUP_PRACTICE_PERMISSIONS), as accounts' 0003_roles does."""

from django.db import migrations

from lms.accounts import roles


def roles_ensure(apps, schema_editor) -> None:
    roles.permissions_create(apps=apps)
    roles.ensure_roles(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("followups", "0002_default_practices"), ("accounts", "0003_roles")]

    operations = [
        migrations.RunPython(roles_ensure, migrations.RunPython.noop, elidable=False),
    ]
