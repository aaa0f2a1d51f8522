"""Response headers the whole site carries beyond Django's own: the Content-Security-Policy
(django-csp, with a looser script policy for the admin screens only) and Permissions-Policy."""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def _is_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))


class SiteCSPMiddleware(CSPMiddleware):
    """The public site's policy allows no inline script (settings.CONTENT_SECURITY_POLICY);
    Wagtail's and Django's admin screens still ship inline scripts (panels, date widgets), so
    under their prefixes the policy adds settings.CSP_ADMIN_UPDATE ('unsafe-inline')."""

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase,
                         report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and _is_admin(request):
            update = dict(parts.update or {})
            for directive, sources in settings.CSP_ADMIN_UPDATE.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """Turns off the browser features the site never uses (camera, microphone, location...),
    so neither a bug nor an injected frame can ask for them."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", ", ".join(
                f"{feature}=({' '.join(allowed)})"
                for feature, allowed in settings.PERMISSIONS_POLICY.items()))
        return response
