from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.index, name="index"),
    path("cohorts/<int:cohort_id>/", views.cohort_certificates, name="cohort"),
    path("cohorts/<int:cohort_id>/regenerate/", views.cohort_regenerate, name="regenerate"),
    path("batches/<int:pk>/", views.batch_progress, name="batch"),
    path("enrollments/<int:enrollment_id>/issue/", views.enrollment_issue, name="issue"),
    path("<int:pk>/", views.certificate_detail, name="detail"),
    path("<int:pk>/revoke/", views.certificate_revoke, name="revoke"),
    path("<int:pk>/reissue/", views.certificate_reissue, name="reissue"),
    path("<int:pk>/download/", views.certificate_download, name="download"),
]
