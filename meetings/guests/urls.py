from django.urls import path

from meetings.guests import views

guest_urlpatterns = [
    path("moeder/<int:pk>/gaester/", views.guest_list, name="guests"),
    path(
        "moeder/<int:pk>/gaester/<int:guest_pk>/tilbagekald/",
        views.guest_revoke,
        name="guest_revoke",
    ),
    path("moeder/<int:pk>/gaest/<str:token>/", views.guest_follow, name="guest_follow"),
    path("moeder/<int:pk>/gaest/<str:token>/tilstand/", views.guest_poll, name="guest_poll"),
    path("moeder/<int:pk>/gaest/<str:token>/felter/", views.guest_work, name="guest_work"),
]
