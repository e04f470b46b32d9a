"""The app's URLs and, for the load benchmark only, a bare constant view.

The constant view answers 204 as the poll does when nothing changed, and is marked passive as
the poll is, so the two pass the same middleware in the same way (the session is read, the
user is not loaded); what is left between them is the poll's own work.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_GET

from config.urls import urlpatterns as app_urlpatterns
from teams.middleware import passive


@passive
@require_GET
def constant(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=204)


urlpatterns = [path("bench/konstant/", constant, name="bench_constant"), *app_urlpatterns]
