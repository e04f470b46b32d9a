from django.urls import path

from learnings import rollup_views as views

rollup_urlpatterns = [
    path("opsamlinger/", views.rollup_list, name="rollup_list"),
    path("teams/<slug:slug>/opsamlinger/ny/", views.rollup_start, name="rollup_start"),
    path("opsamlinger/<int:pk>/", views.rollup_detail, name="rollup_detail"),
    path(
        "opsamlinger/<int:pk>/punkter/<int:item_pk>/beslut/",
        views.rollup_decide,
        name="rollup_decide",
    ),
    path("opsamlinger/<int:pk>/afslut/", views.rollup_finish, name="rollup_finish"),
    path("opsamlinger/<int:pk>/kommentar/", views.rollup_comment, name="rollup_comment"),
    path("opsamlinger/<int:pk>/pdf/", views.rollup_pdf, name="rollup_pdf"),
    path("opfoelgninger/", views.action_list, name="action_list"),
    path("opfoelgninger/ny/", views.action_create, name="action_create"),
    path("opfoelgninger/<int:pk>/udfoert/", views.action_done, name="action_done"),
    path("opfoelgninger/<int:pk>/genaabn/", views.action_reopen, name="action_reopen"),
]
