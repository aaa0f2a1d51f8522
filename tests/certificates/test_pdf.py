import io

import pypdf
import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from django.core.files.storage import default_storage

from lms.certificates import pdf, rendering, services
from tests.certificates.factories import completed_enrollment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def pdf_text_and_qr(data: bytes) -> tuple[str, list[str], tuple[float, float]]:
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        size = page.get_size()
        image = page.render(scale=2).to_pil()
        page.close()
    finally:
        document.close()
    return text, [result.text for result in zxingcpp.read_barcodes(image)], size


def test_rendered_pdf_has_the_name_code_and_a_qr_to_the_verify_page(
        site_tree, django_capture_on_commit_callbacks):
    facilitator = UserFactory(first_name="Émile", last_name="Dembélé")
    enrollment = completed_enrollment(course=site_tree["course"], first_name="Aïssata",
                                      last_name="Kéïta-Maïga", language="fr")
    enrollment.cohort.facilitators.add(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue(enrollment=enrollment)
    certificate.refresh_from_db()
    with default_storage.open(certificate.pdf.name, "rb") as handle:
        data = handle.read()
    text, codes, (width, height) = pdf_text_and_qr(data)
    assert "Aïssata Kéïta-Maïga" in text
    assert certificate.code in text
    assert "Émile Dembélé" in text
    assert enrollment.cohort.region.name in text
    assert codes == [f"http://testserver/verify/{certificate.code}/"]
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


def test_labels_follow_the_trainee_language(site_tree):
    english = services.certificate_issue(enrollment=completed_enrollment(
        course=site_tree["course"], language="en"), render=False)
    french = services.certificate_issue(enrollment=completed_enrollment(
        course=site_tree["course"], language="fr"), render=False)
    assert rendering.certificate_content(certificate=english).labels.title == (
        "Certificate of completion")
    french_labels = rendering.certificate_content(certificate=french).labels
    assert "mars 2024" in french_labels.details  # dates in French whatever the site language


def content(name: str) -> pdf.CertificateContent:
    labels = pdf.CertificateLabels(title="Certificate", certify="This certifies that",
                                   completed="completed", details="details", facilitators="",
                                   issued="Issued", verify="Check at", code="Code:")
    return pdf.CertificateContent(trainee_name=name, course_title="Course", issuer_name="Issuer",
                                  code="ABCD-EFGH-JKMN", verify_url="http://x/verify/A/",
                                  labels=labels)


def test_long_names_shrink_then_wrap_but_stay_whole():
    long_name = " ".join(["Ndèye Aïssatou Kéïta-Maïga Ouédraogo"] * 4)
    width = pdf.PAGE_WIDTH - 2 * pdf.MARGIN
    pdf.fonts_register()
    assert pdf.fit_font_size("Ana", pdf.SERIF_BOLD, width=width, largest=36, smallest=16) == 36
    assert pdf.fit_font_size(long_name, pdf.SERIF_BOLD, width=width, largest=36,
                             smallest=16) == 16
    text, _codes, _size = pdf_text_and_qr(pdf.certificate_pdf(content=content(long_name)))
    assert " ".join(text.split()).count("Ndèye Aïssatou Kéïta-Maïga Ouédraogo") == 4


def test_uploaded_logos_are_normalised_with_pillow():
    source = io.BytesIO()
    Image.new("RGBA", (2000, 1000), (200, 0, 0, 128)).save(source, format="PNG")
    processed = Image.open(io.BytesIO(pdf.logo_process(source.getvalue())))
    assert processed.mode == "RGB" and max(processed.size) == 480
    assert pdf.logo_process(None) == pdf.default_logo_png()
    with pytest.raises(Exception):  # noqa: B017 - Pillow raises its own error for junk
        pdf.logo_process(b"not an image")
