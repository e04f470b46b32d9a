"""What higher layers add to teams (see core.hooks); each registers from its AppConfig.ready().

- personal_data: what an app holds about a person, for their own copy of their data ("Hent mine
  data", GDPR art. 15/20). Each returns sections by name (lists of plain values that JSON can
  hold), in a fixed number of queries whatever the person has done.
- person_erased: called inside the transaction that erases a person (GDPR art. 17), after every
  row that points at the person has been moved to the placeholder account: an app that keeps
  the person's name as text as well (a product version's "ansvarlig") puts the placeholder's
  name there. Returns how many rows it changed.
- person_left: called inside the transaction in which a person leaves a team (the team page's
  removal; the team is given) or the installation (erasure; None, before their rows are handed
  on): an app takes them out of what is still to come, so that nobody is given a turn in a
  round for someone who is gone. Returns how many rows it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from core.hooks import Hook
from teams.models import Team, User

type PersonalData = Callable[[User], dict[str, list[dict[str, Any]]]]
type PersonErased = Callable[[User, User], int]


class PersonLeft(Protocol):
    def __call__(self, *, person: User, team: Team | None) -> int: ...


personal_data: Hook[PersonalData] = Hook("personal_data")
person_erased: Hook[PersonErased] = Hook("person_erased")
person_left: Hook[PersonLeft] = Hook("person_left")
