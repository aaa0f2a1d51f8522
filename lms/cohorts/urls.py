from django.urls import path

from .views import attendance, cohorts, lineage, roster, sessions, signin

app_name = "cohorts"

urlpatterns = [
    path("", cohorts.cohort_list, name="list"),
    path("new/", cohorts.cohort_create, name="create"),
    path("<int:pk>/", cohorts.cohort_detail, name="detail"),
    path("<int:pk>/edit/", cohorts.cohort_edit, name="edit"),
    path("<int:pk>/enrol/", cohorts.enrol_person, name="enrol"),
    path("<int:pk>/roster.csv", cohorts.roster_export, name="roster_export"),
    path("<int:pk>/trainers/<int:enrollment_pk>/", cohorts.trainer_record,
         name="trainer_record"),
    path("<int:pk>/access/", signin.access_slips, name="access_slips"),
    path("<int:pk>/access/<int:user_pk>/reset/", signin.access_reset, name="access_reset"),
    path("<int:pk>/attendance/", attendance.attendance_days, name="attendance"),
    path("<int:pk>/attendance/<str:day>/", attendance.attendance_day, name="attendance_day"),
    path("<int:pk>/sheet/", attendance.attendance_sheet, name="sheet"),
    path("<int:pk>/import/", roster.roster_upload, name="roster_import"),
    path("<int:pk>/import/confirm/", roster.roster_confirm, name="roster_confirm"),
    path("<int:pk>/import/<int:job_pk>/", roster.roster_progress, name="roster_progress"),
    path("roster-template.<str:fmt>", roster.roster_template, name="roster_template"),
    path("sessions/", sessions.my_sessions, name="my_sessions"),
    path("sessions/new/", sessions.session_create, name="session_create"),
    path("sessions/to-validate/", sessions.sessions_to_validate, name="to_validate"),
    path("<int:pk>/close/", sessions.session_close, name="session_close"),
    path("<int:pk>/validate/", sessions.session_review, name="session_review"),
    path("<int:pk>/sheet-evidence/", sessions.session_evidence, name="session_evidence"),
    path("<int:pk>/lineage/", lineage.cohort_lineage, name="cohort_lineage"),
    path("trainers/", lineage.trainer_list, name="trainers"),
    path("trainers/<int:user_pk>/lineage/", lineage.trainer_lineage, name="trainer_lineage"),
    path("regions/<slug:slug>/reach/", lineage.region_reach, name="region_reach"),
]
