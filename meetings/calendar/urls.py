from django.urls import path

from meetings.calendar import views

calendar_urlpatterns = [
    path("moeder/<int:pk>/kalender.ics", views.meeting_calendar, name="calendar"),
    path("moeder/kalender/", views.calendar_subscription, name="calendar_subscription"),
    path(
        "moeder/kalender/tilbagekald/",
        views.calendar_subscription_revoke,
        name="calendar_subscription_revoke",
    ),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
