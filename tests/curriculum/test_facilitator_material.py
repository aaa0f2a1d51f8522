"""Facilitator guides download only for facilitating roles (Wagtail collection privacy)."""

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from curriculum.facilitator_material import COLLECTION_NAME, ensure_facilitator_material
from lms.accounts import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

GUIDE = b"%PDF-1.4 facilitator guide"


@pytest.fixture
def guide():
    document = get_document_model()(title="Guide", collection=ensure_facilitator_material(),
                                    file=ContentFile(GUIDE, name="guide.pdf"))
    document.save()
    return document


def _download(client, document, user=None):
    if user is not None:
        client.force_login(user)
    response = client.get(document.url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_migrate_creates_the_private_collection_once():
    collection = Collection.objects.get(name=COLLECTION_NAME)  # made by curriculum 0003
    assert ensure_facilitator_material().pk == collection.pk  # idempotent
    assert Collection.objects.filter(name=COLLECTION_NAME).count() == 1
    assert collection.get_parent().is_root()
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert sorted(restriction.groups.values_list("name", flat=True)) == sorted(
        [roles.FACILITATOR, roles.CURRICULUM_EDITOR, roles.ADMINISTRATOR])
    # A second collection added later still gets a valid tree position.
    other = Collection.get_first_root_node().add_child(name="Handouts")
    assert Collection.objects.get(pk=other.pk).get_parent().is_root()


def test_anonymous_visitor_is_sent_to_log_in(client, guide):
    response, body = _download(client, guide)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert GUIDE not in body


@pytest.mark.parametrize("role", [roles.TRAINEE, roles.REGIONAL_COORDINATOR])
def test_signed_in_non_facilitators_are_refused(client, guide, role):
    response, body = _download(client, guide, UserFactory(roles=[role]))
    assert response.status_code == 302
    assert GUIDE not in body


@pytest.mark.parametrize("role", [roles.FACILITATOR, roles.CURRICULUM_EDITOR,
                                  roles.ADMINISTRATOR])
def test_facilitating_roles_get_the_file(client, guide, role):
    response, body = _download(client, guide, UserFactory(roles=[role]))
    assert response.status_code == 200
    assert body == GUIDE


def test_a_handout_in_the_root_collection_stays_public(client):
    handout = get_document_model()(title="Handout", file=ContentFile(b"%PDF hi", name="h.pdf"),
                                   collection=Collection.get_first_root_node())
    handout.save()
    response, body = _download(client, handout)
    assert response.status_code == 200
    assert body == b"%PDF hi"


def test_demo_facilitator_guides_are_private():
    from curriculum.demo.courses import COURSES
    from curriculum.demo.loader import _course_assets

    nrm = next(course for course in COURSES if "facilitator_guide" in course.get("documents", {}))
    for language in ("en", "fr"):
        assets = _course_assets(nrm, language)
        assert assets["facilitator_guide"].collection.name == COLLECTION_NAME
        assert assets["referral_form"].collection.is_root()
