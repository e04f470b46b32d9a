from django.db import transaction

from learnings.models import LearningPoint
from meetings.models import AgendaItem, Meeting
from meetings.services import bump_version
from teams.models import User


@transaction.atomic
def learning_point_add(
    *,
    meeting: Meeting,
    agenda_item: AgendaItem | None,
    author: User,
    text: str,
    is_leader_summary: bool = False,
    changes_practice: bool | None = None,
) -> LearningPoint:
    point = LearningPoint.objects.create(
        team=meeting.team,
        meeting=meeting,
        agenda_item=agenda_item,
        author=author,
        text=text,
        is_leader_summary=is_leader_summary,
        changes_practice=changes_practice,
    )
    bump_version(meeting=meeting)
    return point
