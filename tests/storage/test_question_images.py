"""Question images are private files (issue 17): pages point at a view that checks who asks,
never at the store; on S3 the check is followed by a short-lived signed redirect."""

import io

import boto3
import pytest
from moto import mock_aws
from PIL import Image

from django.core.files.base import ContentFile
from django.urls import reverse

from lms.quizzes import services
from tests.factories import UserFactory
from tests.quizzes.factories import make_quiz, tf_question

from .test_private_files import RemoteStorage

pytestmark = pytest.mark.django_db
BUCKET = "cascade-test"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#0b5394").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def remote_storage(settings):
    remote = {"BACKEND": f"{RemoteStorage.__module__}.RemoteStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": remote, "public": remote}


def _illustrated_quiz(course):
    question = tf_question(answer=True)
    question.image.save("diagram.png", ContentFile(_png()))
    return question, make_quiz(course=course, questions=[question], answers_at_end=False)


def test_only_those_who_may_see_the_question_get_its_image(client, site_tree, roles_ready,
                                                           remote_storage):
    question, quiz = _illustrated_quiz(site_tree["course"])
    trainee = UserFactory(roles=["Trainees"])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    url = reverse("quizzes:question_image", kwargs={"pk": question.pk})

    assert client.get(url).status_code == 404  # anonymous
    client.force_login(UserFactory(roles=["Trainees"]))  # the quiz is open to them, not drawn
    assert client.get(url).status_code == 404
    client.force_login(trainee)
    page = client.get(reverse("quizzes:question", kwargs={"pk": sitting.pk})).content.decode()
    assert f'src="{url}?v=' in page and question.image.name not in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Cache-Control"].startswith("private")
    assert b"".join(response.streaming_content) == _png()
    for role in ("Facilitators", "Curriculum editors", "Regional coordinators"):
        client.force_login(UserFactory(roles=[role]))
        assert client.get(url).status_code == 200, role


def test_question_without_image_or_unknown_is_404(client, site_tree, roles_ready):
    client.force_login(UserFactory(roles=["Facilitators"]))
    question = tf_question()
    assert client.get(reverse("quizzes:question_image", kwargs={"pk": question.pk})) \
        .status_code == 404
    assert client.get(reverse("quizzes:question_image", kwargs={"pk": 999999})) \
        .status_code == 404


@pytest.fixture
def s3_storage(settings):
    """django-storages' S3 backend against moto's in-process S3 API (the multi-process test
    in test_stateless_deployment.py uses moto's server)."""
    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        s3 = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            "bucket_name": BUCKET, "region_name": "us-east-1", "access_key": "test",
            "secret_key": "test", "location": "private", "querystring_auth": True,
            "querystring_expire": 60, "default_acl": None, "file_overwrite": False,
            "signature_version": "s3v4"}}
        settings.STORAGES = {**settings.STORAGES, "default": s3, "public": s3}
        yield boto3.client("s3", region_name="us-east-1")


def test_on_s3_the_image_is_checked_then_redirected_or_streamed(client, site_tree, roles_ready,
                                                                s3_storage, settings):
    question, quiz = _illustrated_quiz(site_tree["course"])
    stored = s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert [item["Key"] for item in stored] == [f"private/{question.image.name}"]
    trainee = UserFactory(roles=["Trainees"])
    sitting = services.sitting_start(user=trainee, quiz=quiz)
    url = reverse("quizzes:question_image", kwargs={"pk": question.pk})
    settings.PRIVATE_FILES_DELIVERY, settings.PRIVATE_FILES_URL_SECONDS = "redirect", 60
    client.force_login(UserFactory(roles=["Trainees"]))
    assert client.get(url).status_code == 404  # the check comes before any URL is signed
    client.force_login(trainee)
    page = client.get(reverse("quizzes:question", kwargs={"pk": sitting.pk})).content.decode()
    assert "X-Amz-" not in page and BUCKET not in page  # no signed store URL in the page
    response = client.get(url)
    assert response.status_code == 302 and response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    assert BUCKET in location and "X-Amz-Expires=60" in location
    assert "response-content-disposition=inline" in location
    settings.PRIVATE_FILES_DELIVERY = "stream"
    streamed = client.get(url)
    assert streamed.status_code == 200 and b"".join(streamed.streaming_content) == _png()


def test_healthz_asks_the_object_store(client, s3_storage):
    """The S3 store answers through django-storages: "ok"; an endpoint nobody listens on is
    "down", and the site stays 200 (only the database makes it 503)."""
    assert client.get("/healthz").json()["checks"]["storage"] == "ok"


def test_healthz_with_an_unreachable_object_store_is_degraded(client, settings):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            "bucket_name": BUCKET, "region_name": "us-east-1", "access_key": "test",
            "secret_key": "test", "endpoint_url": "http://127.0.0.1:9"}}}  # nobody on 9
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["storage"] == "down"


def test_the_admin_links_the_current_image_through_the_view(client, site_tree, roles_ready,
                                                            remote_storage):
    question, _quiz = _illustrated_quiz(site_tree["course"])
    client.force_login(UserFactory(roles=["Facilitators"]))
    page = client.get(reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'href="{reverse("quizzes:question_image", kwargs={"pk": question.pk})}"' in html
    assert question.image.url not in html
