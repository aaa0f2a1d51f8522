"""A name without spaces never runs past the borders: shrunk, then broken at hyphens, then
anywhere. Measured in the PDF itself (text positions and reportlab's string widths)."""

import io

import pypdf
from reportlab.pdfbase import pdfmetrics

from lms.certificates import pdf

LABELS = pdf.CertificateLabels(
    title="Certificate of completion", certify="This certifies that", completed="completed",
    details="Bamako, March 2024", facilitators="Facilitators: A. B.", issued="Issued",
    verify="Verify at", code="Code")
HYPHENATED = "-".join(["Aïssata", "Kéïta", "Maïga", "Traoré", "Coulibaly", "Diarra", "Dembélé",
                       "Sangaré", "Konaté", "Sissoko", "Touré", "Cissé", "Doumbia",
                       "Kanouté"])[:100]


def drawn_name_lines(name: str) -> list[tuple[str, float, float]]:
    """(text, x, font size) of each line drawn in the name's font."""
    content = pdf.CertificateContent(
        trainee_name=name, course_title="Referral", issuer_name="Cascade", code="ABCD-1234",
        verify_url="https://example.org/verify/ABCD-1234/", labels=LABELS)
    page = pypdf.PdfReader(io.BytesIO(pdf.certificate_pdf(content=content))).pages[0]
    found = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip() and font_dict and "DejaVuSerif-Bold" in str(font_dict.get("/BaseFont")):
            found.append((text.strip(), tm[4], font_size))

    page.extract_text(visitor_text=visit)
    return [line for line in found if line[0] != LABELS.title]


def assert_inside_the_borders(lines):
    inner_border = 32
    for text, x, size in lines:
        width = pdfmetrics.stringWidth(text, pdf.SERIF_BOLD, size)
        assert x >= inner_border + 10, (text, x)
        assert x + width <= pdf.PAGE_WIDTH - inner_border - 10, (text, x, width)


def test_hyphenated_hundred_character_name_breaks_at_hyphens_inside_the_page():
    assert len(HYPHENATED) == 100 and " " not in HYPHENATED
    lines = drawn_name_lines(HYPHENATED)
    assert len(lines) >= 2
    assert "".join(text for text, _x, _size in lines) == HYPHENATED  # nothing cut
    assert all(text.endswith("-") for text, _x, _size in lines[:-1])  # broken at hyphens
    assert_inside_the_borders(lines)


def test_name_without_hyphens_or_spaces_breaks_anywhere():
    name = "Abdoulkarimoumahamadoubalkissa" * 4
    lines = drawn_name_lines(name)
    assert len(lines) >= 2 and "".join(t for t, _x, _s in lines) == name
    assert_inside_the_borders(lines)


def test_short_name_stays_on_one_line_at_full_size():
    assert [(t, s) for t, _x, s in drawn_name_lines("Aïssata Kéïta")] == [("Aïssata Kéïta", 36)]


def test_break_word_keeps_every_character():
    pdf.fonts_register()
    pieces = pdf.break_word("a-" * 80, pdf.SERIF_BOLD, 16, 200)
    assert "".join(pieces) == "a-" * 80
    assert all(pdfmetrics.stringWidth(p, pdf.SERIF_BOLD, 16) <= 200 for p in pieces)
