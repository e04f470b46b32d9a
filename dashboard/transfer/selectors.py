"""A team's data as one JSON document ("teamlaering-team", version 1): what a move of the team to
another installation takes along (the sections in dashboard/transfer/schema.py).

It reads each section in one query, each many-to-many field in one more, and the people and
built-in formats referred to in one each, whatever the team's size.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils import timezone

from dashboard.transfer.schema import (
    FORMAT,
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    SECTIONS,
    TEAM_FIELDS,
    VERSION,
    Kind,
    Section,
    encode_value,
    kind_of,
    target_section,
    through_columns,
)
from meetings.models import Format
from teams.models import Team, User

type Row = dict[str, Any]


def _through_pairs(
    model_field: models.Field[Any, Any], pks: Iterable[int]
) -> list[tuple[int, int]]:
    """(row, target) pairs of a many-to-many field, for the rows given."""
    through, source, target = through_columns(model_field)
    return list(
        through._default_manager.filter(**{f"{source}__in": list(pks)})
        .order_by(source, target)
        .values_list(source, target)
    )


class _Export:
    def __init__(self, team: Team) -> None:
        self.team = team
        self.raw: dict[str, list[Row]] = {}
        # Each section's rows by their number in the installation, to their id in the file.
        self.ids: dict[str, dict[int, int]] = {}
        self.many: dict[tuple[str, str], dict[int, list[int]]] = {}
        self.people: set[int] = set()

    def read(self) -> None:
        for section in SECTIONS:
            names = [
                model_field.attname
                for model_field in section.fields()
                if not model_field.many_to_many
            ]
            rows = list(
                section.model._default_manager.filter(**{section.team_path: self.team})
                .order_by("pk")
                .values("pk", *names)
            )
            self.raw[section.name] = rows
            self.ids[section.name] = {row["pk"]: number for number, row in enumerate(rows, 1)}
            for model_field in section.fields():
                kind = kind_of(model_field)
                if kind is Kind.PERSON:
                    self.people.update(
                        row[model_field.attname] for row in rows if row[model_field.attname]
                    )
                elif kind is Kind.ROWS:
                    targets: dict[int, list[int]] = {}
                    for source, target in _through_pairs(model_field, self.ids[section.name]):
                        targets.setdefault(source, []).append(target)
                    self.many[(section.name, model_field.name)] = targets

    def builtin_keys(self) -> dict[int, str]:
        """The built-in formats the team's rows refer to, by their number."""
        referred = (
            {
                row[model_field.attname]
                for section in SECTIONS
                for model_field in section.fields()
                if kind_of(model_field) is Kind.ROW and model_field.related_model is Format
                for row in self.raw[section.name]
            }
            - set(self.ids["formats"])
            - {None}
        )
        return dict(Format.objects.builtin().filter(pk__in=referred).values_list("pk", "key"))

    def row(
        self,
        section: Section,
        raw: Row,
        usernames: dict[int, str],
        builtin: dict[int, str],
    ) -> Row:
        row: Row = {"id": self.ids[section.name][raw["pk"]]}
        for model_field in section.fields():
            kind = kind_of(model_field)
            if kind is Kind.OWN:
                continue
            if kind is Kind.ROWS:
                ids = self.ids[target_section(model_field).name]
                targets = self.many[(section.name, model_field.name)].get(raw["pk"], [])
                # A link to another team's row does not move: that row does not.
                row[model_field.name] = sorted(ids[pk] for pk in targets if pk in ids)
                continue
            value = raw[model_field.attname]
            if kind is Kind.PERSON:
                row[model_field.name] = usernames[value] if value else None
            elif kind is Kind.ROW:
                row[model_field.name] = self.reference(model_field, value, builtin)
            else:
                row[model_field.name] = encode_value(value)
        return row

    def reference(
        self, model_field: models.Field[Any, Any], pk: int | None, builtin: dict[int, str]
    ) -> int | dict[str, str] | None:
        if pk is None:
            return None
        if model_field.related_model is Format and pk in builtin:
            return {"builtin": builtin[pk]}
        return self.ids[target_section(model_field).name].get(pk)


def team_export(*, team: Team) -> dict[str, Any]:
    """Everything of the team that moves, by section (see dashboard/transfer/schema.py)."""
    export = _Export(team)
    export.read()
    organisation = team.organisation
    leaders = list(organisation.department_leaders.values_list("pk", flat=True))
    export.people.update(leaders)
    people = list(User.objects.filter(pk__in=export.people).order_by("username"))
    usernames = {person.pk: person.username for person in people}
    builtin = export.builtin_keys()
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": encode_value(timezone.now()),
        "organisation": {
            **{name: getattr(organisation, name) for name in ORGANISATION_FIELDS},
            "department_leaders": sorted(usernames[pk] for pk in leaders),
        },
        "team": {name: encode_value(getattr(team, name)) for name in TEAM_FIELDS},
        "people": [
            {
                **{name: getattr(person, name) for name in PERSON_FIELDS},
                "in_organisation": person.organisation_id == organisation.pk,
            }
            for person in people
        ],
    }
    for section in SECTIONS:
        data[section.name] = [
            export.row(section, raw, usernames, builtin) for raw in export.raw[section.name]
        ]
    return data


def team_export_json(*, team: Team) -> str:
    return json.dumps(team_export(team=team), ensure_ascii=False, indent=1)
