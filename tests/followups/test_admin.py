"""The practices' list in the Wagtail admin: national staff keep it; other roles cannot."""

import pytest

from django.urls import reverse

from lms.followups.models import Practice

pytestmark = pytest.mark.django_db


def test_national_staff_keep_the_practices(client, world):
    client.force_login(world["people"]["national"])
    index = client.get(reverse("practice:index"))
    assert index.status_code == 200
    assert "Referred a vulnerable migrant through the NRM" in index.content.decode()
    response = client.post(reverse("practice:add"), {
        "label_en": "Opened a help desk", "label_fr": "Ouvert un guichet d'accueil",
        "code": "help-desk", "position": "70", "active": "on"})
    assert response.status_code == 302
    assert Practice.objects.get(code="help-desk").label_fr == "Ouvert un guichet d'accueil"


@pytest.mark.parametrize("who", ["coord_kayes", "facilitator"])
def test_other_roles_cannot(client, world, who):
    client.force_login(world["people"][who])
    assert client.get(reverse("practice:index")).status_code in (302, 403)
    client.post(reverse("practice:add"), {"label_en": "x", "code": "x", "position": "1"})
    assert not Practice.objects.filter(code="x").exists()
