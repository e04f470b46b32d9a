from django.urls import path

from rollups import views
from rollups.actions.urls import action_urlpatterns

app_name = "rollups"

urlpatterns = [
    path("opsamlinger/", views.rollup_list, name="rollup_list"),
    path("teams/<slug:slug>/opsamlinger/ny/", views.rollup_start, name="rollup_start"),
    path("opsamlinger/<int:pk>/", views.rollup_detail, name="rollup_detail"),
    path(
        "opsamlinger/<int:pk>/punkter/<int:item_pk>/beslut/",
        views.rollup_decide,
        name="rollup_decide",
    ),
    path("opsamlinger/<int:pk>/afslut/", views.rollup_finish, name="rollup_finish"),
    path("opsamlinger/<int:pk>/del/", views.rollup_share, name="rollup_share"),
    path("opsamlinger/<int:pk>/kommentar/", views.rollup_comment, name="rollup_comment"),
    path("opsamlinger/<int:pk>/pdf/", views.rollup_pdf, name="rollup_pdf"),
    *action_urlpatterns,
]
