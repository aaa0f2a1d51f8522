"""Facilitator-only notes never reach trainees, coordinators or anonymous visitors."""

import pytest

from lms.accounts import roles
from tests.curriculum.factories import NOTES, body_with_activity
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(site_tree):
    module = site_tree["modules"][0]
    module.body = body_with_activity()
    module.save_revision().publish()
    return module


def page_html(client, module, user=None) -> str:
    if user is not None:
        client.force_login(user)
    response = client.get(module.url)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_never_sees_notes(client, module):
    html = page_html(client, module)
    assert "Map the services" in html  # the activity itself is shown
    assert NOTES not in html
    assert "Facilitator-only notes" not in html


@pytest.mark.parametrize("role", [roles.TRAINEE, roles.REGIONAL_COORDINATOR,
                                  roles.NATIONAL_COORDINATOR])
def test_non_facilitating_roles_never_see_notes(client, module, role):
    assert NOTES not in page_html(client, module, UserFactory(roles=[role]))


def test_user_without_role_never_sees_notes(client, module):
    assert NOTES not in page_html(client, module, UserFactory())


@pytest.mark.parametrize("role", [roles.FACILITATOR, roles.CURRICULUM_EDITOR,
                                  roles.ADMINISTRATOR])
def test_facilitating_roles_see_notes(client, module, role):
    assert NOTES in page_html(client, module, UserFactory(roles=[role]))


def test_superuser_sees_notes(client, module):
    assert NOTES in page_html(client, module, UserFactory(is_superuser=True))


def test_facilitator_guide_downloads_hidden_from_trainees(client, site_tree):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    document = Document.objects.create(title="Guide", file=ContentFile(b"guide", "guide.pdf"))
    module = site_tree["modules"][1]
    module.body = [
        ("download", {"document": document, "title": "Session plan",
                      "kind": "facilitator_guide"}),
        ("download", {"document": document, "title": "Referral form", "kind": "form"}),
    ]
    module.save_revision().publish()
    trainee_html = page_html(client, module, UserFactory(roles=[roles.TRAINEE]))
    assert "Referral form" in trainee_html and "Session plan" not in trainee_html
    assert "Session plan" in page_html(client, module, UserFactory(roles=[roles.FACILITATOR]))
