from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared bottom layer: pieces every app may use, its template tags, and its tables:
    the answers to submitted forms kept for their repeats (core/submits.py) and the stored PDFs
    (core/pdf.py)."""

    name = "core"
    verbose_name = _("Fælles")
