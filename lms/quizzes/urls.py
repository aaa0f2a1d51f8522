from django.urls import path

from .views import images, marking, taking

app_name = "quizzes"

urlpatterns = [
    path("progress/", taking.progress, name="progress"),
    path("questions/<int:pk>/image/", images.question_image, name="question_image"),
    path("marking/", marking.marking_list, name="marking_list"),
    path("marking/<int:pk>/", marking.marking_detail, name="marking_detail"),
    path("attempts/<int:pk>/", taking.sitting_question, name="question"),
    path("attempts/<int:pk>/feedback/<int:question_id>/", taking.sitting_feedback,
         name="feedback"),
    path("attempts/<int:pk>/result/", taking.sitting_result, name="result"),
    path("<slug:slug>/", taking.quiz_detail, name="detail"),
    path("<slug:slug>/start/", taking.quiz_start, name="start"),
]
