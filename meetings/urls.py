from django.urls import path

from meetings import views
from meetings.format_urls import format_urlpatterns
from meetings.ics_urls import ics_urlpatterns
from meetings.minutes_urls import minutes_urlpatterns

app_name = "meetings"

urlpatterns = [
    path("moeder/", views.meeting_list, name="list"),
    path("teams/<slug:slug>/moeder/nyt/", views.meeting_plan, name="plan"),
    path("moeder/<int:pk>/", views.meeting_detail, name="detail"),
    path("moeder/<int:pk>/rediger/", views.meeting_edit, name="edit"),
    path("moeder/<int:pk>/styr/", views.runner_control, name="control"),
    path("moeder/<int:pk>/projektor/", views.runner_projector, name="projector"),
    path("moeder/<int:pk>/foelg/", views.runner_participant, name="participant"),
    path("moeder/<int:pk>/tilstand/", views.runner_poll, name="poll"),
    path("moeder/<int:pk>/handling/", views.runner_action, name="action"),
    path("moeder/<int:pk>/laeringspunkt/", views.learning_point_add, name="learning_point_add"),
    path("moeder/<int:pk>/noter/", views.owner_notes_save, name="owner_notes"),
    path("moeder/<int:pk>/opsamling/", views.summary_add, name="summary_add"),
    path("moeder/<int:pk>/opfoelgning/", views.follow_up_add, name="follow_up_add"),
    *format_urlpatterns,
    *minutes_urlpatterns,
    *ics_urlpatterns,
]
