"""Redis (the Celery broker) is down when a trainee finishes the post-test that completes
their course: the answer and the completion are saved, the pages work, and the certificate
is produced exactly once when the broker is back and the pending sweep runs."""

import datetime
from pathlib import Path

import pytest

from django.conf import settings
from django.urls import reverse

from lms.celery import app as celery_app
from lms.certificates import rendering
from lms.certificates.models import Certificate, CertificateEvent
from lms.cohorts.models import Attendance, Enrollment
from lms.quizzes.models import Answer, Category, Question, Quiz, Sitting
from lms.quizzes.services import sitting_start
from tests.factories import UserFactory, enroll, make_cohort

pytestmark = pytest.mark.django_db
UNREACHABLE_BROKER = "redis://127.0.0.1:9/6"  # nothing listens on port 9


@pytest.fixture
def broker_down():
    conf = celery_app.conf
    saved = {name: conf[name] for name in (
        "task_always_eager", "broker_url", "broker_connection_timeout",
        "broker_connection_retry", "task_publish_retry")}
    conf.update(task_always_eager=False, broker_url=UNREACHABLE_BROKER,
                broker_connection_timeout=1, broker_connection_retry=False,
                task_publish_retry=False)
    _fresh_connections()

    def back() -> None:  # the broker is back: here, tasks run in-process as a worker would
        conf.update(saved)
        conf.task_always_eager = True
        _fresh_connections()

    yield back
    conf.update(saved)
    _fresh_connections()


def _fresh_connections() -> None:
    """Forget pooled connections/producers so the next publish uses the current broker."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def last_question(site_tree):
    """A trainee with full attendance, one answer away from passing the post-test."""
    course = site_tree["course"]
    trainee = UserFactory(first_name="Fatoumata", last_name="Sidibé")
    cohort = make_cohort(course=course, start_date=datetime.date(2024, 3, 4),
                         end_date=datetime.date(2024, 3, 5))
    (enrollment,) = enroll(cohort, trainee)
    for day in (cohort.start_date, cohort.end_date):
        Attendance.objects.create(enrollment=enrollment, date=day, status="present")
    question = Question.objects.create(
        category=Category.objects.create(name_en="Referral"),
        kind=Question.Kind.MULTIPLE_CHOICE, text_en="Who receives the referral first?")
    right = Answer.objects.create(question=question, text_en="The focal point", is_correct=True)
    Answer.objects.create(question=question, text_en="Nobody", is_correct=False)
    quiz = Quiz.objects.create(slug="post-test", title_en="Post-test", course=course,
                               purpose=Quiz.Purpose.POST_TEST, pass_mark=50,
                               answers_at_end=True)
    quiz.questions.set([question])
    quiz.save()
    sitting = sitting_start(user=trainee, quiz=quiz)
    return {"trainee": trainee, "enrollment": enrollment, "sitting": sitting,
            "question": question, "right": right}


def test_completion_survives_a_broker_outage_and_the_certificate_comes_once(
    client, broker_down, last_question, django_capture_on_commit_callbacks, caplog
):
    case = last_question
    client.force_login(case["trainee"])
    attempt = reverse("quizzes:question", args=[case["sitting"].pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(attempt, {"question": case["question"].pk,
                                         "choice": case["right"].pk})

    # The trainee's work is saved and the pages answer normally.
    assert response.status_code == 302
    sitting = Sitting.objects.get(pk=case["sitting"].pk)
    assert sitting.completed_at is not None and sitting.passed
    enrollment = Enrollment.objects.get(pk=case["enrollment"].pk)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert client.get(reverse("quizzes:result", args=[sitting.pk])).status_code == 200
    assert client.get(reverse("curriculum:my_learning")).status_code == 200
    # The certificate exists, waiting for its PDF; the failed hand-over was logged.
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.render_status == Certificate.RenderStatus.PENDING
    assert not certificate.pdf
    assert "certificates_render_pending will retry" in caplog.text

    # Still down: the sweep keeps it pending and loses nothing.
    with django_capture_on_commit_callbacks(execute=True):
        rendering.certificates_render_pending(older_than=datetime.timedelta(0))
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.PENDING

    broker_down()  # Redis is back
    with django_capture_on_commit_callbacks(execute=True):
        assert rendering.certificates_render_pending(older_than=datetime.timedelta(0)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert rendering.certificates_render_pending(older_than=datetime.timedelta(0)) == 0

    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.DONE
    assert (Path(settings.MEDIA_ROOT) / certificate.pdf.name).stat().st_size > 1000
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert CertificateEvent.objects.filter(
        certificate=certificate, action=CertificateEvent.Action.RENDERED).count() == 1
    download = client.get(reverse("certificates:download", args=[certificate.pk]))
    assert download.status_code == 200
