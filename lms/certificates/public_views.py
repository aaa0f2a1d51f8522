"""The public verification page: anyone holding a code (or a QR code) can check it. It shows
only what the paper already says (name, course, cohort dates, issuer): no contact details or
scores. Rate-limited per client address so codes cannot be enumerated."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from lms.core.client_address import client_address

from .forms import VerifyForm
from .models import Certificate
from .ratelimit import rate_limit_exceeded
from .selectors import certificate_verify


def _limited(request: HttpRequest) -> HttpResponse | None:
    if rate_limit_exceeded(scope="verify", key=client_address(request),
                           limit=settings.CERTIFICATES_VERIFY_RATE_LIMIT,
                           window=settings.CERTIFICATES_VERIFY_RATE_WINDOW):
        response = render(request, "certificates/verify_rate_limited.html", {
            "minutes": max(1, settings.CERTIFICATES_VERIFY_RATE_WINDOW // 60)}, status=429)
        response["Retry-After"] = str(settings.CERTIFICATES_VERIFY_RATE_WINDOW)
        return response
    return None


@never_cache
def verify_form(request: HttpRequest) -> HttpResponse:
    form = VerifyForm(request.GET if "code" in request.GET else None)
    if form.is_bound:
        if (limited := _limited(request)) is not None:
            return limited
        if form.is_valid():
            return redirect("certificates_public:verify", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form},
                  status=400 if form.is_bound else 200)


@never_cache
def verify(request: HttpRequest, code: str) -> HttpResponse:
    if (limited := _limited(request)) is not None:
        return limited
    certificate = certificate_verify(code=code)
    if certificate is None:
        return render(request, "certificates/verify_result.html", {
            "state": "unknown", "code": code[:40], "form": VerifyForm()})
        # 200, not 404: LocaleMiddleware would turn a 404 here into a redirect to /en/verify/.
    return render(request, "certificates/verify_result.html", {
        "state": certificate.status, "code": certificate.code,
        "name": certificate.trainee_name, "course": certificate.course_title,
        "issuer": certificate.issuer_name, "cohort": certificate.enrollment.cohort,
        "revoked_at": certificate.revoked_at, "issued_at": certificate.issued_at,
        "valid": certificate.status == Certificate.Status.VALID, "form": VerifyForm(),
    })
