from django.urls import path

from meetings.calendar.views import meeting_calendar

calendar_urlpatterns = [
    path("moeder/<int:pk>/kalender.ics", meeting_calendar, name="calendar"),
]
