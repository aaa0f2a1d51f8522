import pytest

from django.contrib.auth import authenticate

from lms.accounts import demo, roles
from lms.accounts.models import User

pytestmark = pytest.mark.django_db

EXPECTED = {
    "admin": roles.ADMINISTRATOR, "editor": roles.CURRICULUM_EDITOR,
    "facilitator": roles.FACILITATOR, "national": roles.NATIONAL_COORDINATOR,
    "coord.kayes": roles.REGIONAL_COORDINATOR, "coord.mopti": roles.REGIONAL_COORDINATOR,
    "trainee": roles.TRAINEE,
}


def test_load_creates_one_account_per_role(site_tree, rf):
    demo.load()
    for username, role in EXPECTED.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        request = rf.post("/en/accounts/login/")
        assert authenticate(request, username=username, password="cascade-demo") == user
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert not User.objects.get(username="editor").is_superuser


def test_profiles_match_the_readme(site_tree):
    demo.load()
    facilitator = User.objects.get(username="facilitator")
    assert (facilitator.get_full_name(), facilitator.region.name) == ("Awa Coulibaly", "Bamako")
    trainee = User.objects.get(username="trainee")
    assert (trainee.get_full_name(), trainee.region.name, trainee.language) == (
        "Moussa Diarra", "Bamako", "fr")
    assert trainee.email == ""
    for username, region in (("coord.kayes", "Kayes"), ("coord.mopti", "Mopti")):
        coordinator = User.objects.get(username=username)
        assert list(coordinator.coordinated_regions.values_list("name", flat=True)) == [region]


def test_load_is_idempotent(site_tree):
    demo.load()
    snapshot = list(User.objects.order_by("username").values_list(
        "username", "password", "email", "region_id"))
    demo.load()
    assert list(User.objects.order_by("username").values_list(
        "username", "password", "email", "region_id")) == snapshot


def test_load_repairs_a_changed_password(site_tree):
    demo.load()
    trainee = User.objects.get(username="trainee")
    trainee.set_password("something-else-1")
    trainee.save()
    demo.load()
    trainee.refresh_from_db()
    assert trainee.check_password("cascade-demo")
