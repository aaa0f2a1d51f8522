from django.urls import path

from . import views

app_name = "followups"

urlpatterns = [
    path("", views.followup_list, name="list"),
    path("mine/", views.my_followups, name="mine"),
    path("<int:pk>/answer/", views.followup_answer, name="answer"),
    path("<int:pk>/record/", views.followup_record, name="record"),
    path("<int:pk>/visit/", views.visit_record, name="visit"),
]
