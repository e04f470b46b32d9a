"""What theme learning meetings hold about a person, for their copy of their data
(teams.hooks.personal_data): the themes they proposed, their answers in learning rounds, and
the working group's meetings they wrote. Three queries."""

from __future__ import annotations

from typing import Any

from teams.models import User
from thememeetings.models import RoundAnswer, Theme, WorkingGroupMeeting


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    return {
        "themes_proposed": [
            {
                "title": theme.title,
                "why": theme.why,
                "knowledge_needed": theme.knowledge_needed,
                "source": theme.get_source_display(),
                "status": theme.get_status_display(),
                "proposed_at": theme.proposed_at,
            }
            for theme in Theme.objects.filter(proposed_by=person).order_by("proposed_at", "pk")
        ],
        "learning_round_answers": [
            {
                "meeting": answer.meeting.title,
                "take_away": answer.take_away,
                "into_practice": answer.into_practice,
                "updated_at": answer.updated_at,
            }
            for answer in RoundAnswer.objects.filter(author=person)
            .select_related("meeting")
            .order_by("created_at", "pk")
        ],
        "working_group_meetings": [
            {"date": meeting.date, "agenda": meeting.agenda, "notes": meeting.notes}
            for meeting in WorkingGroupMeeting.objects.filter(created_by=person).order_by(
                "date", "pk"
            )
        ],
    }
