"""Wagtail image uploads that would exhaust the server or crash the form get a form error."""

import io
import zlib

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _add_image(client, name: str, content: bytes, content_type: str):
    return client.post(reverse("wagtailimages:add"), {
        "title": "Upload", "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile(name, content, content_type)})


def _huge_png(width: int = 11_000, height: int = 11_000) -> bytes:
    """A 121-megapixel black PNG of about 118 KB, written by hand (Pillow would need the
    bitmap in memory): one filter byte then zeros per row, deflated."""
    import struct

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    rows = zlib.compress((b"\x00" + b"\x00" * ((width + 7) // 8)) * height, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(
        b"IEND", b"")


def test_a_121_megapixel_png_is_refused_with_a_form_error(admin_client):
    content = _huge_png()
    assert len(content) < 200_000
    response = _add_image(admin_client, "huge.png", content, "image/png")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def _gif_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("P", (20, 20)).save(buffer, "GIF")
    return buffer.getvalue()


@pytest.mark.parametrize("content", [
    _gif_bytes()[:30],  # cut off inside the image data
    b"GIF89a" + b"\x14\x00\x14\x00" + b"\xff" * 40,  # a header, then nonsense
    b"GIF89a",
], ids=["truncated", "garbage", "header-only"])
def test_a_malformed_gif_gets_a_form_error_not_a_500(admin_client, content):
    admin_client.raise_request_exception = False
    response = _add_image(admin_client, "broken.gif", content, "image/gif")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


def test_a_good_gif_is_still_accepted(admin_client):
    response = _add_image(admin_client, "ok.gif", _gif_bytes(), "image/gif")
    assert response.status_code == 302
