from django.urls import path

from learnings import views
from learnings.overview.urls import overview_urlpatterns

app_name = "learnings"

urlpatterns = [
    path("laering/", views.home, name="home"),
    path("laering/alle-teams/", views.all_teams, name="all_teams"),
    path("laering/<int:pk>/rediger/", views.point_edit, name="point_edit"),
    path("teams/<slug:slug>/laering/", views.learning_list, name="learning_list"),
    path("teams/<slug:slug>/laering/temaer/", views.themes, name="themes"),
    path(
        "teams/<slug:slug>/laering/temaer/<int:pk>/omdoeb/",
        views.theme_rename,
        name="theme_rename",
    ),
    path(
        "teams/<slug:slug>/laering/temaer/<int:pk>/flet/",
        views.theme_merge,
        name="theme_merge",
    ),
    path(
        "teams/<slug:slug>/laering/temaer/<int:pk>/udfas/",
        views.theme_retire,
        name="theme_retire",
    ),
    path(
        "teams/<slug:slug>/laering/temaer/<int:pk>/slet/",
        views.theme_delete,
        name="theme_delete",
    ),
    path("moeder/<int:pk>/laeringspunkt/", views.meeting_point_add, name="meeting_point_add"),
    path(
        "moeder/<int:pk>/gaest/<str:token>/laeringspunkt/",
        views.guest_point_add,
        name="guest_point_add",
    ),
    path("moeder/<int:pk>/opsamling/", views.meeting_summary_add, name="meeting_summary_add"),
    *overview_urlpatterns,
]
