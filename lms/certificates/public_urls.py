"""Public, language-neutral addresses: the certificate verification page lives at /verify/."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
