"""Read-only JSON API for monitoring-and-evaluation systems, mounted at /api/ (namespace "api")."""

from .api import api

app_name = "api"
urlpatterns = api.urls[0]
