import io

import pytest
from PIL import Image

from lms.certificates import demo, pdf, rendering, services
from lms.certificates.models import Certificate, CertificateSettings
from tests.certificates.factories import completed_enrollment

pytestmark = pytest.mark.django_db


def test_demo_certifies_every_completed_enrollment_once(site_tree):
    completed_enrollment(course=site_tree["course"], email="demo@example.org")
    completed_enrollment(course=site_tree["course"])
    assert demo.load().startswith("2 issued, 2 PDFs rendered")
    assert demo.load().startswith("0 issued, 0 PDFs rendered")
    assert set(Certificate.objects.values_list("render_status", flat=True)) == {"done"}
    assert not Certificate.objects.filter(notified_at=None).exists()  # demo sends no e-mail


def test_issuer_settings_name_and_logo_are_used(site_tree):
    from wagtail.images.models import Image as WagtailImage
    from wagtail.images.tests.utils import get_test_image_file

    settings = CertificateSettings.load()
    settings.issuer_name = "Organisation internationale pour les migrations"
    settings.logo = WagtailImage.objects.create(title="logo", file=get_test_image_file())
    settings.save()
    certificate = services.certificate_issue(
        enrollment=completed_enrollment(course=site_tree["course"]), render=False)
    assert certificate.issuer_name == "Organisation internationale pour les migrations"
    logo = Image.open(io.BytesIO(rendering.logo_png_current()))
    assert logo.format == "PNG" and logo.mode == "RGB"
    assert rendering.logo_png_current() != pdf.default_logo_png()
    assert rendering.certificate_render(certificate_id=certificate.pk) is True
