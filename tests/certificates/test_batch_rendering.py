"""A cohort is rendered in batches per task (issue 16, certificates ≥ 50/s per worker
process): the bookkeeping around the PDFs is a fixed handful of queries per batch, not a
dozen per PDF, with the single-certificate rules kept (counters, events, spare files, a
failure retried on its own)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.certificates import pdf, rendering, services
from lms.certificates.models import Certificate, CertificateBatch, CertificateEvent
from tests.certificates.factories import completed_enrollment
from tests.factories import make_cohort

pytestmark = pytest.mark.django_db


def _cohort_with(site_tree, size: int):
    cohort = make_cohort(course=site_tree["course"])
    for _ in range(size):
        completed_enrollment(course=site_tree["course"], cohort=cohort)
    return cohort


def test_regenerating_a_cohort_sends_batches(site_tree, monkeypatch,
                                             django_capture_on_commit_callbacks):
    cohort = _cohort_with(site_tree, services.RENDER_BATCH_SIZE + 3)
    sent = []
    real = services.queue.render_many
    monkeypatch.setattr(services.queue, "render_many",
                        lambda ids: (sent.append(len(ids)), real(ids)))
    with django_capture_on_commit_callbacks(execute=True):
        batch = services.certificates_regenerate_for_cohort(cohort=cohort, actor=None)
    batch.refresh_from_db()
    assert sent == [services.RENDER_BATCH_SIZE, 3]
    assert (batch.total, batch.done, batch.failed) == (28, 28, 0) and batch.finished
    rendered = CertificateEvent.objects.filter(action=CertificateEvent.Action.RENDERED)
    assert rendered.count() == 28
    assert set(Certificate.objects.values_list("render_status", flat=True)) == {"done"}


def _pending(site_tree, size: int) -> list[int]:
    cohort = _cohort_with(site_tree, size)
    batch = CertificateBatch.objects.create(cohort=cohort, total=size)
    for enrollment in cohort.enrollments.all():
        services.certificate_issue(enrollment=enrollment, render=False)
    Certificate.objects.filter(enrollment__cohort=cohort).update(batch=batch)
    return list(Certificate.objects.filter(enrollment__cohort=cohort).values_list(
        "pk", flat=True))


def test_bookkeeping_is_a_fixed_number_of_queries_per_batch(site_tree):
    counts = []
    for size in (3, 12):
        ids = _pending(site_tree, size)
        with CaptureQueriesContext(connection) as queries:
            assert rendering.certificates_render_many(certificate_ids=ids) == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12, counts
    assert CertificateBatch.objects.filter(done=12).exists()
    assert rendering.certificates_render_many(certificate_ids=ids) == 0  # idempotent


def test_a_failing_pdf_is_retried_on_its_own(site_tree, monkeypatch):
    ids = _pending(site_tree, 3)
    broken = Certificate.objects.get(pk=ids[1]).code
    draw = pdf.certificate_pdf

    def flaky(*, content):
        if content.code == broken:
            raise OSError("font missing")
        return draw(content=content)

    monkeypatch.setattr(pdf, "certificate_pdf", flaky)
    assert rendering.certificates_render_many(certificate_ids=ids) == 2
    failed = Certificate.objects.get(pk=ids[1])
    assert failed.render_status == "pending" and "font missing" in failed.last_error
    assert failed.render_attempts >= 1


def test_reportlab_runs_with_its_c_accelerator():
    """Without rl-accel, reportlab formats every number and image byte in pure Python:
    a quarter of each page's drawing time."""
    import types

    from reportlab.lib import rl_accel

    assert isinstance(rl_accel.fp_str, types.BuiltinFunctionType)
    assert isinstance(rl_accel.asciiBase85Encode, types.BuiltinFunctionType)


def test_certificates_issued_in_a_bulk_load_are_rendered_together(site_tree, monkeypatch,
                                                                   django_capture_on_commit_callbacks):
    """`renders_batched()` (the demo loader): each certificate issued inside is rendered once,
    in batches when the block ends, never one task per certificate."""
    cohort = _cohort_with(site_tree, 3)
    single, many = [], []
    real_many = services.queue.render_many
    monkeypatch.setattr(services.queue, "render", single.append)
    monkeypatch.setattr(services.queue, "render_many",
                        lambda ids: (many.append(list(ids)), real_many(ids)))
    with django_capture_on_commit_callbacks(execute=True), services.renders_batched():
        for enrollment in cohort.enrollments.all():
            services.certificate_issue(enrollment=enrollment)
        assert not many  # nothing sent before the block ends
    ids = set(Certificate.objects.values_list("pk", flat=True))
    assert single == [] and [set(batch) for batch in many] == [ids]
    assert set(Certificate.objects.values_list("render_status", flat=True)) == {"done"}


def test_a_bulk_load_that_fails_sends_nothing(site_tree, monkeypatch):
    cohort = _cohort_with(site_tree, 1)
    sent = []
    monkeypatch.setattr(services.queue, "render_many", sent.append)
    monkeypatch.setattr(services.queue, "render", sent.append)
    with pytest.raises(RuntimeError), services.renders_batched():
        services.certificate_issue(enrollment=cohort.enrollments.get())
        raise RuntimeError("the load stops")
    assert sent == []
