"""The request type of a signed-in view."""

from __future__ import annotations

from core.http import HtmxHttpRequest
from teams.models import User


class SignedInRequest(HtmxHttpRequest):
    """A request to a view behind login_required: its user is a User, never anonymous, and
    `request.htmx` tells whether htmx sent it."""

    user: User
