from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path

from teams.urls import auth_urlpatterns


def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask for /favicon.ico whatever the page links: send them to the icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    *auth_urlpatterns,
    path("", include("dashboard.urls")),
    path("", include("teams.urls")),
    path("", include("meetings.urls")),
    path("", include("cases.urls")),
    path("", include("learnings.urls")),
    path("", include("rollups.urls")),
    path("", include("visits.urls")),
    path("", include("products.urls")),
    path("", include("thememeetings.urls")),
    path("oidc/", include("teams.oidc.urls")),
    path("admin/", admin.site.urls),
]
