from django.urls import path

from meetings.series import views

series_urlpatterns = [
    path("teams/<slug:slug>/moedeserier/", views.series_list, name="series_list"),
    path("teams/<slug:slug>/moedeserier/ny/", views.series_create, name="series_create"),
    path(
        "teams/<slug:slug>/moedeserier/<int:pk>/rediger/",
        views.series_edit,
        name="series_edit",
    ),
    path("teams/<slug:slug>/moedeserier/<int:pk>/afslut/", views.series_end, name="series_end"),
    path(
        "teams/<slug:slug>/moedeserier/<int:pk>/kalender.ics",
        views.series_calendar,
        name="series_calendar",
    ),
]
