"""Idempotent rendering and notification, retries, failures and the pending sweep."""

import datetime

import pytest
from kombu.exceptions import OperationalError

from django.core import mail
from django.utils import timezone

from lms.certificates import pdf, rendering, services, tasks
from lms.certificates.models import Certificate, CertificateBatch
from tests.certificates.factories import completed_enrollment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _retries_run_in_process():
    """Eager `apply()` re-runs a retried task at once unless errors propagate; let it, so a
    test sees the whole retry sequence a worker would run (without the backoff delays)."""
    from lms.celery import app

    previous = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = previous


@pytest.fixture
def certificate(site_tree):
    return services.certificate_issue(enrollment=completed_enrollment(
        course=site_tree["course"], email="awa@example.org", language="fr"), render=False)


def test_render_twice_writes_once(certificate):
    assert rendering.certificate_render(certificate_id=certificate.pk) is True
    assert rendering.certificate_render(certificate_id=certificate.pk) is False
    certificate.refresh_from_db()
    assert certificate.rendered_version == certificate.render_version == 1
    assert certificate.events.filter(action="rendered").count() == 1


def test_render_skips_revoked_and_missing_certificates(certificate):
    services.certificate_revoke(certificate=certificate, actor=None, reason="error")
    assert rendering.certificate_render(certificate_id=certificate.pk) is False
    assert rendering.certificate_render(certificate_id=999_999) is False


def test_task_retries_on_failure_then_records_it_once(certificate, monkeypatch):
    batch = CertificateBatch.objects.create(cohort=certificate.enrollment.cohort, total=1)
    Certificate.objects.filter(pk=certificate.pk).update(batch=batch)
    calls = []

    def broken(*, content):
        calls.append(content.code)
        raise OSError("disk full")

    monkeypatch.setattr(pdf, "certificate_pdf", broken)
    task = tasks.certificate_render_task
    result = task.apply(args=[certificate.pk])  # runs the retries in-process, like a worker
    assert result.state == "FAILURE"
    assert len(calls) == task.max_retries + 1
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.FAILED
    assert certificate.last_error == "OSError: disk full"
    assert certificate.render_attempts == len(calls)
    assert certificate.events.filter(action="render_failed").count() == 1
    batch.refresh_from_db()
    assert (batch.done, batch.failed, batch.finished) == (0, 1, True)


def test_task_succeeds_after_a_transient_failure_without_duplicates(certificate, monkeypatch):
    real, failures = pdf.certificate_pdf, []

    def flaky(*, content):
        if not failures:
            failures.append(1)
            raise ConnectionError("storage hiccup")
        return real(content=content)

    monkeypatch.setattr(pdf, "certificate_pdf", flaky)
    task = tasks.certificate_render_task
    assert task.apply(args=[certificate.pk]).get() is True  # failed once, retried, rendered
    assert task.apply(args=[certificate.pk]).get() is False  # a redelivered message
    assert certificate.events.filter(action="render_failed").count() == 0
    certificate.refresh_from_db()
    assert certificate.render_status == Certificate.RenderStatus.DONE
    assert certificate.last_error == ""
    assert Certificate.objects.count() == 1
    assert certificate.events.filter(action="rendered").count() == 1


def test_trainee_with_email_is_notified_once_with_a_link(
        certificate, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rendering.certificate_render(certificate_id=certificate.pk)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["awa@example.org"]
    assert certificate.code in message.body
    assert "http://testserver/fr/my-learning/" in message.body and not message.attachments
    assert rendering.certificate_notify(certificate_id=certificate.pk) is False  # retry
    assert len(mail.outbox) == 1


def test_failed_email_is_released_for_the_retry(certificate, monkeypatch):
    rendering.certificate_render(certificate_id=certificate.pk)

    def down(self, fail_silently=False):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", down)
    with pytest.raises(ConnectionRefusedError):
        rendering.certificate_notify(certificate_id=certificate.pk)
    certificate.refresh_from_db()
    assert certificate.notified_at is None
    monkeypatch.undo()
    assert rendering.certificate_notify(certificate_id=certificate.pk) is True


def test_trainee_without_email_gets_no_mail(site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_issue(enrollment=completed_enrollment(course=site_tree["course"]))
    assert mail.outbox == []


def test_broker_down_at_completion_then_the_sweep_renders_it(
        site_tree, monkeypatch, django_capture_on_commit_callbacks):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.certificate_render_task, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.certificate_issue_for_completion(
            enrollment=completed_enrollment(course=site_tree["course"]))
    certificate.refresh_from_db()
    assert certificate.is_valid and certificate.render_status == "pending"
    assert rendering.certificates_render_pending() == 0  # not stale yet
    Certificate.objects.filter(pk=certificate.pk).update(
        render_requested_at=timezone.now() - datetime.timedelta(minutes=11))
    assert rendering.certificates_render_pending() == 1  # broker still down: logged, kept
    monkeypatch.undo()  # the broker is back
    Certificate.objects.filter(pk=certificate.pk).update(render_requested_at=None)
    assert rendering.certificates_render_pending() == 1
    certificate.refresh_from_db()
    assert certificate.render_status == "done" and certificate.pdf
    assert rendering.certificates_render_pending(older_than=datetime.timedelta(0)) == 0


def test_render_pending_command(site_tree, capsys):
    from django.core.management import call_command

    services.certificate_issue(enrollment=completed_enrollment(course=site_tree["course"]),
                               render=False)
    call_command("certificates_render_pending", "--older-than", "0")
    assert "1 certificate(s) queued" in capsys.readouterr().out
    assert Certificate.objects.get().render_status == "done"
