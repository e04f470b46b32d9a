from django.contrib import admin
from django.urls import include, path

from teams.urls import auth_urlpatterns

urlpatterns = [
    *auth_urlpatterns,
    path("", include("dashboard.urls")),
    path("", include("teams.urls")),
    path("", include("meetings.urls")),
    path("", include("cases.urls")),
    path("", include("learnings.urls")),
    path("", include("rollups.urls")),
    path("", include("products.urls")),
    path("admin/", admin.site.urls),
]
