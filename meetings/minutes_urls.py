from django.urls import path

from meetings import minutes_views

minutes_urlpatterns = [
    path("moeder/<int:pk>/referat/", minutes_views.minutes, name="minutes"),
    path("moeder/<int:pk>/referat.pdf", minutes_views.minutes_pdf, name="minutes_pdf"),
    path("moeder/<int:pk>/referat/send/", minutes_views.minutes_email, name="minutes_email"),
]
