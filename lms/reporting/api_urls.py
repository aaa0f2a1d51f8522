"""Read-only JSON API for monitoring-and-evaluation systems, mounted at /api/."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
