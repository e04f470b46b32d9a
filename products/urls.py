from django.urls import path

from products import views
from products.feedback.urls import feedback_urlpatterns

app_name = "products"

urlpatterns = [
    path("produkter/", views.product_list, name="list"),
    path("produkter/ny/", views.product_create, name="create"),
    path("produkter/<int:pk>/", views.product_detail, name="detail"),
    path("produkter/<int:pk>/kladde/", views.draft_detail, name="draft"),
    path("produkter/<int:pk>/kladde/rediger/", views.draft_edit, name="edit"),
    path("produkter/<int:pk>/kladde/udgiv/", views.draft_publish, name="publish"),
    path("produkter/<int:pk>/version/<int:number>/", views.version_detail, name="version"),
    path("produkter/<int:pk>/version/<int:number>/pdf/", views.version_pdf, name="version_pdf"),
    path("produkter/<int:pk>/forskelle/", views.version_diff, name="diff"),
    *feedback_urlpatterns,
]
