"""Demo data for this app, loaded by `manage.py load_demo` (see lms/core/demo.py). Idempotent.

One account per role, all with the password DEMO_PASSWORD (listed in README, demo-logins).
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from lms.regions.models import Region

from . import roles
from .models import User

DEMO_PASSWORD = "cascade-demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    email: str = ""
    region: str = ""
    language: str = "fr"
    is_superuser: bool = False
    coordinated_regions: tuple[str, ...] = ()


@transaction.atomic
def demo_account_ensure(*, account: DemoAccount, password: str) -> tuple[User, bool]:
    """Create or repair one demo account; a second run changes nothing (the password hash
    is only rewritten when the password no longer matches)."""
    user, created = User.objects.update_or_create(
        username=account.username,
        defaults={
            "first_name": account.first_name,
            "last_name": account.last_name,
            "email": account.email,
            "language": account.language,
            "region": Region.objects.filter(name=account.region).first(),
            "is_superuser": account.is_superuser,
            "is_staff": account.is_superuser,
            "is_active": True,
        },
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=account.role))
    if account.coordinated_regions:
        user.coordinated_regions.set(Region.objects.filter(name__in=account.coordinated_regions))
    return user, created


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
    created = sum(
        demo_account_ensure(account=account, password=DEMO_PASSWORD)[1]
        for account in DEMO_ACCOUNTS
    )
    return f"{len(DEMO_ACCOUNTS)} demo accounts ({created} new)"
