from django.urls import path

from meetings.presenters import views

presenter_urlpatterns = [
    path("moeder/<int:pk>/oplaeg/", views.presenters, name="presenters"),
    path(
        "moeder/<int:pk>/oplaeg/<int:presenter_pk>/afloeser/",
        views.presenter_stand_in,
        name="presenter_stand_in",
    ),
    path(
        "moeder/<int:pk>/oplaeg/<int:presenter_pk>/fjern/",
        views.presenter_remove,
        name="presenter_remove",
    ),
    path("moeder/<int:pk>/mit-oplaeg/", views.brief, name="brief"),
]
