"""Handing what a person wrote on to "tidligere medarbejder": all of it when they are erased
(teams.personal_data.services), or one team's when they leave a team that shows its former
members without name (teams.services.member_remove)."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, models, transaction

from teams import hooks
from teams.models import FORMER_EMPLOYEE_USERNAME, Team, User
from teams.personal_data.relations import PersonField, team_fields_handed_on


def former_employee() -> User:
    """The installation's one placeholder for erased people: inactive, no password, no team."""
    placeholder, _created = User.objects.get_or_create(
        username=FORMER_EMPLOYEE_USERNAME,
        defaults={"is_active": False, "password": make_password(None)},
    )
    return placeholder


def move(field: PersonField, rows: models.QuerySet[models.Model], to: User) -> int:
    """Point the field of `rows` at `to`. A row that cannot move, because the placeholder has
    the same row already (a turn in the same round), stays where it is."""
    try:
        with transaction.atomic():
            return rows.update(**{field.name: to})
    except IntegrityError:
        pass
    moved = 0
    manager = field.model._base_manager
    for pk in list(rows.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                moved += manager.filter(pk=pk).update(**{field.name: to})
        except IntegrityError:
            continue
    return moved


def team_words_hand_on(*, person: User, team: Team) -> dict[str, int]:
    """Hand what `person` wrote and did in `team` on to "tidligere medarbejder", the audit log
    apart (it names who did what). Returns how many rows moved, by model and field."""
    placeholder = former_employee()
    moved: dict[str, int] = {}
    for field, lookup in team_fields_handed_on():
        rows = field.model._base_manager.filter(**{field.name: person, lookup: team})
        if count := move(field, rows, placeholder):
            moved[f"{field.model._meta.label_lower}.{field.name}"] = count
    for rename in hooks.person_unnamed:
        rename(person=person, placeholder=placeholder, team=team)
    return moved
