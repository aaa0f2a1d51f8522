"""The Wagtail image upload form (WAGTAILIMAGES_IMAGE_FORM_BASE): a file Pillow cannot decode is
a form error, never a server error.

Wagtail checks an upload's format from its first bytes and its size from its header; a GIF
whose header is right but whose data is broken raised from deep in Pillow (HTTP 500). Here the
first frame is decoded once while validating (the pixel limit, WAGTAILIMAGES_MAX_IMAGE_PIXELS,
is checked before, so the decode is bounded) and any failure becomes "not a valid image".
"""

import logging

from PIL import Image as PILImage

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)


class DecodedImageField(WagtailImageField):
    def check_image_pixel_size(self, f) -> None:
        try:
            super().check_image_pixel_size(f)
            f.seek(0)
            with PILImage.open(f) as image:
                image.load()
        except ValidationError:
            raise
        except Exception as exc:  # any decoder failure means an unusable file
            logger.info("Image upload refused, it cannot be decoded: %s", exc.__class__.__name__)
            raise ValidationError(self.error_messages["invalid_image"],
                                  code="invalid_image") from exc
        finally:
            f.seek(0)


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "file" in self.fields:  # built per form: the limits follow the settings of the day
            generated = self.fields["file"]
            field = DecodedImageField(label=generated.label, required=generated.required)
            field.widget.attrs.update(generated.widget.attrs)
            self.fields["file"] = field
