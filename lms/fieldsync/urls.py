from django.urls import path

from . import views

app_name = "fieldsync"

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("offline/", views.offline, name="offline"),
    path("offline/quiz/", views.quiz_offline, name="quiz_offline"),
    path("offline/sync/", views.sync, name="sync"),
    path("offline/cohorts/<int:pk>/", views.field_roster, name="field_roster"),
]
