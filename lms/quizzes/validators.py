"""Upload checks for question images: a real image, not too heavy, not too large."""

from PIL import Image, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_IMAGE_SIDE = 4000
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def validate_question_image(file) -> None:
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            _("The image is too large (%(size)d KB); the limit is %(limit)d KB."),
            params={"size": file.size // 1024, "limit": MAX_IMAGE_BYTES // 1024},
            code="image_too_heavy",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("Upload a valid image (JPEG, PNG, GIF or WebP)."),
                              code="not_an_image") from exc
    finally:
        file.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(_("Upload a valid image (JPEG, PNG, GIF or WebP)."),
                              code="bad_format")
    if max(width, height) > MAX_IMAGE_SIDE:
        raise ValidationError(
            _("The image is %(w)d by %(h)d pixels; neither side may exceed %(limit)d."),
            params={"w": width, "h": height, "limit": MAX_IMAGE_SIDE},
            code="image_too_large",
        )
