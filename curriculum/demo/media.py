"""Images and documents for the demo curriculum, drawn at load time so the repository carries
no binary files. Each is looked up by its title first, so loading twice creates nothing new."""

from functools import cache
from io import BytesIO
from pathlib import Path

import reportlab
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

INK = "#1b2a3a"
WHITE = "#ffffff"


# Bitstream Vera ships with reportlab and covers French accents; Pillow's own default does not.
VERA = Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(VERA), size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _centred_text(draw, box: tuple[int, int, int, int], text: str, size: int,
                  fill: str = INK) -> None:
    font = _font(size)
    left, top, right, bottom = box
    lines = _wrap(draw, text, font, right - left - 16)
    line_height = int(size * 1.25)
    y = top + (bottom - top - line_height * len(lines)) // 2
    for line in lines:
        x = left + (right - left - draw.textlength(line, font=font)) // 2
        draw.text((x, y), line, font=font, fill=fill)
        y += line_height


def draw_cover(*, title: str, tagline: str, colour: str) -> PILImage.Image:
    image = PILImage.new("RGB", (960, 360), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 960, 360), fill=INK)
    _centred_text(draw, (40, 30, 920, 280), title, 46, WHITE)
    _centred_text(draw, (20, 300, 940, 360), tagline, 19, WHITE)
    return image


def draw_levels(*, labels: list[str], title: str) -> PILImage.Image:
    """Three nested circles (outer label first: structural; centre last: individual), each
    named inside its ring, with the full labels in a legend on the right."""
    image = PILImage.new("RGB", (1000, 620), WHITE)
    draw = ImageDraw.Draw(image)
    _centred_text(draw, (0, 0, 1000, 70), title, 30)
    centre_x, centre_y = 300, 350
    colours = ["#cfe3f5", "#8fc1e8", "#2f6fa3"]
    for ring, (label, colour) in enumerate(zip(labels, colours, strict=True)):
        radius = (250, 165, 80)[ring]
        draw.ellipse((centre_x - radius, centre_y - radius, centre_x + radius,
                      centre_y + radius), fill=colour, outline=INK, width=3)
        name = label.split(":")[0].strip()
        text_colour = WHITE if ring == 2 else INK
        middle = (centre_y - 208, centre_y - 122, centre_y)[ring]
        _centred_text(draw, (centre_x - 120, middle - 20, centre_x + 120, middle + 20), name,
                      20, text_colour)
        legend_top = 150 + ring * 140
        draw.rectangle((600, legend_top, 640, legend_top + 40), fill=colour, outline=INK, width=2)
        font = _font(22)
        for line_number, line in enumerate(_wrap(draw, label, font, 310)):
            draw.text((660, legend_top + line_number * 28), line, font=font, fill=INK)
    return image


def draw_pathway(*, steps: list[str], title: str) -> PILImage.Image:
    """Boxes joined by arrows, top to bottom, so the diagram stays readable on a phone."""
    box_height, gap = 90, 40
    height = 90 + len(steps) * (box_height + gap)
    image = PILImage.new("RGB", (720, height), WHITE)
    draw = ImageDraw.Draw(image)
    _centred_text(draw, (0, 0, 720, 80), title, 28)
    y = 90
    for index, step in enumerate(steps):
        fill = "#f6d7a7" if index == 0 else "#d9ead3"
        draw.rounded_rectangle((80, y, 640, y + box_height), radius=16, fill=fill,
                               outline=INK, width=3)
        _centred_text(draw, (90, y, 630, y + box_height), f"{index + 1}. {step}", 24)
        if index < len(steps) - 1:
            arrow_top, arrow_bottom = y + box_height, y + box_height + gap
            draw.line((360, arrow_top, 360, arrow_bottom - 4), fill=INK, width=4)
            draw.polygon([(348, arrow_bottom - 14), (372, arrow_bottom - 14),
                          (360, arrow_bottom)], fill=INK)
        y += box_height + gap
    return image


def draw_pyramid(*, layers: list[str], title: str) -> PILImage.Image:
    """The intervention pyramid; `layers` run from the base (everyone) to the top (few)."""
    image = PILImage.new("RGB", (900, 620), WHITE)
    draw = ImageDraw.Draw(image)
    _centred_text(draw, (0, 0, 900, 70), title, 30)
    colours = ["#d9ead3", "#b6d7a8", "#93c47d", "#38761d"]
    base_y, layer_height, apex_x, half_base = 600, 125, 450, 420
    for index, (label, colour) in enumerate(zip(layers, colours, strict=True)):
        bottom = base_y - index * layer_height
        top = bottom - layer_height
        half_bottom = half_base * (bottom - 100) / 500
        half_top = half_base * (top - 100) / 500
        draw.polygon([(apex_x - half_bottom, bottom), (apex_x + half_bottom, bottom),
                      (apex_x + half_top, top), (apex_x - half_top, top)],
                     fill=colour, outline=INK, width=3)
        width = max(int(half_bottom * 1.4), 160)
        text_top = top + 60 if index == 3 else top + 8
        _centred_text(draw, (apex_x - width // 2, text_top, apex_x + width // 2, bottom - 4),
                      label, 17 if index == 3 else 22, WHITE if index == 3 else INK)
    return image


DRAWERS = {"cover": draw_cover, "levels": draw_levels, "pathway": draw_pathway,
           "pyramid": draw_pyramid}


def ensure_image(*, title: str, drawer: str, drawing: dict):
    """The Wagtail image called `title`, drawn with `DRAWERS[drawer]` if it does not exist."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing
    picture = DRAWERS[drawer](**drawing)
    buffer = BytesIO()
    picture.convert("P", palette=PILImage.Palette.ADAPTIVE, colors=64).save(
        buffer, format="PNG", optimize=True
    )
    image = image_model(title=title, file=ImageFile(buffer, name=f"{slugify(title)}.png"))
    image.save()
    return image


def render_pdf(*, title: str, lines: list[str]) -> bytes:
    """A one- or two-page PDF. `lines` starting with '# ' are headings, '- ' bullet points."""
    styles = getSampleStyleSheet()
    buffer = BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title, author="Cascade",
                                 leftMargin=20 * mm, rightMargin=20 * mm)
    story: list = [Paragraph(title, styles["Title"])]
    bullets: list = []

    def flush_bullets() -> None:
        if bullets:
            story.append(ListFlowable([ListItem(b) for b in bullets], bulletType="bullet"))
            bullets.clear()

    for line in lines:
        if line.startswith("- "):
            bullets.append(Paragraph(line[2:], styles["BodyText"]))
            continue
        flush_bullets()
        if line.startswith("# "):
            story += [Spacer(1, 4 * mm), Paragraph(line[2:], styles["Heading2"])]
        else:
            story.append(Paragraph(line, styles["BodyText"]))
    flush_bullets()
    document.build(story)
    return buffer.getvalue()


def ensure_document(*, title: str, lines: list[str], collection=None):
    """The demo document of this title, in `collection` (the root collection when None)."""
    document_model = get_document_model()
    collection = collection or Collection.get_first_root_node()
    existing = document_model.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        if existing.collection_id != collection.pk:  # a demo loaded before the collection existed
            existing.collection = collection
            existing.save(update_fields=["collection"])
        return existing
    content = ContentFile(render_pdf(title=title, lines=lines), name=f"{slugify(title)}.pdf")
    document = document_model(title=title, file=content, collection=collection)
    document.save()
    return document
