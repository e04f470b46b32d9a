from django.urls import path

from meetings.minutes import views

minutes_urlpatterns = [
    path("moeder/<int:pk>/referat/", views.minutes, name="minutes"),
    path("moeder/<int:pk>/referat.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("moeder/<int:pk>/referat/send/", views.minutes_email, name="minutes_email"),
]
