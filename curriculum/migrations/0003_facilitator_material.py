"""The private "Facilitator material" document collection (see curriculum/facilitator_material.py),
so that `migrate` alone keeps facilitator guides away from anonymous visitors and trainees."""

from django.db import migrations

from curriculum.facilitator_material import ensure_facilitator_material


def material_ensure(apps, schema_editor) -> None:
    ensure_facilitator_material(apps=apps)


class Migration(migrations.Migration):

    dependencies = [
        ("curriculum", "0002_curriculum_review"),
        ("accounts", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(material_ensure, migrations.RunPython.noop, elidable=False),
    ]
