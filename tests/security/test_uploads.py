"""Uploads through the Wagtail admin: images must be real images, documents a known type."""

import io

import pytest
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b5394").save(buffer, "PNG")
    return buffer.getvalue()


def _add_image(client, upload):
    return client.post(reverse("wagtailimages:add"), {
        "title": "Upload", "file": upload, "collection": Collection.get_first_root_node().pk})


def test_a_real_image_is_accepted(admin_client):
    response = _add_image(admin_client, SimpleUploadedFile("ok.png", _png_bytes(), "image/png"))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Upload").count() == 1


@pytest.mark.parametrize("name, content", [
    ("script.png", b"<script>alert(1)</script>"),
    ("shell.php", _png_bytes()),
    ("page.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
])
def test_non_images_are_rejected(admin_client, name, content):
    response = _add_image(admin_client, SimpleUploadedFile(name, content, "image/png"))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_oversized_image_is_rejected(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    response = _add_image(admin_client, SimpleUploadedFile("big.png", _png_bytes(), "image/png"))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def _add_document(client, upload):
    return client.post(reverse("wagtaildocs:add"), {
        "title": "Handout", "file": upload, "collection": Collection.get_first_root_node().pk})


def test_allowed_document_type_is_accepted(admin_client):
    response = _add_document(admin_client, SimpleUploadedFile("guide.pdf", b"%PDF-1.4\n%%EOF"))
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "macro.js", "drawing.svg"])
def test_dangerous_document_types_are_rejected(admin_client, name):
    response = _add_document(admin_client, SimpleUploadedFile(name, b"MZ payload"))
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


def test_document_extensions_are_an_explicit_short_list():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= {
        "csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"}
