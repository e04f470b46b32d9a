"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured only by environment
variables (config/settings.py) and off without them: the login page's "Log ind med …" sends
the person to the municipality's identity provider, and its callback signs them in with
Django's own login(), so their session is recorded and ended like any other."""
