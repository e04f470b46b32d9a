from django.urls import path

from thememeetings import views

app_name = "thememeetings"

urlpatterns = [
    path("temamoeder/", views.home, name="home"),
    path("temamoeder/mine-svar/", views.my_answers, name="my_answers"),
    path("temamoeder/<int:org>/", views.backlog, name="backlog"),
    path("temamoeder/<int:org>/foreslaa/", views.propose, name="propose"),
    path("temamoeder/<int:org>/arbejdsgruppe/", views.working_group, name="working_group"),
    path(
        "temamoeder/<int:org>/arbejdsgruppe/medlemmer/",
        views.working_group_members,
        name="working_group_members",
    ),
    path(
        "temamoeder/<int:org>/arbejdsgruppe/moeder/",
        views.working_group_meeting_add,
        name="working_group_meeting_add",
    ),
    path("temamoeder/tema/<int:pk>/", views.detail, name="detail"),
    path("temamoeder/tema/<int:pk>/prioritet/", views.prioritise, name="prioritise"),
    path("temamoeder/tema/<int:pk>/vaelg/", views.decide, name="decide"),
    path("moeder/<int:pk>/laeringsrunde/", views.round_answer, name="round_answer"),
]
