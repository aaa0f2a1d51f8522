"""The evidence of a session run by a trainer: a photo or PDF scan of the signed paper
attendance sheet.

Photos are decoded with Pillow (a file Pillow cannot decode is a clear form error), turned
upright from the camera's EXIF orientation and resized to at most `PHOTO_MAX_SIDE` pixels as a
JPEG, so a 12-megapixel phone photo weighs a few hundred KB in the private storage. A PDF is
kept as it is, after checking its signature. Either may weigh at most `EVIDENCE_MAX_BYTES`.
"""

import io
import logging
from dataclasses import dataclass

from PIL import Image, ImageOps

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MAX_SIDE = 2000
PHOTO_MAX_PIXELS = 50_000_000  # refused before decoding (a "decompression bomb")
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


@dataclass(frozen=True)
class Evidence:
    data: bytes
    extension: str  # "jpg" or "pdf"
    content_type: str


def evidence_prepare(*, upload) -> Evidence:
    """Check and prepare an uploaded file; raises ValidationError with a message for the form."""
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("This file weighs %(size)s MB; the limit is %(limit)s MB. Take the photo again "
              "at a lower resolution, or scan the sheet in black and white.")
            % {"size": round(upload.size / 1024 / 1024, 1),
               "limit": EVIDENCE_MAX_BYTES // 1024 // 1024},
            code="too_large")
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return Evidence(data=upload.read(), extension="pdf", content_type="application/pdf")
    return _photo(upload)


def _photo(upload) -> Evidence:
    not_an_image = ValidationError(
        _("This file is neither a photo (JPEG, PNG or WebP) nor a PDF. Take a photo of the "
          "signed sheet, or attach its PDF scan."), code="invalid")
    try:
        with Image.open(upload) as image:
            if image.format not in PHOTO_FORMATS:
                raise not_an_image
            if image.width * image.height > PHOTO_MAX_PIXELS:
                raise ValidationError(_("This photo is too large (%(w)s by %(h)s pixels).")
                                      % {"w": image.width, "h": image.height}, code="too_large")
            image.load()
            photo = ImageOps.exif_transpose(image).convert("RGB")
    except ValidationError:
        raise
    except Exception as exc:  # any decoder failure means an unusable file
        logger.info("Evidence refused, it cannot be decoded: %s", exc.__class__.__name__)
        raise not_an_image from exc
    photo.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=82, optimize=True)
    return Evidence(data=out.getvalue(), extension="jpg", content_type="image/jpeg")
