"""What the app holds about a person, as one JSON document ("Hent mine data").

Teams' own part (profile, memberships, sessions, the audit log's entries by or about them) is
read here; what the higher apps hold (cases, learning points, speaking time, notes…) they add
through hooks.personal_data, each in a fixed number of queries.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from teams import hooks
from teams.audit.describe import detail_text, target_label
from teams.audit.selectors import entries_about
from teams.models import Membership, Organisation, User
from teams.sessions import sessions_of

FORMAT = "teamlaering-mine-data/1"


def _organisations(person: User) -> list[Organisation]:
    """The person's own organisation and those they lead, in one query, each marked `leads`."""
    leading = Organisation.department_leaders.through.objects.filter(
        organisation=OuterRef("pk"), user=person
    )
    return list(
        Organisation.objects.annotate(leads=Exists(leading))
        .filter(Q(leads=True) | Q(pk=person.organisation_id))
        .order_by("name")
    )


def _profile(person: User, organisations: list[Organisation]) -> dict[str, Any]:
    return {
        "username": person.username,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "language": person.language,
        "organisation": next(
            (org.name for org in organisations if org.pk == person.organisation_id), None
        ),
        "is_active": person.is_active,
        "is_site_administrator": person.is_superuser,
        "date_joined": person.date_joined,
        "last_login": person.last_login,
    }


def _memberships(person: User) -> list[dict[str, Any]]:
    return [
        {
            "team": membership.team.name,
            "organisation": membership.team.organisation.name,
            "role": membership.get_role_display(),
            "title": membership.title,
        }
        for membership in Membership.objects.filter(user=person)
        .select_related("team__organisation")
        .order_by("team__name")
    ]


def _audit_entries(person: User) -> list[dict[str, Any]]:
    return [
        {
            "at": entry.at,
            "action": entry.get_action_display(),
            "by": entry.actor.display_name if entry.actor else None,
            "about": entry.subject.display_name if entry.subject else None,
            "team": entry.team.name if entry.team else None,
            "object": target_label(entry),
            "detail": detail_text(entry),
            "ip_address": entry.ip_address,
        }
        for entry in entries_about(person=person)
    ]


def personal_data_of(*, person: User, current_session: str | None = None) -> dict[str, Any]:
    """Everything the app holds about `person`, by section."""
    organisations = _organisations(person)
    data: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": timezone.now(),
        "profile": _profile(person, organisations),
        "memberships": _memberships(person),
        "department_leader_of": [
            org.name for org in organisations if getattr(org, "leads", False)
        ],
        "sessions": [
            {
                "signed_in_at": session.signed_in_at,
                "last_active_at": session.active_at,
                "browser": session.user_agent,
                "this_session": session.is_current,
            }
            for session in sessions_of(user_id=person.pk, current_key=current_session)
        ],
        "audit_entries": _audit_entries(person),
    }
    for collect in hooks.personal_data:
        data.update(collect(person))
    return data


def personal_data_json(*, person: User, current_session: str | None = None) -> str:
    return json.dumps(
        personal_data_of(person=person, current_session=current_session),
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )
