from django.db import transaction

from learnings.models import LearningPoint, Theme
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


@transaction.atomic
def learning_point_update(
    *, point: LearningPoint, user: User, text: str, themes, new_theme: str = ""
) -> LearningPoint:
    point = LearningPoint.objects.select_for_update().get(pk=point.pk)
    point.text = text
    point.save(update_fields=["text", "updated_at"])
    chosen = list(themes)
    if new_theme.strip():
        chosen.append(theme_create(team=point.team, name=new_theme))
    point.themes.set(chosen)
    return point


def theme_create(*, team, name: str) -> Theme:
    name = name.strip()
    existing = Theme.objects.filter(team=team, name__iexact=name).first()
    return existing or Theme.objects.create(team=team, name=name)
