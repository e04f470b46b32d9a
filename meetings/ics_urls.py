from django.urls import path

from meetings.ics_views import meeting_calendar

ics_urlpatterns = [
    path("moeder/<int:pk>/kalender.ics", meeting_calendar, name="calendar"),
]
