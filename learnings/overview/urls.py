from django.urls import path

from learnings.overview import views

overview_urlpatterns = [
    path("teams/<slug:slug>/laering/overblik/", views.overview, name="overview"),
]
