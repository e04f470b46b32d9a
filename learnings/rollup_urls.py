rollup_urlpatterns = []
