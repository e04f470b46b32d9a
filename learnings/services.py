from collections.abc import Iterable

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.locking import Stale
from core.refusals import Refused
from learnings.models import LearningPoint, Theme
from meetings.models import AgendaItem, Meeting
from meetings.services import bump_version
from teams.models import Team, User


class LearningRefused(Refused):
    pass


@transaction.atomic
def learning_point_add(
    *,
    meeting: Meeting,
    agenda_item: AgendaItem | None,
    author: User,
    text: str,
    is_leader_summary: bool = False,
    changes_practice: bool | None = None,
    guest_name: str = "",
) -> LearningPoint:
    """`guest_name`: a guest's point, recorded under `author` (the meeting's facilitator).
    A guest has no account for core.submits' one-time tokens to belong to, so the same text
    sent again by the same guest at the same agenda item (a double click) is the point it made
    the first time."""
    limit = limits.MEDIUM_TEXT if is_leader_summary else limits.SHORT_TEXT
    limits.check_lengths([(text, limit), (guest_name, limits.NAME)], refused=LearningRefused)
    if guest_name:
        # The meeting's row serialises two posts of the same click.
        Meeting.objects.select_for_update().only("pk").get(pk=meeting.pk)
        earlier = LearningPoint.objects.filter(
            meeting=meeting, agenda_item=agenda_item, guest_name=guest_name, text=text
        ).first()
        if earlier is not None:
            return earlier
    point = LearningPoint.objects.create(
        team=meeting.team,
        meeting=meeting,
        agenda_item=agenda_item,
        author=author,
        guest_name=guest_name,
        text=text,
        is_leader_summary=is_leader_summary,
        changes_practice=changes_practice,
    )
    bump_version(meeting=meeting)
    return point


class StalePoint(Stale[LearningPoint]):
    """Someone saved the point after the editor opened it: `current` is the point as it is."""


@transaction.atomic
def learning_point_update(
    *,
    point: LearningPoint,
    user: User,
    revision: int,
    text: str,
    themes: Iterable[Theme],
    new_theme: str = "",
) -> LearningPoint:
    """Save the edited text and themes, if nobody has saved the point since `revision` (else
    StalePoint); `new_theme`, when given, is created (or found) and added. Themes of other
    teams are ignored. Permission is the view's (can_edit_learning_point).
    """
    limit = limits.MEDIUM_TEXT if point.is_leader_summary else limits.SHORT_TEXT
    limits.check_lengths([(text, limit)], refused=LearningRefused)
    point = (
        LearningPoint.objects.select_for_update(of=("self",))
        .select_related("edited_by", "author")
        .get(pk=point.pk)
    )
    if point.revision != revision:
        raise StalePoint(
            _(
                "%(name)s har gemt læringspunktet, efter du begyndte at rette i det. Din tekst "
                "er ikke gemt. Sammenlign med punktet, som det er nu, ret din tekst til, og gem "
                "igen."
            )
            % {"name": point.edited_by or point.author},
            current=point,
        )
    point.text = text
    point.revision += 1
    point.edited_by = user
    point.save(update_fields=["text", "revision", "edited_by", "updated_at"])
    chosen = [theme for theme in themes if theme.team_id == point.team_id]
    if new_theme.strip():
        chosen.append(theme_create(team=point.team, name=new_theme))
    point.themes.set(chosen)
    return point


def _normalise_theme_name(name: str) -> str:
    return " ".join(name.split())


def _same_name(team: Team, name: str, *, other_than: Theme | None = None) -> Theme | None:
    """The team's theme of that name, case-insensitively ("Praktik" is "praktik", "ÆLDRE" is
    "ældre"), compared in Python because SQLite folds the case of ASCII letters only."""
    wanted = name.casefold()
    themes = Theme.objects.filter(team=team)
    if other_than is not None:
        themes = themes.exclude(pk=other_than.pk)
    return next((theme for theme in themes if theme.name.casefold() == wanted), None)


@transaction.atomic
def theme_create(*, team: Team, name: str) -> Theme:
    """The team's theme of that name, created when missing; a retired one of that name is
    taken into use again."""
    name = _normalise_theme_name(name)
    if not name:
        raise ValueError("A theme needs a name.")
    limits.check_lengths([(name, limits.THEME)], refused=LearningRefused)
    theme = _same_name(team, name)
    if theme is None:
        theme, _created = Theme.objects.get_or_create(team=team, name=name)
    elif theme.retired_at is not None:
        theme.retired_at = None
        theme.save(update_fields=["retired_at"])
    return theme


class ThemeRefused(Refused):
    pass


@transaction.atomic
def theme_rename(*, theme: Theme, name: str) -> Theme:
    """A new name for the theme, on every point that has it. A name another of the team's
    themes has is refused: that is a merge, which the leader chooses knowingly."""
    name = _normalise_theme_name(name)
    if not name:
        raise ThemeRefused(_("Skriv et navn på temaet."))
    limits.check_lengths([(name, limits.THEME)], refused=ThemeRefused)
    if _same_name(theme.team, name, other_than=theme) is not None:
        raise ThemeRefused(
            _("Teamet har allerede temaet »%(name)s«. Flet temaerne i stedet.") % {"name": name}
        )
    theme.name = name
    theme.save(update_fields=["name"])
    return theme


@transaction.atomic
def theme_merge(*, theme: Theme, into: Theme) -> Theme:
    """Merge `theme` into `into` (a theme of the same team): its learning points get `into`
    (once, where they have both), whatever else refers to it (a rollup's group) refers to
    `into`, and `theme` is deleted. Found from the model's relations, so that learnings
    imports no higher app."""
    if into.team_id != theme.team_id or into.pk == theme.pk:
        raise ThemeRefused(_("Vælg et andet af teamets temaer at flette ind i."))
    links = LearningPoint.themes.through
    having_into = links.objects.filter(theme=into).values("learningpoint_id")
    links.objects.filter(theme=theme).exclude(learningpoint_id__in=having_into).update(theme=into)
    for relation in Theme._meta.get_fields(include_hidden=True):
        if relation.auto_created and not relation.concrete and relation.one_to_many:
            field = relation.remote_field
            assert isinstance(field, models.ForeignKey)
            if field.model is not links:
                rows = field.model._base_manager.filter(**{field.name: theme})
                rows.update(**{field.name: into})
    theme.delete()
    return into


@transaction.atomic
def theme_retire(*, theme: Theme, retired: bool = True) -> Theme:
    """A retired theme stays on its points (and in the rollups) but is no longer offered when
    a point is tagged; `retired=False` takes it into use again."""
    theme.retired_at = timezone.now() if retired else None
    theme.save(update_fields=["retired_at"])
    return theme


@transaction.atomic
def theme_delete(*, theme: Theme) -> None:
    """Remove the theme: its learning points keep their text and lose only the tag; rollup
    items grouped under it keep their title."""
    theme.delete()
