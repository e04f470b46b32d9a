from django.urls import path

from visits import views

app_name = "visits"

urlpatterns = [
    path("teams/<slug:slug>/laeringsbesoeg/", views.visit_list, name="list"),
    path("teams/<slug:slug>/laeringsbesoeg/nyt/", views.visit_plan, name="plan"),
    path("laeringsbesoeg/<int:pk>/", views.visit_detail, name="detail"),
    path("laeringsbesoeg/<int:pk>/tjek-ind/", views.check_in, name="check_in"),
    path("laeringsbesoeg/<int:pk>/laeringsmoede/", views.learning_meeting, name="close"),
    path("laeringsbesoeg/<int:pk>/personalemoede/", views.put_on_agenda, name="agenda"),
]
