"""Public, language-neutral addresses: the certificate verification page lives at /verify/."""

from django.urls import path

from . import public_views

app_name = "certificates_public"

urlpatterns = [
    path("verify/", public_views.verify_form, name="verify_form"),
    path("verify/<str:code>/", public_views.verify, name="verify"),
]
