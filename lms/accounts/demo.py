"""Demo data for this app, loaded by `manage.py load_demo` (see lms/core/demo.py). Idempotent.

One account per role, all with the password DEMO_PASSWORD (listed in README, demo-logins).
"""

from curriculum.workflow import ensure_curriculum_workflow

from . import roles
from .services import DemoAccount, demo_account_ensure

DEMO_PASSWORD = "cascade-demo"

DEMO_ACCOUNTS = [
    DemoAccount("admin", "Aminata", "Traoré", roles.ADMINISTRATOR, email="admin@example.org",
                region="Bamako", language="en", is_superuser=True),
    DemoAccount("editor", "Ibrahim", "Keïta", roles.CURRICULUM_EDITOR,
                email="editor@example.org", region="Bamako", language="en"),
    DemoAccount("facilitator", "Awa", "Coulibaly", roles.FACILITATOR,
                email="facilitator@example.org", region="Bamako", language="fr"),
    DemoAccount("national", "Fatoumata", "Sissoko", roles.NATIONAL_COORDINATOR,
                email="national@example.org", region="Bamako", language="fr"),
    DemoAccount("coord.kayes", "Mamadou", "Diallo", roles.REGIONAL_COORDINATOR,
                email="coord.kayes@example.org", region="Kayes", language="fr",
                coordinated_regions=("Kayes",)),
    DemoAccount("coord.mopti", "Hawa", "Touré", roles.REGIONAL_COORDINATOR,
                email="coord.mopti@example.org", region="Mopti", language="fr",
                coordinated_regions=("Mopti",)),
    # Like most trainees, Moussa has no e-mail address: his coordinator resets his password.
    DemoAccount("trainee", "Moussa", "Diarra", roles.TRAINEE, region="Bamako", language="fr"),
]


def load() -> str:
    roles.ensure_roles()
    workflow = ensure_curriculum_workflow()
    created = sum(
        demo_account_ensure(account=account, password=DEMO_PASSWORD)[1]
        for account in DEMO_ACCOUNTS
    )
    return (f"{len(DEMO_ACCOUNTS)} demo accounts ({created} new), "
            f"workflow '{workflow.name}' on {workflow.workflow_pages.count()} catalogue(s)")
