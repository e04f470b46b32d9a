point_urlpatterns = []
