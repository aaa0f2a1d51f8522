"""Certificates and exports go through the storage API only (issue 17): they work with a
storage that has no local path at all, a re-render never exposes half a file nor leaves the
old one behind, and only the views that check who is asking hand them out."""

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from django.core.files.storage import InMemoryStorage, default_storage
from django.urls import reverse

from lms.certificates import services
from lms.certificates.models import Certificate
from lms.reporting.filters import Filters
from lms.reporting.models import Export
from lms.reporting.tables import TABLES
from tests.certificates.factories import completed_enrollment
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


class RemoteStorage(InMemoryStorage):
    """Like S3: no file on this machine, so no path."""

    def path(self, name):
        raise NotImplementedError("This backend doesn't support absolute paths.")

    def _relative_path(self, name):
        return os.path.relpath(super().path(name), self.location)


class SigningStorage(RemoteStorage):
    """Stands for S3: no local path, URLs that carry a signature and an expiry."""

    querystring_auth, bucket_name = True, "cascade"

    def url(self, name, parameters=None, expire=None):
        disposition = (parameters or {}).get("ResponseContentDisposition", "")
        return f"https://s3.example.org/{name}?X-Amz-Expires={expire}&d={disposition}"


@pytest.fixture
def remote_storage(settings):
    remote = {"BACKEND": f"{__name__}.RemoteStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": remote, "public": remote}
    with pytest.raises(NotImplementedError):
        default_storage.path("anything")
    return default_storage


def test_no_local_path_anywhere_in_the_code():
    pattern = re.compile(r"(storage|\.file|\.pdf)\.path\(|\.path\b\s*$")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("lms", "curriculum")
        for path in (ROOT / folder).rglob("*.py") if "migrations" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def _issued(site_tree) -> Certificate:
    from django.test import TestCase

    enrollment = completed_enrollment(course=site_tree["course"])
    with TestCase.captureOnCommitCallbacks(execute=True):
        certificate = services.certificate_issue_for_completion(enrollment=enrollment)
    certificate.refresh_from_db()
    return certificate


@pytest.mark.django_db
def test_certificate_renders_and_downloads_without_a_local_path(client, site_tree,
                                                                remote_storage):
    certificate = _issued(site_tree)
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.DONE
    with remote_storage.open(certificate.pdf.name, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    url = reverse("certificates:download", args=[certificate.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(certificate.enrollment.trainee)
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_rerender_switches_to_a_complete_new_file_and_removes_the_old(
        site_tree, remote_storage, django_capture_on_commit_callbacks):
    certificate = _issued(site_tree)
    certificate.refresh_from_db()
    old = certificate.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.certificates_regenerate_for_cohort(
            cohort=certificate.enrollment.cohort, actor=None)
    certificate.refresh_from_db()
    assert batch.total == 1 and certificate.render_status == Certificate.RenderStatus.DONE
    assert certificate.pdf.name != old and remote_storage.exists(certificate.pdf.name)
    assert not remote_storage.exists(old)
    assert remote_storage.listdir("certificates")[1] == [certificate.pdf.name.split("/")[-1]]


@pytest.mark.django_db
def test_export_is_built_and_downloaded_without_a_local_path(client, remote_storage):
    owner = UserFactory(is_superuser=True)
    export = Export.objects.create(owner=owner, table="trainees", format="csv",
                                   filters=Filters().as_query())
    from lms.reporting.services import export_build

    export_build(export=export)
    export.refresh_from_db()
    assert export.status == Export.Status.DONE and remote_storage.exists(export.file.name)
    url = reverse("reporting:export_download", args=[export.uuid])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # not the owner
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    first_line = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert str(TABLES["trainees"].headers[0]) in first_line


@pytest.mark.django_db
def test_on_s3_the_check_is_followed_by_a_short_lived_signed_redirect(client, site_tree,
                                                                      settings):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": f"{__name__}.SigningStorage"}}
    settings.PRIVATE_FILES_DELIVERY, settings.PRIVATE_FILES_URL_SECONDS = "redirect", 60
    certificate = _issued(site_tree)
    url = reverse("certificates:download", args=[certificate.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # the check comes first
    client.force_login(certificate.enrollment.trainee)
    response = client.get(url)
    assert response.status_code == 302 and response["Cache-Control"] == "private, no-store"
    assert response["Location"].startswith("https://s3.example.org/certificates/")
    assert "X-Amz-Expires=60" in response["Location"]
    assert f'filename="certificate-{certificate.code}.pdf"' in unquote(response["Location"])
