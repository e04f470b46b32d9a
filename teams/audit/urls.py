from django.urls import path

from teams.audit import views

audit_urlpatterns = [
    path("adgangslog/", views.audit_log, name="audit_log"),
    path("adgangslog.csv", views.audit_log_csv, name="audit_log_csv"),
]
