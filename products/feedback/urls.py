from django.urls import path

from products.feedback import views

feedback_urlpatterns = [
    path("produkter/<int:pk>/feedback/", views.feedback, name="feedback"),
    path(
        "produkter/<int:pk>/feedback/<int:feedback_pk>/kladde/",
        views.feedback_draft,
        name="feedback_draft",
    ),
]
