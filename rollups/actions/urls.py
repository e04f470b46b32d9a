from django.urls import path

from rollups.actions import views

action_urlpatterns = [
    path("opfoelgninger/", views.action_list, name="action_list"),
    path("opfoelgninger/ny/", views.action_create, name="action_create"),
    path("opfoelgninger/<int:pk>/udfoert/", views.action_done, name="action_done"),
    path("opfoelgninger/<int:pk>/genaabn/", views.action_reopen, name="action_reopen"),
    path("moeder/<int:pk>/opfoelgning/", views.follow_up_add, name="follow_up_add"),
    path(
        "moeder/<int:pk>/opfoelgning/flyt-videre/",
        views.review_move_on,
        name="review_move_on",
    ),
]
