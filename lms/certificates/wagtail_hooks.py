"""A "Certificates" entry in the Wagtail admin menu, leading to the coordinators' screens.
The issuer name and logo are edited under Settings → Certificate settings."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .selectors import VIEW


class CertificatesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(VIEW)


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item() -> MenuItem:
    return CertificatesMenuItem(_("Certificates"), reverse_lazy("certificates:index"),
                                icon_name="doc-full", order=450)
