"""Whose session is whose: the session engine records the signed-in person of each session,
so that all of a person's sessions can be listed and ended in one query each.

Django's database sessions keep the user id only inside the signed, encoded session data, so
finding a person's sessions would mean decoding every session of the installation. This engine
(settings.SESSION_ENGINE) stores the sessions in Django's own table, as before, and writes a
SessionOwner row beside a session when someone signs in to it: one query per login, none on
the requests in between. Deleting the session deletes the row with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from teams.middleware import ACTIVE_AT_KEY
from teams.models import SessionOwner, User

# Where a login leaves the browser's description, for the list of a person's sessions.
USER_AGENT_KEY = "teamlaering_user_agent"


def remember_user_agent(request: HttpRequest) -> None:
    """At a login (with a password or single sign-on): the browser, for "Mine sessioner"."""
    request.session[USER_AGENT_KEY] = request.headers.get("user-agent", "")[:200]


class SessionStore(DatabaseSessionStore):
    """Django's database session store that also records who signed in to the session."""

    # (session key, user id) as recorded, so a session saved again and again by the same person
    # costs no query.
    _recorded: tuple[str | None, str | None] = (None, None)

    def load(self) -> dict[str, Any]:
        data = super().load()
        self._recorded = (self.session_key, _user_id(data))
        return data

    async def aload(self) -> dict[str, Any]:
        data = await super().aload()
        self._recorded = (self.session_key, _user_id(data))
        return data

    def save(self, must_create: bool = False) -> None:
        super().save(must_create=must_create)
        self._record_owner()

    async def asave(self, must_create: bool = False) -> None:
        await super().asave(must_create=must_create)
        await self._arecord_owner()

    def _owner_to_record(self) -> tuple[str, str] | None:
        if self.session_key is None:
            return None
        user_id = self.get(SESSION_KEY)
        user_id = str(user_id) if user_id is not None else None
        if user_id is None or (self.session_key, user_id) == self._recorded:
            return None
        return self.session_key, user_id

    def _record_owner(self) -> None:
        wanted = self._owner_to_record()
        if wanted is None:
            return
        _upsert(*wanted)
        self._recorded = wanted

    async def _arecord_owner(self) -> None:
        wanted = self._owner_to_record()
        if wanted is None:
            return
        from asgiref.sync import sync_to_async

        await sync_to_async(_upsert)(*wanted)
        self._recorded = wanted


def _user_id(data: dict[str, Any]) -> str | None:
    value = data.get(SESSION_KEY)
    return str(value) if value is not None else None


def _upsert(session_key: str, user_id: str) -> None:
    with transaction.atomic():
        SessionOwner.objects.bulk_create(
            [
                SessionOwner(
                    session_id=session_key, user_id=int(user_id), signed_in_at=timezone.now()
                )
            ],
            update_conflicts=True,
            unique_fields=["session"],
            update_fields=["user", "signed_in_at"],
        )


# Reads


def session_is_current(session_key: str, user_id: int | str) -> bool:
    """Whether the session still exists, has not expired and belongs to the person: one query.
    A deactivated person's or a changed password's sessions are deleted (end_sessions), so
    this is False for them at once."""
    return SessionOwner.objects.filter(
        session_id=session_key,
        user_id=int(user_id),
        user__is_active=True,
        session__expire_date__gt=timezone.now(),
    ).exists()


def signed_in_with(*, session_hash: object, password: str | None) -> bool:
    """Whether a session that holds `session_hash` (Django's HASH_SESSION_KEY) was signed in
    with the password whose stored hash is `password` now; None, a person who is gone or not
    active. The screens' checks read the password along with what they read anyway, instead of
    loading the user as Django's get_user does."""
    if password is None or not isinstance(session_hash, str) or not session_hash:
        return False
    return constant_time_compare(session_hash, User(password=password).get_session_auth_hash())


@dataclass(frozen=True)
class ActiveSession:
    key: str
    signed_in_at: datetime
    active_at: datetime | None
    user_agent: str
    is_current: bool


def sessions_of(*, user_id: int, current_key: str | None = None) -> list[ActiveSession]:
    """The person's sessions that have not expired, newest first: one query. Each is decoded
    for the time it was last used and the browser it was opened in."""
    rows = (
        SessionOwner.objects.filter(user_id=user_id, session__expire_date__gt=timezone.now())
        .select_related("session")
        .order_by("-signed_in_at", "session_id")
    )
    store = DatabaseSessionStore()
    sessions = []
    for row in rows:
        data = store.decode(row.session.session_data)
        active_at = data.get(ACTIVE_AT_KEY)
        sessions.append(
            ActiveSession(
                key=row.session_id,
                signed_in_at=row.signed_in_at,
                active_at=datetime.fromisoformat(active_at) if active_at else None,
                user_agent=str(data.get(USER_AGENT_KEY, ""))[:200],
                is_current=row.session_id == current_key,
            )
        )
    return sessions


# Writes


@transaction.atomic
def end_sessions(*, user_id: int, keep: str | None = None, only: str | None = None) -> int:
    """End the person's sessions everywhere (all but `keep`, or only `only`): their rows are
    deleted, so the next request, poll or stream event of each finds no session. Returns how
    many ended."""
    sessions = Session.objects.filter(owner__user_id=user_id)
    if keep:
        sessions = sessions.exclude(session_key=keep)
    if only:
        sessions = sessions.filter(session_key=only)
    keys = list(sessions.values_list("session_key", flat=True))
    SessionOwner.objects.filter(session_id__in=keys).delete()
    Session.objects.filter(session_key__in=keys).delete()
    return len(keys)
