from learnings.overview_urls import overview_urlpatterns
from learnings.point_urls import point_urlpatterns
from learnings.rollup_urls import rollup_urlpatterns

app_name = "learnings"

urlpatterns = [*point_urlpatterns, *rollup_urlpatterns, *overview_urlpatterns]
