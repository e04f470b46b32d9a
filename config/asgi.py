import gc
import os

from django.conf import settings
from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_asgi_application()

if settings.DEBUG:
    # `make run` serves the static files itself, as runserver would; in production whitenoise
    # does (config/settings.py).
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    application = ASGIStaticFilesHandler(application)

if not settings.SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")

# A worker holding a thousand meeting screens' streams has a few hundred thousand objects, and
# Python's full garbage collection walks all of them while every request waits: 0.3-1.5 s per
# collection in the load benchmark (bench/RESULTS.md). What is loaded now (Django, the apps,
# the URLs) lives as long as the process, so the collector leaves it out; and it runs less
# often, since a request makes thousands of short-lived objects.
get_resolver().url_patterns  # noqa: B018 (loads every app's views before the freeze)
gc.freeze()
gc.set_threshold(20_000, 20, 20)
