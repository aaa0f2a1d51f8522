"""Draw a certificate as a one-page A4 landscape PDF with reportlab.

Pure drawing: `certificate_pdf(content=...)` takes plain data and returns bytes, so it needs no
database and is easy to test and benchmark. Fonts (DejaVu, full accent coverage) are embedded
as subsets; the QR code is drawn as vector squares so it stays sharp at any zoom.
"""

import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 70
INK = HexColor("#1f2937")
ACCENT = HexColor("#0f5e6e")
MUTED = HexColor("#4b5563")

SERIF, SERIF_BOLD, SERIF_ITALIC = "CascadeSerif", "CascadeSerif-Bold", "CascadeSerif-Italic"
SANS, SANS_BOLD = "CascadeSans", "CascadeSans-Bold"


@lru_cache(maxsize=1)
def fonts_register() -> None:
    for name, filename in [
        (SERIF, "DejaVuSerif.ttf"), (SERIF_BOLD, "DejaVuSerif-Bold.ttf"),
        (SERIF_ITALIC, "DejaVuSerif-Italic.ttf"), (SANS, "DejaVuSans.ttf"),
        (SANS_BOLD, "DejaVuSans-Bold.ttf"),
    ]:
        pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / filename)))


@dataclass(frozen=True)
class CertificateLabels:
    """Every sentence printed on the certificate, already translated by the caller."""

    title: str
    certify: str
    completed: str
    details: str
    facilitators: str
    issued: str
    verify: str
    code: str


@dataclass(frozen=True)
class CertificateContent:
    trainee_name: str
    course_title: str
    issuer_name: str
    code: str
    verify_url: str
    labels: CertificateLabels
    logo_png: bytes = b""
    facilitator_names: list[str] = field(default_factory=list)


def logo_process(source: bytes | None, *, max_px: int = 480) -> bytes:
    """Normalise any uploaded logo (any mode, alpha, size) to a small RGB PNG on white."""
    if not source:
        return default_logo_png()
    with Image.open(io.BytesIO(source)) as image:
        image.load()
        image = image.convert("RGBA")
        image.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, format="PNG", optimize=True)
    return out.getvalue()


@lru_cache(maxsize=1)
def default_logo_png() -> bytes:
    """Cascade's own mark, drawn with Pillow: three falling steps, like the cascade itself."""
    size = 360
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    teal = (15, 94, 110)
    for step in range(3):
        x, y = 60 + step * 80, 60 + step * 70
        draw.rounded_rectangle((x, y, x + 120, y + 50), radius=18, fill=teal)
    font = ImageFont.truetype(str(FONTS_DIR / "DejaVuSans-Bold.ttf"), 46)
    draw.text((size / 2, 318), "CASCADE", fill=teal, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def fit_font_size(text: str, font: str, *, width: float, largest: float, smallest: float) -> float:
    size = largest
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _fits(text: str, font: str, size: float, width: float) -> bool:
    return pdfmetrics.stringWidth(text, font, size) <= width


def break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word wider than the line (a long hyphenated name): break after its hyphens, and
    a part still too wide anywhere. Every character is kept, in order."""
    if _fits(word, font, size, width):
        return [word]
    pieces: list[str] = []
    for part in re.split(r"(?<=-)", word):
        if pieces and _fits(pieces[-1] + part, font, size, width):
            pieces[-1] += part
        else:
            pieces.append(part)
    lines: list[str] = []
    for piece in pieces:
        if _fits(piece, font, size, width):
            lines.append(piece)
            continue
        current = ""
        for char in piece:
            if current and not _fits(current + char, font, size, width):
                lines.append(current)
                current = char
            else:
                current += char
        lines.append(current)
    return [line for line in lines if line]


def split_lines(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        first, *rest = break_word(word, font, size, width)
        candidate = f"{lines[-1]} {first}" if lines else first
        if lines and _fits(candidate, font, size, width):
            lines[-1] = candidate
        else:
            lines.append(first)
        lines.extend(rest)
    return lines or [""]


def draw_fitted(canvas: Canvas, text: str, font: str, *, y: float, largest: float,
                smallest: float, width: float, max_lines: int = 2) -> float:
    """Centre `text` at `y`, shrinking it to fit; past the smallest size, wrap onto up to
    `max_lines` lines, shrinking further if needed; a word wider than the line breaks at its
    hyphens, then anywhere. Never drops a character nor crosses the margins. Returns the y
    below."""
    size = fit_font_size(text, font, width=width, largest=largest, smallest=smallest)
    lines = [text]
    if pdfmetrics.stringWidth(text, font, size) > width:
        lines = split_lines(text, font, size, width)
        while len(lines) > max_lines and size > smallest * 0.6:
            size -= 0.5
            lines = split_lines(text, font, size, width)
    canvas.setFont(font, size)
    for line in lines:
        canvas.drawCentredString(PAGE_WIDTH / 2, y, line)
        y -= size * 1.2
    return y


def draw_qr(canvas: Canvas, url: str, *, x: float, y: float, size: float) -> None:
    # A fixed mask: any mask decodes, and choosing the "best" one was 1/4 of the drawing time.
    qr = segno.make(url, error="m", micro=False, mask=0)
    matrix = list(qr.matrix)
    border = 2
    count = len(matrix) + 2 * border
    module = size / count
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#000000"))
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + border + 1) * module
        col = 0
        while col < len(row):  # one rectangle per run of dark modules: a smaller, faster PDF
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            path.rect(x + (start + border) * module, top, (col - start) * module, module)
    canvas.drawPath(path, stroke=0, fill=1)


def certificate_pdf(*, content: CertificateContent) -> bytes:
    fonts_register()
    labels = content.labels
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1)
    canvas.setTitle(f"{labels.title} — {content.trainee_name}")
    canvas.setAuthor(content.issuer_name)
    canvas.setSubject(content.course_title)

    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(4)
    canvas.rect(24, 24, PAGE_WIDTH - 48, PAGE_HEIGHT - 48)
    canvas.setLineWidth(1)
    canvas.rect(32, 32, PAGE_WIDTH - 64, PAGE_HEIGHT - 64)

    logo = ImageReader(io.BytesIO(content.logo_png or default_logo_png()))
    logo_w, logo_h = logo.getSize()
    scale = min(70 / logo_h, 160 / logo_w)
    canvas.drawImage(logo, (PAGE_WIDTH - logo_w * scale) / 2, PAGE_HEIGHT - 60 - logo_h * scale,
                     width=logo_w * scale, height=logo_h * scale)
    width = PAGE_WIDTH - 2 * MARGIN

    canvas.setFillColor(MUTED)
    y = draw_fitted(canvas, content.issuer_name.upper(), SANS, y=PAGE_HEIGHT - 150,
                    largest=11, smallest=7, width=width, max_lines=1)
    canvas.setFillColor(ACCENT)
    y = draw_fitted(canvas, labels.title, SERIF_BOLD, y=y - 24, largest=30, smallest=16,
                    width=width, max_lines=1)
    canvas.setFillColor(INK)
    y = draw_fitted(canvas, labels.certify, SERIF_ITALIC, y=y - 4, largest=14, smallest=9,
                    width=width)
    y = draw_fitted(canvas, content.trainee_name, SERIF_BOLD, y=y - 26, largest=36,
                    smallest=16, width=width)
    canvas.setStrokeColor(ACCENT)
    canvas.line(PAGE_WIDTH / 2 - 180, y + 8, PAGE_WIDTH / 2 + 180, y + 8)
    y = draw_fitted(canvas, labels.completed, SERIF_ITALIC, y=y - 6, largest=14, smallest=9,
                    width=width)
    canvas.setFillColor(ACCENT)
    y = draw_fitted(canvas, content.course_title, SANS_BOLD, y=y - 12, largest=20, smallest=11,
                    width=width)
    canvas.setFillColor(INK)
    y = draw_fitted(canvas, labels.details, SANS, y=y - 6, largest=11, smallest=8,
                    width=width)
    if content.facilitator_names:
        draw_fitted(canvas, labels.facilitators, SANS, y=y - 2, largest=10, smallest=7,
                    width=width)

    qr_size = 92
    draw_qr(canvas, content.verify_url, x=MARGIN - 10, y=48, size=qr_size)
    text_x = MARGIN - 10 + qr_size + 10
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 8.5)
    canvas.drawString(text_x, 112, labels.verify)
    canvas.drawString(text_x, 100, content.verify_url)
    canvas.setFillColor(INK)
    canvas.setFont(SANS_BOLD, 13)
    canvas.drawString(text_x, 70, f"{labels.code} {content.code}")

    canvas.setFont(SANS, 10)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, 84, labels.issued)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawRightString(PAGE_WIDTH - MARGIN, 70, content.issuer_name)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
