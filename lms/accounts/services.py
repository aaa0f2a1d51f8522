"""Account rules: creating and updating people, called from the demo loader, imports and tests."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from lms.regions.models import Region

from .models import User


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
