"""The team chooser of the learning pages: a link per team (and one for all teams, where a page
has a view of them all), each keeping the page's filters that mean the same in every team.

Pure: the view passes the teams (learnings.access.teams_to_choose) and how to address a team's
page; the template learnings/_team_chooser.html draws the links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext as _

from teams.models import Team


@dataclass(frozen=True)
class TeamChoice:
    label: str
    url: str
    current: bool


def carried_query(params: QueryDict, keys: Iterable[str]) -> str:
    """The non-empty values of `keys` in `params`, as a query string ("" when none)."""
    kept = QueryDict(mutable=True)
    for key in keys:
        values = [value for value in params.getlist(key) if value]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def _with_query(url: str, query: str) -> str:
    return f"{url}?{query}" if query else url


def team_choices(
    *,
    teams: Sequence[Team],
    current: Team | None,
    url_for: Callable[[Team], str],
    all_teams_url: str | None = None,
    query: str = "",
) -> list[TeamChoice]:
    """The chooser's links: "Alle teams" first when the page has an all-teams view
    (`all_teams_url`; current when `current` is None), then each team by the given order.
    A team is named with its organisation when the teams come from more than one. No teams, no
    choices (the template then draws nothing)."""
    if not teams:
        return []
    several_organisations = len({team.organisation_id for team in teams}) > 1
    choices = []
    if all_teams_url is not None:
        choices.append(
            TeamChoice(
                label=_("Alle teams"),
                url=_with_query(all_teams_url, query),
                current=current is None,
            )
        )
    for team in teams:
        label = f"{team.name} ({team.organisation.name})" if several_organisations else team.name
        choices.append(
            TeamChoice(
                label=label,
                url=_with_query(url_for(team), query),
                current=current is not None and team.pk == current.pk,
            )
        )
    return choices
