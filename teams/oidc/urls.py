from django.urls import path

from teams.oidc import views

app_name = "oidc"

urlpatterns = [
    path("login/", views.OidcLoginView.as_view(), name="login"),
    # The redirect URI to register at the provider: https://<host>/oidc/callback/
    path("callback/", views.OidcCallbackView.as_view(), name="callback"),
]
