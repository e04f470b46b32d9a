from django.urls import path

from dashboard import views
from dashboard.transfer.urls import transfer_urlpatterns

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("teams/<slug:slug>/foerste-moede/", views.first_meeting, name="first_meeting"),
    path(
        "teams/<slug:slug>/foerste-moede/spring-over/",
        views.first_meeting_skip,
        name="first_meeting_skip",
    ),
    *transfer_urlpatterns,
]
