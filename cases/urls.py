from django.urls import path

from cases import views

app_name = "cases"

urlpatterns = [
    path("sager/", views.case_list, name="list"),
    path("sager/ny/", views.case_submit, name="submit"),
    path("sager/<int:pk>/", views.case_detail, name="detail"),
    path("sager/<int:pk>/rediger/", views.case_edit, name="edit"),
    path("sager/<int:pk>/traek-tilbage/", views.case_withdraw, name="withdraw"),
    path("moeder/<int:pk>/sager/", views.meeting_cases, name="meeting_cases"),
    path("moeder/<int:pk>/sager/handling/", views.meeting_case_action, name="meeting_case_action"),
    path("teams/<slug:slug>/rotation/", views.rotation, name="rotation"),
    path("teams/<slug:slug>/rotation/spoerg/", views.rotation_ask, name="rotation_ask"),
]
