from django.urls import path

from learnings import views

point_urlpatterns = [
    path("laering/", views.home, name="home"),
    path("teams/<slug:slug>/laering/", views.learning_list, name="learning_list"),
    path("laering/<int:pk>/rediger/", views.point_edit, name="point_edit"),
]
