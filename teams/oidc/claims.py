"""What the provider's claims say about a person: their username, and whether they have been
granted access. Pure logic, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Django's username field holds at most this many characters.
USERNAME_MAX_LENGTH = 150


def username(claims: Mapping[str, Any], claim: str) -> str | None:
    """The claim's value as a username, or None when it is missing, empty, not text or too
    long to be one."""
    value = claims.get(claim)
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > USERNAME_MAX_LENGTH:
        return None
    return value


def grants_access(claims: Mapping[str, Any], claim: str, value: str) -> bool:
    """Whether the claims grant access: always when no claim is required; else the claim must
    hold `value` (a group or role among a list, or the claim's one value), or, without a value,
    be true."""
    if not claim:
        return True
    held = claims.get(claim)
    if not value:
        return held is True or (isinstance(held, str) and held.lower() == "true")
    if isinstance(held, str):
        return held == value or value in held.split()
    if isinstance(held, list | tuple):
        return value in [str(item) for item in held]
    return False
