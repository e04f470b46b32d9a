from django.urls import path

from learnings import overview_views

overview_urlpatterns = [
    path("teams/<slug:slug>/laering/overblik/", overview_views.overview, name="overview"),
]
