"""Issue 17's proof: processes that share nothing but PostgreSQL, Redis and an S3 API.

A real S3 API server (moto in server mode), two web processes and a Celery worker, each on
its own free port, against the test database on PostgreSQL and Redis. A trainee passes the
post-test through web process A, the worker renders the certificate into the bucket, and the
trainee downloads it through web process B; a coordinator's background export and an image
uploaded in the admin (with the rendition B draws for a page) land in the bucket too. Nothing
is written to the local MEDIA_ROOT.
"""

import json
import os
import re
import sys
from pathlib import Path

import pytest
import requests

from django.db import connection

from lms.accounts import roles
from lms.certificates.models import Certificate
from lms.reporting.models import Export
from tests import processes
from tests.conftest import redis_url
from tests.factories import UserFactory, enroll, make_cohort
from tests.quizzes.factories import make_quiz, tf_question
from tests.web import Browser, web_process

BROKER = redis_url(7)  # this test's own Redis database (see PROTOCOL: 7-15)
BUCKET = "cascade-proof"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00"
       b"\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe"
       b"\x92\xef\x00\x00\x00\x00IEND\xaeB`\x82")

boto3 = pytest.importorskip("boto3")


@pytest.fixture
def s3(tmp_path):
    """moto's S3 API in its own process, a bucket in it; yields (endpoint, client)."""
    port = processes.free_port()
    endpoint = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    with processes.running(command, env=dict(os.environ), log=tmp_path / "moto.log",
                           name="moto server", ready=lambda: processes.answers(endpoint),
                           seconds=60):
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="proof", aws_secret_access_key="proof")
        client.create_bucket(Bucket=BUCKET)
        # As README's deployment section says: anyone may read the public prefix, nothing else.
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps({
            "Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/public/*"}]}))
        yield endpoint, client


@pytest.fixture
def broker():
    from kombu import Connection

    with Connection(BROKER) as conn:
        conn.default_channel.client.flushdb()  # stale messages from an aborted run


def _keys(client, prefix: str) -> list[str]:
    return [item["Key"] for item in
            client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])]


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_web_processes_and_a_worker_share_only_the_database_redis_and_s3(
        site_tree, s3, broker, tmp_path):
    endpoint, client = s3
    course = site_tree["course"]
    course.completion_min_attendance = 0
    course.save(update_fields=["completion_min_attendance"])
    question = tf_question(answer=True)
    quiz = make_quiz(course=course, questions=[question], purpose="post_test", pass_mark=50)
    trainee = UserFactory(username="proof.trainee", first_name="Oumou", last_name="Sangaré")
    enroll(make_cohort(course=course), trainee)
    UserFactory(username="proof.national", roles=[roles.NATIONAL_COORDINATOR])
    UserFactory(username="proof.admin", is_superuser=True, is_staff=True)

    local_media = tmp_path / "local-media"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.settings.test",
           "DATABASE_URL": processes.database_url(connection.settings_dict),
           "CELERY_BROKER_URL": BROKER, "CELERY_TASK_ALWAYS_EAGER": "0",
           "STORAGE_URL": f"s3://proof:proof@127.0.0.1:{endpoint.rsplit(':', 1)[1]}/{BUCKET}"
                          "?region=us-east-1&secure=false&addressing=path",
           "MEDIA_ROOT": str(local_media), "AXES_ENABLED": "0",
           "REPORTING_EXPORT_SYNC_MAX_ROWS": "0"}  # every export goes to the worker
    ports = processes.free_port(), processes.free_port()
    with processes.running(processes.celery_worker("storage-proof"), env=env,
                           log=tmp_path / "worker.log", name="celery worker") as worker, \
            web_process(ports[0], env, tmp_path / "a.log", "web A"), \
            web_process(ports[1], env, tmp_path / "b.log", "web B"):
        web_a = Browser(f"http://127.0.0.1:{ports[0]}")

        # Through A: the trainee passes the post-test, which completes the course.
        web_a.login("proof.trainee")
        start = web_a.form(f"/en/quizzes/{quiz.slug}/start/", {},
                           source=f"/en/quizzes/{quiz.slug}/")
        assert start.status_code == 302, start.text[-2000:]
        attempt = start.headers["Location"]
        answer = web_a.form(attempt, {"question": question.pk, "boolean": "true"})
        assert answer.status_code == 302, answer.text[-2000:]
        result = web_a.get(web_a.base + answer.headers["Location"])
        assert "/result/" in result.url, result.text[-2000:]

        # The worker renders the PDF into the bucket's private prefix.
        certificate = Certificate.objects.get(enrollment__trainee=trainee)

        def rendered() -> bool:
            certificate.refresh_from_db()
            return certificate.render_status != Certificate.RenderStatus.PENDING

        processes.wait_until(rendered, seconds=120, why="the certificate", process=worker)
        assert certificate.render_status == Certificate.RenderStatus.DONE, worker.output()
        assert _keys(client, "private/certificates/") == [f"private/{certificate.pdf.name}"]
        anonymous = requests.get(f"{endpoint}/{BUCKET}/private/{certificate.pdf.name}")
        assert anonymous.status_code == 403  # the bucket hands private files to no one

        # Through B: the download (after B checked who is asking), and the course card's
        # cover image, a rendition B draws into the public prefix.
        web_b = web_a.at(f"http://127.0.0.1:{ports[1]}")
        download = web_b.get(f"{web_b.base}/en/certificates/{certificate.pk}/download/")
        assert download.status_code == 200 and download.content.startswith(b"%PDF-")
        assert requests.get(f"{web_b.base}/en/certificates/{certificate.pk}/download/",
                            allow_redirects=False).status_code == 302  # signed out: login

        # An image uploaded through A's admin, shown through B.
        admin = Browser(web_a.base)
        admin.login("proof.admin")
        from wagtail.models import Collection

        root = Collection.get_first_root_node().pk
        upload = admin.form("/admin/images/add/", {"title": "Cover", "collection": root},
                            files={"file": ("cover.png", PNG, "image/png")})
        assert upload.status_code == 302, upload.text[-3000:]
        from wagtail.images import get_image_model

        image = get_image_model().objects.get(title="Cover")
        assert _keys(client, "private/original_images/") == [f"private/{image.file.name}"]
        course.cover_image = image
        course.save(update_fields=["cover_image"])
        page = web_b.get(f"{web_b.base}/en/my-learning/").text
        source = re.search(r'<img[^>]+src="([^"]+)"[^>]*class="cover"|'
                           r'<img[^>]+class="cover"[^>]*src="([^"]+)"', page)
        assert source, page[-3000:]
        rendition_url = next(group for group in source.groups() if group)
        assert rendition_url.startswith(f"{endpoint}/{BUCKET}/public/images/")
        assert "Signature" not in rendition_url  # public: cacheable, no expiry
        rendition = requests.get(rendition_url)
        assert rendition.status_code == 200, (rendition_url, rendition.status_code,
                                              rendition.text[:500])
        assert rendition.content[8:12] == b"WEBP", rendition.content[:40]

        # A coordinator's export: queued through A, built by the worker, downloaded via B.
        coordinator = Browser(web_a.base)
        coordinator.login("proof.national")
        queued = coordinator.get(f"{web_a.base}/en/dashboard/export/trainees.csv",
                                 allow_redirects=False)
        assert queued.status_code == 302, queued.text[-2000:]
        export = Export.objects.get()

        def built() -> bool:
            export.refresh_from_db()
            return export.status in (Export.Status.DONE, Export.Status.FAILED)

        processes.wait_until(built, seconds=120, why="the export", process=worker)
        assert export.status == Export.Status.DONE, export.error or worker.output()
        assert _keys(client, "private/reporting/") == [f"private/{export.file.name}"]
        csv = coordinator.at(web_b.base).get(
            f"{web_b.base}/en/dashboard/exports/{export.uuid}/download")
        assert csv.status_code == 200 and "proof.trainee" in csv.content.decode("utf-8-sig")

    assert not any(path.is_file() for path in Path(local_media).rglob("*"))
