import pytest

from lms.cohorts import selectors
from lms.regions.models import Region
from lms.regions.services import regions_load
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_nine_units_are_loaded_once():
    assert Region.objects.count() == 9
    assert regions_load() == 9
    assert Region.objects.get(name="Bamako").kind == Region.Kind.DISTRICT


def test_regions_visible_by_role(roles_ready):
    kayes = Region.objects.get(name="Kayes")
    coordinator = UserFactory(roles=["Regional coordinators"], regions=[kayes])
    assert list(selectors.regions_visible_to(coordinator)) == [kayes]
    assert selectors.regions_visible_to(UserFactory(roles=["National coordinators"])).count() == 9
    assert not selectors.regions_visible_to(UserFactory(roles=["Trainees"])).exists()
