"""Question images: real images only, size and dimensions limited (Pillow)."""

import io

import pytest
from PIL import Image

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from lms.quizzes import validators
from lms.quizzes.validators import validate_question_image


def png(width=40, height=30) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0b5394").save(buffer, "PNG")
    return SimpleUploadedFile("diagram.png", buffer.getvalue(), content_type="image/png")


def test_real_image_passes():
    validate_question_image(png())


def test_text_pretending_to_be_an_image_fails():
    fake = SimpleUploadedFile("evil.png", b"<script>alert(1)</script>", content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        validate_question_image(fake)
    assert caught.value.code == "not_an_image"


def test_truncated_image_fails():
    data = png().read()
    with pytest.raises(ValidationError):
        validate_question_image(SimpleUploadedFile("cut.png", data[: len(data) // 2]))


def test_heavy_file_fails(monkeypatch):
    monkeypatch.setattr(validators, "MAX_IMAGE_BYTES", 100)
    with pytest.raises(ValidationError) as caught:
        validate_question_image(png())
    assert caught.value.code == "image_too_heavy"


def test_huge_dimensions_fail():
    with pytest.raises(ValidationError) as caught:
        validate_question_image(png(width=4001, height=10))
    assert caught.value.code == "image_too_large"


@pytest.mark.django_db
def test_model_validation_uses_the_check():
    from .factories import CategoryFactory, QuestionFactory

    question = QuestionFactory.build(category=CategoryFactory(),
                                     image=SimpleUploadedFile("x.png", b"not an image"))
    with pytest.raises(ValidationError) as caught:
        question.full_clean()
    assert "image" in caught.value.message_dict
