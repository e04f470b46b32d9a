from django.urls import path

from meetings.evaluation import views

evaluation_urlpatterns = [
    path("moeder/<int:pk>/tjek-ud/", views.check_out, name="check_out"),
    path("teams/<slug:slug>/moeder/evaluering/", views.evaluation, name="evaluation"),
]
