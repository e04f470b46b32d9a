overview_urlpatterns = []
