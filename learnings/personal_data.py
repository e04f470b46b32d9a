"""What learnings hold about a person, for their copy of their data
(teams.hooks.personal_data): the learning points they named. Two queries. A guest's point is
recorded under the meeting's facilitator (learnings.services) but is the guest's words, with the
guest's name: it is not the facilitator's data, and stays out of their copy."""

from __future__ import annotations

from typing import Any

from learnings.models import LearningPoint
from teams.models import User


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    return {
        "learning_points": [
            {
                "text": point.text,
                "team": point.team.name,
                "meeting": point.meeting.title if point.meeting else None,
                "created_at": point.created_at,
                "updated_at": point.updated_at,
                "is_leader_summary": point.is_leader_summary,
                "status": point.get_status_display(),
                "themes": [theme.name for theme in point.themes.all()],
            }
            for point in LearningPoint.objects.filter(author=person, guest_name="")
            .select_related("team", "meeting")
            .prefetch_related("themes")
            .order_by("created_at", "pk")
        ],
    }
