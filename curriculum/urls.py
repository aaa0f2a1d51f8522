from django.urls import path

from . import views

app_name = "curriculum"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("modules/<int:page_id>/complete/", views.module_complete, name="module_complete"),
]
