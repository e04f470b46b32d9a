from django.urls import path

from learnings import views

point_urlpatterns = [
    path("laering/", views.home, name="home"),
    path("laering/<int:pk>/rediger/", views.point_edit, name="point_edit"),
    path("teams/<slug:slug>/laering/", views.learning_list, name="learning_list"),
    path("teams/<slug:slug>/laering/temaer/", views.themes, name="themes"),
    path(
        "teams/<slug:slug>/laering/temaer/<int:pk>/slet/",
        views.theme_delete,
        name="theme_delete",
    ),
]
