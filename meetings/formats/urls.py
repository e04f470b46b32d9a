from django.urls import path

from meetings.formats import views

format_urlpatterns = [
    path("teams/<slug:slug>/formater/", views.format_list, name="format_list"),
    path(
        "teams/<slug:slug>/formater/<int:pk>/",
        views.format_detail,
        name="format_detail",
    ),
    path(
        "teams/<slug:slug>/formater/<int:pk>/kopier/",
        views.format_copy,
        name="format_copy",
    ),
    path(
        "teams/<slug:slug>/formater/<int:pk>/rediger/",
        views.format_edit,
        name="format_edit",
    ),
]
