from django.urls import path

from meetings import format_views

format_urlpatterns = [
    path("teams/<slug:slug>/formater/", format_views.format_list, name="format_list"),
    path(
        "teams/<slug:slug>/formater/<int:pk>/",
        format_views.format_detail,
        name="format_detail",
    ),
    path(
        "teams/<slug:slug>/formater/<int:pk>/kopier/",
        format_views.format_copy,
        name="format_copy",
    ),
    path(
        "teams/<slug:slug>/formater/<int:pk>/rediger/",
        format_views.format_edit,
        name="format_edit",
    ),
]
