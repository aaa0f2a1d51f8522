from django.db import migrations

# The practices the NRM and psychosocial curricula teach; kept and extended in the admin
# (Follow-up practices).
DEFAULTS = [
    ("nrm-referral", "Referred a vulnerable migrant through the NRM",
     "Orienté un migrant vulnérable via le MNR"),
    ("case-management", "Opened or followed a case file for a returning migrant",
     "Ouvert ou suivi un dossier de cas d'un migrant de retour"),
    ("psychosocial-first-aid", "Ran a psychosocial first-aid session",
     "Animé une séance de premiers secours psychologiques"),
    ("awareness", "Held an awareness session in the community",
     "Tenu une séance de sensibilisation dans la communauté"),
    ("trained-others", "Trained others (cascade)", "Formé d'autres personnes (cascade)"),
    ("shared-tools", "Used or shared the training's tools and forms",
     "Utilisé ou partagé les outils et formulaires de la formation"),
]


def add_defaults(apps, schema_editor):
    Practice = apps.get_model("followups", "Practice")
    for position, (code, label_en, label_fr) in enumerate(DEFAULTS):
        Practice.objects.get_or_create(
            code=code, defaults={"label_en": label_en, "label_fr": label_fr,
                                 "position": position * 10})


class Migration(migrations.Migration):
    dependencies = [("followups", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
