from django.urls import path

from teams.personal_data import views

personal_data_urlpatterns = [
    path("konto/mine-data/", views.my_data, name="my_data"),
    path("personer/<int:pk>/slet/", views.person_erase, name="person_erase"),
]
