"""makemessages that also extracts ``_lazy("…")``.

The forms import ``gettext_lazy as _lazy`` (``_`` is the eager gettext there), and xgettext
only knows Django's default keywords, so without this their labels and help texts never reach
the catalogue and stay Danish in English mode.
"""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=_lazy"]
