import pytest

from lms.cohorts.demo import _organisations_ensure
from lms.organisations.models import Organisation
from lms.regions.models import Region

pytestmark = pytest.mark.django_db


def test_demo_organisations_cover_every_kind_and_load_idempotently():
    regions = {r.name: r for r in Region.objects.all()}
    count = _organisations_ensure(regions)
    assert count >= 20 and Organisation.objects.count() == count
    _organisations_ensure(regions)
    assert Organisation.objects.count() == count
    kinds = set(Organisation.objects.values_list("kind", flat=True))
    assert kinds == set(Organisation.Kind.values)
    assert str(Organisation.objects.get(acronym="CRM")) == "Croix-Rouge malienne (CRM)"
