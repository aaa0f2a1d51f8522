from django.urls import path

from . import views

app_name = "evaluations"

urlpatterns = [
    path("", views.my_evaluations, name="mine"),
    path("<int:enrollment_pk>/", views.reaction_form, name="form"),
    path("<int:enrollment_pk>/thanks/", views.thanks, name="thanks"),
    path("cohorts/", views.cohort_list, name="cohorts"),
    path("cohorts/<int:pk>/", views.cohort_results, name="cohort"),
    path("cohorts/<int:pk>/question-set/", views.cohort_question_set, name="cohort_set"),
]
