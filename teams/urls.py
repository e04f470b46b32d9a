from django.contrib.auth import views as auth_views
from django.urls import path

from teams import views

app_name = "teams"

urlpatterns = [
    path("teams/<slug:slug>/", views.team_detail, name="team_detail"),
    path("konto/", views.account, name="account"),
]

auth_urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
