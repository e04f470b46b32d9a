from django.urls import path

from meetings.groups import views

group_urlpatterns = [
    path("moeder/<int:pk>/grupper/", views.groups, name="groups"),
    path("moeder/<int:pk>/grupper/foreslaa/", views.groups_propose, name="groups_propose"),
    path("moeder/<int:pk>/grupper/flyt/", views.group_move, name="group_move"),
    path("moeder/<int:pk>/grupper/<int:group>/", views.group_edit, name="group_edit"),
    path("moeder/<int:pk>/grupper/<int:group>/planche/", views.group_notes, name="group_notes"),
]
