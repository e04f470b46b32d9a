"""Where a person is referred to: every foreign key of any installed model to the user model.

Found from the models' own relations, so that teams imports no higher app and a relation added
later is seen without anyone listing it here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from django.db import models

from core.models import Submission
from teams.models import AuditEntry, Membership, SessionOwner, Team, User

type PersonField = models.ForeignKey[models.Model, models.Model]

# The person's own rows: deleted with the account, never handed on (a submission's kept answer
# is the person's own page as they were shown it).
GOES_WITH_THE_ACCOUNT: frozenset[type[models.Model]] = frozenset(
    {Membership, SessionOwner, Submission}
)


def fields_pointing_at_people() -> Iterator[PersonField]:
    """Every foreign key (and one-to-one) to the user model, hidden ones (related_name="+")
    included."""
    for relation in User._meta.get_fields(include_hidden=True):
        if (
            relation.auto_created
            and not relation.concrete
            and (relation.one_to_many or relation.one_to_one)
        ):
            field = relation.remote_field
            assert isinstance(field, models.ForeignKey)
            yield field


def fields_handed_on() -> list[PersonField]:
    """The fields whose rows an erasure hands on to "tidligere medarbejder"."""
    return [
        field for field in fields_pointing_at_people() if field.model not in GOES_WITH_THE_ACCOUNT
    ]


# What a person did, not what they wrote: the log names who did it, whatever the team decides
# about a member who leaves.
KEPT_AS_DONE: frozenset[type[models.Model]] = frozenset({AuditEntry})

# How far a row may be from its team (a turn: its step, the step's meeting, the team).
_TEAM_DEPTH = 3


def team_lookup(model: type[models.Model]) -> str | None:
    """The shortest chain of foreign keys from `model` to its team, as a lookup
    ("meeting__team"), or None when it has none. Chains through the user model are not a
    row's team (a membership's user is in many teams)."""
    queue: deque[tuple[type[models.Model], str, int]] = deque([(model, "", 0)])
    seen = {model}
    while queue:
        current, path, depth = queue.popleft()
        for field in current._meta.get_fields():
            if not isinstance(field, models.ForeignKey):
                continue
            target = field.related_model
            if target is Team:
                return f"{path}{field.name}"
            if target is User or target in seen or depth + 1 >= _TEAM_DEPTH:
                continue
            assert isinstance(target, type)
            seen.add(target)
            queue.append((target, f"{path}{field.name}__", depth + 1))
    return None


def team_fields_handed_on() -> list[tuple[PersonField, str]]:
    """The fields whose rows of one team a member's removal hands on to "tidligere
    medarbejder" when the team wants no name (Team.former_members_named), each with the
    lookup of its team."""
    fields = []
    for field in fields_handed_on():
        if field.model in KEPT_AS_DONE:
            continue
        lookup = team_lookup(field.model)
        if lookup is not None:
            fields.append((field, lookup))
    return fields
