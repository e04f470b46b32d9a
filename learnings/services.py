from collections.abc import Iterable

from django.db import transaction

from learnings.models import LearningPoint, Theme
from meetings.models import AgendaItem, Meeting
from meetings.services import bump_version
from teams.models import Team, User


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
    *,
    point: LearningPoint,
    text: str,
    themes: Iterable[Theme],
    new_theme: str = "",
) -> LearningPoint:
    """Save the edited text and themes; `new_theme`, when given, is created (or found) and
    added. Themes of other teams are ignored. Permission is the view's (can_edit_learning_point).
    """
    point = LearningPoint.objects.select_for_update().get(pk=point.pk)
    point.text = text
    point.save(update_fields=["text", "updated_at"])
    chosen = [theme for theme in themes if theme.team_id == point.team_id]
    if new_theme.strip():
        chosen.append(theme_create(team=point.team, name=new_theme))
    point.themes.set(chosen)
    return point


def _normalise_theme_name(name: str) -> str:
    return " ".join(name.split())


@transaction.atomic
def theme_create(*, team: Team, name: str) -> Theme:
    """The team's theme of that name, created when missing. Names match case-insensitively
    ("Praktik" is "praktik", "ÆLDRE" is "ældre"), compared in Python because SQLite folds
    the case of ASCII letters only."""
    name = _normalise_theme_name(name)
    if not name:
        raise ValueError("A theme needs a name.")
    wanted = name.casefold()
    for theme in Theme.objects.filter(team=team):
        if theme.name.casefold() == wanted:
            return theme
    theme, _created = Theme.objects.get_or_create(team=team, name=name)
    return theme


@transaction.atomic
def theme_delete(*, theme: Theme) -> None:
    """Remove the theme: its learning points keep their text and lose only the tag; rollup
    items grouped under it keep their title."""
    theme.delete()
