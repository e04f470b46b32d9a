from django.urls import path

from meetings import views
from meetings.calendar.urls import calendar_urlpatterns
from meetings.evaluation.urls import evaluation_urlpatterns
from meetings.formats.urls import format_urlpatterns
from meetings.groups.urls import group_urlpatterns
from meetings.guests.urls import guest_urlpatterns
from meetings.minutes.urls import minutes_urlpatterns
from meetings.presenters.urls import presenter_urlpatterns
from meetings.series.urls import series_urlpatterns

app_name = "meetings"

urlpatterns = [
    path("moeder/", views.meeting_list, name="list"),
    path("teams/<slug:slug>/moeder/nyt/", views.meeting_plan, name="plan"),
    path("moeder/<int:pk>/", views.meeting_detail, name="detail"),
    path("moeder/<int:pk>/rediger/", views.meeting_edit, name="edit"),
    path("moeder/<int:pk>/aflys/", views.meeting_cancel, name="cancel"),
    path("moeder/<int:pk>/styr/", views.runner, {"mode": "control"}, name="control"),
    path("moeder/<int:pk>/projektor/", views.runner, {"mode": "projector"}, name="projector"),
    path("moeder/<int:pk>/foelg/", views.runner, {"mode": "participant"}, name="participant"),
    path("moeder/<int:pk>/tilstand/", views.runner_poll, name="poll"),
    path("moeder/<int:pk>/aendringer/", views.runner_stream, name="stream"),
    path("moeder/<int:pk>/felter/", views.runner_work, name="work"),
    path("moeder/<int:pk>/handling/", views.runner_action, name="action"),
    path("moeder/<int:pk>/noter/", views.owner_notes_save, name="owner_notes"),
    path("moeder/<int:pk>/observatoer/", views.observer_feedback_save, name="observer_feedback"),
    path("moeder/<int:pk>/observatoerer/", views.meeting_observers, name="observers"),
    path("moeder/<int:pk>/haand/", views.hand_toggle, name="hand"),
    *format_urlpatterns,
    *minutes_urlpatterns,
    *calendar_urlpatterns,
    *evaluation_urlpatterns,
    *group_urlpatterns,
    *presenter_urlpatterns,
    *series_urlpatterns,
    *guest_urlpatterns,
]
