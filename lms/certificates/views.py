"""Coordinator screens (list, issue, revoke, re-issue, regenerate a cohort) and the trainee's
download. Permission = the role's model permission AND the cohort in the user's scope;
anything out of scope answers 404 so it reveals nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.cohorts.models import Enrollment
from lms.core.files import private_file_response

from . import selectors, services
from .forms import ReasonForm, ReissueForm
from .models import Certificate, CertificateBatch


def _cohort_or_404(request: HttpRequest, cohort_id: int, permission: str):
    cohort = selectors.cohort_for(user=request.user, cohort_id=cohort_id, permission=permission)
    if cohort is None:
        raise Http404
    return cohort


def _certificate_or_404(request: HttpRequest, pk: int, permission: str):
    certificate = selectors.certificate_for(user=request.user, certificate_id=pk,
                                            permission=permission)
    if certificate is None:
        raise Http404
    return certificate


@login_required
def index(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(selectors.VIEW):
        raise Http404
    cohorts = selectors.cohorts_with_certificates_for(user=request.user).order_by(
        "-start_date", "name")
    return render(request, "certificates/index.html", {"cohorts": cohorts})


@login_required
def cohort_certificates(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort_or_404(request, cohort_id, selectors.VIEW)
    user = request.user
    managed = selectors.cohort_for(user=user, cohort_id=cohort_id,
                                   permission=selectors.ISSUE) is not None
    return render(request, "certificates/cohort.html", {
        "cohort": cohort,
        "rows": selectors.cohort_enrollment_rows(cohort=cohort),
        "batch": cohort.certificate_batches.first(),
        "can_issue": managed,
        "can_regenerate": selectors.cohort_for(
            user=user, cohort_id=cohort_id, permission=selectors.REGENERATE) is not None,
        "reason_form": ReasonForm(),
    })


@login_required
@require_POST
def cohort_regenerate(request: HttpRequest, cohort_id: int) -> HttpResponse:
    cohort = _cohort_or_404(request, cohort_id, selectors.REGENERATE)
    batch = services.certificates_regenerate_for_cohort(cohort=cohort, actor=request.user)
    messages.success(request, _("Regenerating %(count)s certificates.") % {"count": batch.total})
    return redirect("certificates:batch", pk=batch.pk)


@login_required
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(CertificateBatch.objects.select_related("cohort"), pk=pk)
    _cohort_or_404(request, batch.cohort_id, selectors.VIEW)
    failures = batch.certificates.filter(
        render_status=Certificate.RenderStatus.FAILED).select_related("enrollment__trainee")[:50]
    return render(request, "certificates/batch.html", {"batch": batch, "failures": failures})


@login_required
@require_POST
def enrollment_issue(request: HttpRequest, enrollment_id: int) -> HttpResponse:
    enrollment = get_object_or_404(Enrollment.objects.select_related("trainee", "cohort__course"),
                                   pk=enrollment_id)
    cohort = _cohort_or_404(request, enrollment.cohort_id, selectors.ISSUE)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the certificate is issued manually."))
        return redirect("certificates:cohort", cohort_id=cohort.pk)
    try:
        certificate = services.certificate_issue_manually(
            enrollment=enrollment, actor=request.user, reason=form.cleaned_data["reason"])
    except services.CertificateError as error:
        messages.error(request, str(error))
        return redirect("certificates:cohort", cohort_id=cohort.pk)
    messages.success(request, _("Certificate %(code)s issued.") % {"code": certificate.code})
    return redirect("certificates:detail", pk=certificate.pk)


@login_required
def certificate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = _certificate_or_404(request, pk, selectors.VIEW)
    user = request.user
    cohort_id = certificate.enrollment.cohort_id
    return render(request, "certificates/detail.html", {
        "certificate": certificate,
        "events": certificate.events.select_related("actor"),
        "can_revoke": selectors.cohort_for(
            user=user, cohort_id=cohort_id, permission=selectors.REVOKE) is not None,
        "can_reissue": selectors.cohort_for(
            user=user, cohort_id=cohort_id, permission=selectors.ISSUE) is not None,
        "revoke_form": ReasonForm(prefix="revoke"),
        "reissue_form": ReissueForm(prefix="reissue", initial={
            "trainee_name": certificate.enrollment.trainee.display_name}),
    })


def _action(request: HttpRequest, pk: int, permission: str, form_class, prefix: str, act):
    certificate = _certificate_or_404(request, pk, permission)
    form = form_class(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            result = act(certificate, form.cleaned_data)
        except services.CertificateError as error:
            messages.error(request, str(error))
        else:
            return redirect("certificates:detail", pk=result.pk)
    else:
        messages.error(request, _("Please correct the form below."))
    return render(request, "certificates/detail.html", {
        "certificate": certificate, "events": certificate.events.select_related("actor"),
        "can_revoke": permission == selectors.REVOKE, "can_reissue": permission == selectors.ISSUE,
        "revoke_form": form if prefix == "revoke" else ReasonForm(prefix="revoke"),
        "reissue_form": form if prefix == "reissue" else ReissueForm(prefix="reissue"),
    }, status=400)


@login_required
@require_POST
def certificate_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    def act(certificate, data):
        revoked = services.certificate_revoke(certificate=certificate, actor=request.user,
                                              reason=data["reason"])
        messages.success(request, _("Certificate %(code)s revoked.") % {"code": revoked.code})
        return revoked

    return _action(request, pk, selectors.REVOKE, ReasonForm, "revoke", act)


@login_required
@require_POST
def certificate_reissue(request: HttpRequest, pk: int) -> HttpResponse:
    def act(certificate, data):
        new = services.certificate_reissue(certificate=certificate, actor=request.user,
                                           reason=data["reason"],
                                           trainee_name=data["trainee_name"])
        messages.success(request, _("Certificate re-issued with code %(code)s.") % {
            "code": new.code})
        return new

    return _action(request, pk, selectors.ISSUE, ReissueForm, "reissue", act)


@login_required
def certificate_download(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = selectors.certificate_for_download(user=request.user, certificate_id=pk)
    if certificate is None or not certificate.pdf or not default_storage.exists(
            certificate.pdf.name):
        raise Http404
    return private_file_response(name=certificate.pdf.name, content_type="application/pdf",
                                 filename=f"certificate-{certificate.code}.pdf")
