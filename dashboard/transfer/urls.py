from django.urls import path

from dashboard.transfer import views

transfer_urlpatterns = [
    path("teams/<slug:slug>/data.json", views.team_export, name="team_export"),
]
