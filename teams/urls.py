from django.urls import path

from teams import views
from teams.audit.urls import audit_urlpatterns
from teams.personal_data.urls import personal_data_urlpatterns

app_name = "teams"

urlpatterns = [
    path("team/", views.my_team, name="my_team"),
    path("teams/nyt/", views.team_create, name="team_create"),
    path("teams/<slug:slug>/", views.team_detail, name="team_detail"),
    path("teams/<slug:slug>/medlemmer/tilfoej/", views.member_add, name="member_add"),
    path("teams/<slug:slug>/medlemmer/inviter/", views.member_invite, name="member_invite"),
    path("teams/<slug:slug>/medlemmer/<int:pk>/", views.member_update, name="member_update"),
    path("teams/<slug:slug>/medlemmer/<int:pk>/fjern/", views.member_remove, name="member_remove"),
    path(
        "teams/<slug:slug>/medlemmer/<int:pk>/inviter-igen/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path("teams/<slug:slug>/indstillinger/", views.team_settings, name="team_settings"),
    path("teams/<slug:slug>/moeder/", views.team_meeting_defaults, name="team_meeting_defaults"),
    path("konto/", views.account, name="account"),
    path("konto/adgangskode/", views.PasswordChangeView.as_view(), name="password_change"),
    path("konto/sessioner/", views.account_sessions, name="account_sessions"),
    path(
        "invitation/<uidb64>/<token>/",
        views.InvitationAcceptView.as_view(),
        name="invitation_accept",
    ),
    *audit_urlpatterns,
    *personal_data_urlpatterns,
]

auth_urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("glemt-adgangskode/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "glemt-adgangskode/sendt/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "nulstil/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "nulstil/faerdig/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
