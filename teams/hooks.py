"""What higher layers add to teams (see core.hooks); each registers from its AppConfig.ready().

- personal_data: what an app holds about a person, for their own copy of their data ("Hent mine
  data", GDPR art. 15/20). Each returns sections by name (lists of plain values that JSON can
  hold), in a fixed number of queries whatever the person has done.
- person_unnamed: called inside the transaction that erases a person (GDPR art. 17; team None),
  or that removes a member from a team that shows its former members without name (the team
  given), after the rows that point at the person (of that team) have been moved to the
  placeholder account: an app that keeps the person's name as text as well (a product
  version's "ansvarlig") puts the placeholder's name there. Returns how many rows it changed.
- person_left: called inside the transaction in which a person leaves a team (the team page's
  removal; the team is given) or the installation (erasure; None, before their rows are handed
  on): an app takes them out of what is still to come, so that nobody is given a turn in a
  round for someone who is gone. Returns how many rows it changed.
- team_page: what the team's page ("Team") shows of a higher app: links in the region "links".
- retention: called by the daily retention job (manage.py delete_case_material) with the
  moment it runs: an app deletes what it keeps like case material once the team's retention
  has run out. Returns how many objects it cleared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from core.hooks import Contributor, Hook
from teams.access import AnyUser
from teams.models import Team, User

type PersonalData = Callable[[User], dict[str, list[dict[str, Any]]]]


@dataclass(frozen=True)
class TeamPage:
    """The team's page as a contributor sees it."""

    user: AnyUser
    team: Team


class PersonLeft(Protocol):
    def __call__(self, *, person: User, team: Team | None) -> int: ...


class PersonUnnamed(Protocol):
    def __call__(self, *, person: User, placeholder: User, team: Team | None) -> int: ...


personal_data: Hook[PersonalData] = Hook("personal_data")
person_unnamed: Hook[PersonUnnamed] = Hook("person_unnamed")
person_left: Hook[PersonLeft] = Hook("person_left")
team_page: Hook[Contributor[TeamPage]] = Hook("teams.team_page")
retention: Hook[Callable[[datetime], int]] = Hook("retention")
