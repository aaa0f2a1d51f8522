from django.urls import path

from . import followup_views, indicator_views, token_views, views

app_name = "reporting"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cohorts/", views.cohorts, name="cohorts"),
    path("follow-ups/", followup_views.followup_indicators, name="followups"),
    path("indicators/", indicator_views.indicator_report, name="indicators"),
    path("reactions/", indicator_views.reactions, name="reactions"),
    path("cohorts/<int:pk>/", views.cohort_detail, name="cohort"),
    path("trainees/<int:pk>/", views.trainee_detail, name="trainee"),
    path("export/<slug:table>.<str:fmt>", views.export, name="export"),
    path("exports/<uuid:uuid>/", views.export_detail, name="export_detail"),
    path("exports/<uuid:uuid>/download", views.export_download, name="export_download"),
    path("api-tokens/", token_views.api_tokens, name="api_tokens"),
    path("api-tokens/<int:pk>/revoke/", token_views.api_token_revoke, name="api_token_revoke"),
]
